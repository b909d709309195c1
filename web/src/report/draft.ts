// The unsent complaint, kept on the device so a dropped connection or a reload loses
// nothing: every field, the photos already uploaded (id and a small thumbnail) and the
// idempotency key, so a retry after a timeout cannot file the complaint twice.
import { randomId, readStoredJson, removeStored, writeStored } from './storage';

export const DRAFT_STORAGE = 'ntbcare.reportDraft';
/** The server deletes unclaimed uploads after 24 hours; older ones must be sent again. */
export const UPLOAD_REUSE_MS = 20 * 60 * 60 * 1000;

export interface DraftPhoto {
  id: string;
  /** A small JPEG data URL, or null when none could be made. */
  thumb: string | null;
  width: number;
  height: number;
  /** ms since the epoch */
  uploadedAt: number;
}

export interface ReportFields {
  category: string;
  title: string;
  description: string;
  regencyCode: string | null;
  districtCode: string | null;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
  /** metres, as the device reported it */
  accuracy: number | null;
  address: string;
  name: string;
  phone: string;
  email: string;
  anonymous: boolean;
  confidential: boolean;
}

export interface ReportDraft extends ReportFields {
  idempotencyKey: string;
  photos: DraftPhoto[];
}

export const emptyFields = (): ReportFields => ({
  category: '',
  title: '',
  description: '',
  regencyCode: null,
  districtCode: null,
  villageCode: null,
  lat: null,
  lng: null,
  accuracy: null,
  address: '',
  name: '',
  phone: '',
  email: '',
  anonymous: false,
  confidential: false,
});

/** True when the draft holds nothing the citizen typed or chose. */
export function isBlank(draft: ReportDraft): boolean {
  const empty = emptyFields();
  return (
    draft.photos.length === 0 &&
    (Object.keys(empty) as (keyof ReportFields)[]).every((k) => draft[k] === empty[k])
  );
}

const isPhoto = (p: unknown): p is DraftPhoto => {
  const photo = p as DraftPhoto | null;
  return (
    typeof photo?.id === 'string' &&
    (photo.thumb === null || (typeof photo.thumb === 'string' && photo.thumb.startsWith('data:image/'))) &&
    typeof photo.width === 'number' &&
    typeof photo.height === 'number' &&
    typeof photo.uploadedAt === 'number'
  );
};

export interface LoadedDraft {
  draft: ReportDraft;
  /** Photos uploaded too long ago to be claimed any more. */
  expiredPhotos: number;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const code = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The stored draft, each field checked for what it should hold; a fresh one if none. */
export function loadDraft(now = Date.now()): LoadedDraft {
  const s = (readStoredJson(DRAFT_STORAGE) ?? {}) as Record<string, unknown>;
  const photos = Array.isArray(s.photos) ? s.photos.filter(isPhoto) : [];
  const fresh = photos.filter((p) => now - p.uploadedAt < UPLOAD_REUSE_MS);
  const key = s.idempotencyKey;
  const draft: ReportDraft = {
    category: text(s.category),
    title: text(s.title),
    description: text(s.description),
    regencyCode: code(s.regencyCode),
    districtCode: code(s.districtCode),
    villageCode: code(s.villageCode),
    lat: num(s.lat),
    lng: num(s.lng),
    accuracy: num(s.accuracy),
    address: text(s.address),
    name: text(s.name),
    phone: text(s.phone),
    email: text(s.email),
    anonymous: s.anonymous === true,
    confidential: s.confidential === true,
    idempotencyKey: typeof key === 'string' && key.length >= 16 ? key : randomId(),
    photos: fresh,
  };
  if (draft.lat === null || draft.lng === null) Object.assign(draft, { lat: null, lng: null, accuracy: null });
  return { draft, expiredPhotos: photos.length - fresh.length };
}

export function saveDraft(draft: ReportDraft): void {
  writeStored(DRAFT_STORAGE, JSON.stringify(draft));
}

export function clearDraft(): void {
  removeStored(DRAFT_STORAGE);
}
