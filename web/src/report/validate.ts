// What the form checks before sending: the server's own limits (from `/api/meta`), so the
// citizen hears what is missing at once and not after a round trip on 3G.
import { phonePattern, type complaintLimits } from '../../../worker/domain/api';
import type { MessageKey } from '../i18n';
import type { ReportFields } from './draft';

export type Limits = typeof complaintLimits;

/** The form's fields in page order: the error summary lists them in this order. */
export const reportFields = [
  'category',
  'title',
  'description',
  'place',
  'location',
  'address',
  'photos',
  'name',
  'phone',
  'email',
] as const;
export type ReportField = (typeof reportFields)[number];

/** The element an error links to and describes. */
export const fieldIds: Record<ReportField, string> = {
  category: 'report-category',
  title: 'report-title',
  description: 'report-description',
  place: 'regency',
  location: 'report-location',
  address: 'report-address',
  photos: 'report-photos',
  name: 'report-name',
  phone: 'report-phone',
  email: 'report-email',
};

/** The label a field's errors name it by. */
export const fieldLabels: Record<ReportField, MessageKey> = {
  category: 'report.category.label',
  title: 'report.title.label',
  description: 'report.description.label',
  place: 'report.place.label',
  location: 'report.location.label',
  address: 'report.address.label',
  photos: 'report.photos.label',
  name: 'report.name.label',
  phone: 'report.phone.label',
  email: 'report.email.label',
};

export interface FieldError {
  /** null for a server complaint about something that is no field of the form. */
  field: ReportField | null;
  key: MessageKey;
  params?: Record<string, string | number>;
  /** For the place: the select that still needs a choice (`regency`, `district`, `village`). */
  target?: string;
}


// Loose on purpose: the server has the last word; this catches typos, not every bad address.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

interface LengthKeys {
  required?: MessageKey;
  short?: MessageKey;
  long: MessageKey;
}

function lengthError(
  field: ReportField,
  value: string,
  min: number,
  max: number,
  keys: LengthKeys,
): FieldError | undefined {
  const length = value.trim().length;
  if (length === 0 && keys.required) return { field, key: keys.required };
  if (length < min && keys.short) return { field, key: keys.short, params: { min } };
  if (length > max) return { field, key: keys.long, params: { max, over: length - max } };
  return undefined;
}

/** `failedPhotos`: uploads that failed; ones still on their way are waited for when sending. */
export function validateReport(v: ReportFields, limits: Limits, failedPhotos: number): FieldError[] {
  const errors: (FieldError | undefined)[] = [
    v.category ? undefined : { field: 'category', key: 'report.error.category.required' },
    lengthError('title', v.title, limits.titleMin, limits.titleMax, {
      required: 'report.error.title.required',
      short: 'report.error.title.short',
      long: 'report.error.title.long',
    }),
    lengthError(
      'description',
      v.description,
      limits.descriptionMin,
      limits.descriptionMax,
      {
        required: 'report.error.description.required',
        short: 'report.error.description.short',
        long: 'report.error.description.long',
      },
    ),
    !v.regencyCode
      ? { field: 'place', key: 'report.error.regency.required', target: 'regency' }
      : !v.districtCode
        ? { field: 'place', key: 'report.error.district.required', target: 'district' }
        : !v.villageCode
          ? { field: 'place', key: 'report.error.village.required', target: 'village' }
          : undefined,
    lengthError('address', v.address, 0, limits.addressMax, { long: 'report.error.address.long' }),
    failedPhotos > 0 ? { field: 'photos', key: 'report.error.photos.failed' } : undefined,
    lengthError('name', v.name, 0, limits.nameMax, { long: 'report.error.name.long' }),
    phoneError(v.phone),
    v.email.trim() && !emailPattern.test(v.email.trim())
      ? { field: 'email', key: 'report.error.email.invalid' }
      : undefined,
  ];
  return errors.filter((e): e is FieldError => e !== undefined);
}

function phoneError(phone: string): FieldError | undefined {
  const value = phone.trim();
  if (!value) return undefined;
  const digits = value.replace(/\D/g, '').length;
  // The server's own pattern, so a number it would refuse is named here, in the reader's language.
  return phonePattern.test(value) && digits >= 8 && digits <= 15
    ? undefined
    : { field: 'phone', key: 'report.error.phone.invalid' };
}

/** The field a server error's `path` (`title`, `reporter.email`, `photoIds.2`, ...) is about. */
export function fieldOfPath(path: string): ReportField | undefined {
  const [head, sub] = path.split('.');
  switch (head) {
    case 'category':
    case 'title':
    case 'description':
    case 'address':
      return head;
    case 'regencyCode':
    case 'districtCode':
    case 'villageCode':
      return 'place';
    case 'lat':
    case 'lng':
      return 'location';
    case 'photoIds':
      return 'photos';
    case 'reporter':
      return sub === 'name' || sub === 'phone' || sub === 'email' ? sub : undefined;
    default:
      return undefined;
  }
}
