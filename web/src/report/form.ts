// The state of the complaint form: the fields (saved as a draft on every change), the
// photos, what is wrong with them, and sending it once, however often the button is pressed.
import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { CreateComplaintRequest, CreateComplaintResponse } from '../../../worker/domain/api';
import { ApiError } from '../api/client';
import type { MessageKey } from '../i18n';
import { rememberMyComplaint } from '../components/public/myComplaints';
import { nothingFiled, submitComplaint } from './api';
import { getClientKey } from './clientKey';
import { clearDraft, isBlank, saveDraft, type LoadedDraft, type ReportDraft, type ReportFields } from './draft';
import { createPhotoUploads } from './photos';
import { randomId } from './storage';
import { fieldOfPath, reportFields, validateReport, type FieldError, type Limits, type ReportField } from './validate';

/**
 * A 422 names something the request refers to that does not exist or may not be used (the
 * server's checkReferences): the category, the place chain, the photos. Those are said in the
 * reader's language; anything else keeps the server's words.
 */
const unprocessableKeys: Partial<Record<ReportField | 'none', MessageKey>> = {
  category: 'report.error.category.unavailable',
  place: 'report.error.place.unknown',
  photos: 'report.error.photos.refused',
};

/** Which field of the page a value belongs to, so editing it clears the server's complaint. */
const fieldOfValue: Partial<Record<keyof ReportFields, ReportField>> = {
  category: 'category',
  title: 'title',
  description: 'description',
  regencyCode: 'place',
  districtCode: 'place',
  villageCode: 'place',
  lat: 'location',
  lng: 'location',
  address: 'address',
  name: 'name',
  phone: 'phone',
  email: 'email',
};

const order = (e: FieldError) => (e.field ? reportFields.indexOf(e.field) : reportFields.length);

export function createReportForm(loaded: LoadedDraft, limits: () => Limits) {
  const { idempotencyKey, photos: savedPhotos, ...fields } = loaded.draft;
  const [values, setValues] = createStore<ReportFields>(fields);
  const [key, setKey] = createSignal(idempotencyKey);
  const photos = createPhotoUploads({
    initial: savedPhotos,
    max: () => limits().photosMax,
    clientKey: getClientKey,
  });
  const [attempted, setAttempted] = createSignal(false);
  const [serverErrors, setServerErrors] = createSignal<FieldError[]>([]);
  const [sending, setSending] = createSignal(false);
  const [waitingForPhotos, setWaitingForPhotos] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  let sent = false;

  createEffect(() => {
    const draft: ReportDraft = { ...values, idempotencyKey: key(), photos: photos.draftPhotos() };
    if (sent) return;
    if (isBlank(draft)) clearDraft();
    else saveDraft(draft);
  });
  onCleanup(photos.dispose);

  const clientErrors = createMemo(() => validateReport(values, limits(), photos.failed()));
  /** Before the first try to send, only the server's word; afterwards the live checks too. */
  const errors = createMemo(() => {
    const own = attempted() ? clientErrors() : [];
    const server = serverErrors().filter((s) => !own.some((e) => e.field && e.field === s.field));
    return [...own, ...server].sort((a, b) => order(a) - order(b));
  });

  function set<K extends keyof ReportFields>(name: K, value: ReportFields[K]) {
    setValues(name, value as never);
    const field = fieldOfValue[name];
    if (field) setServerErrors((list) => list.filter((e) => e.field !== field));
  }

  function request(): CreateComplaintRequest {
    const optional = (text: string) => text.trim() || undefined;
    const reporter: CreateComplaintRequest['reporter'] = {};
    if (optional(values.name)) reporter.name = values.name.trim();
    if (optional(values.phone)) reporter.phone = values.phone.trim();
    if (optional(values.email)) reporter.email = values.email.trim();
    return {
      title: values.title.trim(),
      description: values.description.trim(),
      category: values.category,
      regencyCode: values.regencyCode!,
      districtCode: values.districtCode!,
      villageCode: values.villageCode!,
      ...(values.lat !== null && values.lng !== null ? { lat: values.lat, lng: values.lng } : {}),
      ...(optional(values.address) ? { address: values.address.trim() } : {}),
      photoIds: photos.uploadedIds(),
      reporter,
      anonymous: values.anonymous,
      confidential: values.confidential,
    };
  }

  /**
   * Puts the details of a 400 (malformed) or a 422 (names what does not exist or may not be used:
   * a photo the server no longer holds, a category just retired) next to their fields; `sent`
   * is the request they are about.
   */
  function takeServerDetails(error: unknown, sent: CreateComplaintRequest): boolean {
    if (!(error instanceof ApiError) || (error.code !== 'validation_failed' && error.code !== 'unprocessable')) return false;
    const mapped = error.details.map((d): FieldError => {
      const field = fieldOfPath(d.path) ?? null;
      const index = /^photoIds\.(\d+)$/.exec(d.path)?.[1];
      const photoId = index === undefined ? undefined : sent.photoIds[Number(index)];
      if (photoId) photos.refuse(photoId, { key: 'report.photo.refused' });
      const said = error.code === 'unprocessable' ? unprocessableKeys[field ?? 'none'] : undefined;
      return {
        field,
        key: said ?? (field ? 'report.error.server' : 'report.error.serverOther'),
        params: { message: field ? d.message : `${d.path}: ${d.message}` },
        target: field === 'place' ? d.path.replace('Code', '') : undefined,
      };
    });
    setServerErrors(mapped);
    return mapped.length > 0;
  }

  /** Sends the complaint; the answer on success, null when something is in the way. */
  async function submit(): Promise<CreateComplaintResponse | null> {
    if (sending() || sent) return null;
    setAttempted(true);
    setFailure(null);
    if (clientErrors().length > 0) return null;
    setSending(true);
    try {
      if (photos.busy() > 0) {
        // Pressed before the photos were up: send as soon as they are, unless one fails.
        setWaitingForPhotos(true);
        await photos.settled();
        setWaitingForPhotos(false);
        if (clientErrors().length > 0) return null;
      }
      return await send();
    } finally {
      setWaitingForPhotos(false);
      setSending(false);
    }
  }

  async function send(): Promise<CreateComplaintResponse | null> {
    const complaint = request();
    try {
      const created = await submitComplaint(complaint, {
        clientKey: getClientKey(),
        idempotencyKey: key(),
      });
      sent = true;
      rememberMyComplaint({
        code: created.code,
        token: created.trackingToken,
        title: values.title.trim(),
        submittedAt: new Date().toISOString(),
      });
      clearDraft();
      return created;
    } catch (error) {
      if (nothingFiled(error)) setKey(randomId());
      if (!takeServerDetails(error, complaint)) setFailure(error);
      return null;
    }
  }

  return {
    values,
    set,
    photos,
    errors,
    errorFor: (field: ReportField) => errors().find((e) => e.field === field),
    sending,
    waitingForPhotos,
    failure,
    submit,
    idempotencyKey: key,
  };
}

export type ReportForm = ReturnType<typeof createReportForm>;
