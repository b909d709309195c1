// The photos of one complaint: each is shrunk, uploaded with progress, and can be retried
// or removed. Uploaded ones (id and thumbnail) go into the draft, so a reload keeps them.
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ApiError } from '../api/client';
import type { MessageKey } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import { uploadPhoto } from './api';
import type { DraftPhoto } from './draft';
import { isImageFile, shrinkPhoto } from './photo';

export type PhotoStatus = 'processing' | 'uploading' | 'done' | 'failed';

export interface Message {
  key: MessageKey;
  params?: Record<string, string>;
}

export interface PhotoItem {
  /** Stable for the item's life on this page; positions change when one is removed. */
  key: number;
  status: PhotoStatus;
  /** Upload progress, 0 to 1. */
  progress: number;
  id: string | null;
  thumb: string | null;
  uploadedAt: number | null;
  width: number;
  height: number;
  problem: Message | null;
  /** False when the photo's bytes are gone (a reload) or could not be read. */
  canRetry: boolean;
}

export interface PhotoUploadsOptions {
  initial: DraftPhoto[];
  max: () => number;
  clientKey: () => string;
  shrink?: typeof shrinkPhoto;
  upload?: typeof uploadPhoto;
}

function uploadProblem(error: unknown): Message {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 413) return { key: 'report.photo.tooLarge' };
  if (status === 415) return { key: 'report.photo.unsupported' };
  return { key: errorMessageKey(error) };
}

export function createPhotoUploads(options: PhotoUploadsOptions) {
  const shrink = options.shrink ?? shrinkPhoto;
  const upload = options.upload ?? uploadPhoto;
  let nextKey = 1;
  const restored = options.initial.map(
    (p): PhotoItem => ({
      key: nextKey++,
      status: 'done',
      progress: 1,
      id: p.id,
      thumb: p.thumb,
      uploadedAt: p.uploadedAt,
      width: p.width,
      height: p.height,
      problem: null,
      canRetry: false,
    }),
  );
  const [items, setItems] = createStore<PhotoItem[]>(restored);
  /** Files turned away when chosen (not an image, one too many). */
  const [notices, setNotices] = createSignal<Message[]>([]);
  /** The latest finished step, for a screen reader's live region. */
  const [announcement, setAnnouncement] = createSignal<Message | null>(null);
  const blobs = new Map<number, Blob>();
  const uploads = new Map<number, AbortController>();
  // One photo decoded at a time: a cheap phone has little memory for 12 MP bitmaps.
  let decoding = Promise.resolve();
  /** Who waits for every photo to be uploaded or failed (a send pressed early). */
  let waiters: (() => void)[] = [];

  const find = (key: number) => items.find((i) => i.key === key);
  const position = (key: number) => String(items.findIndex((i) => i.key === key) + 1);
  const update = (key: number, patch: Partial<PhotoItem>) => setItems((i) => i.key === key, patch);
  const busy = () => items.filter((i) => i.status === 'processing' || i.status === 'uploading').length;
  function settle() {
    if (busy() > 0) return;
    waiters.forEach((wake) => wake());
    waiters = [];
  }

  function add(files: Iterable<File>) {
    const turnedAway: Message[] = [];
    let room = options.max() - items.length;
    let skipped = 0;
    for (const file of files) {
      if (!isImageFile(file)) {
        turnedAway.push({ key: 'report.photo.notImage', params: { name: file.name } });
      } else if (room <= 0) {
        skipped++;
      } else {
        room--;
        const key = nextKey++;
        setItems(items.length, {
          key,
          status: 'processing',
          progress: 0,
          id: null,
          thumb: null,
          uploadedAt: null,
          width: 0,
          height: 0,
          problem: null,
          canRetry: false,
        });
        decoding = decoding.then(() => prepare(key, file));
      }
    }
    if (skipped > 0) {
      turnedAway.push({
        key: 'report.photo.tooMany',
        params: { max: String(options.max()), skipped: String(skipped) },
      });
    }
    setNotices(turnedAway);
  }

  async function prepare(key: number, file: File) {
    if (!find(key)) return; // removed while waiting
    try {
      const photo = await shrink(file);
      if (!find(key)) return;
      blobs.set(key, photo.blob);
      update(key, { thumb: photo.thumb, width: photo.width, height: photo.height });
    } catch {
      update(key, { status: 'failed', problem: { key: 'report.photo.unreadable' } });
      setAnnouncement({ key: 'report.photo.announce.failed', params: { n: position(key) } });
      settle();
      return;
    }
    void send(key); // the next photo is decoded while this one uploads
  }

  async function send(key: number) {
    const blob = blobs.get(key);
    if (!blob || !find(key)) return;
    const abort = new AbortController();
    uploads.set(key, abort);
    update(key, { status: 'uploading', progress: 0, problem: null, canRetry: false });
    try {
      const uploaded = await upload(blob, {
        clientKey: options.clientKey(),
        signal: abort.signal,
        onProgress: (progress) => update(key, { progress }),
      });
      update(key, { status: 'done', progress: 1, id: uploaded.id, uploadedAt: Date.now() });
      setAnnouncement({ key: 'report.photo.announce.done', params: { n: position(key) } });
    } catch (error) {
      if (abort.signal.aborted) return;
      update(key, { status: 'failed', problem: uploadProblem(error), canRetry: true });
      setAnnouncement({ key: 'report.photo.announce.failed', params: { n: position(key) } });
    } finally {
      uploads.delete(key);
      settle();
    }
  }

  function remove(key: number) {
    const n = position(key);
    uploads.get(key)?.abort();
    blobs.delete(key);
    setItems((list) => list.filter((i) => i.key !== key));
    setNotices([]);
    setAnnouncement({ key: 'report.photo.announce.removed', params: { n } });
    settle();
  }

  const uploaded = () => items.filter((i) => i.status === 'done' && i.id);

  /** The server refused a photo it was sent (`photoIds.n`), e.g. an upload it no longer holds. */
  function refuse(id: string, problem: Message) {
    const item = items.find((i) => i.id === id);
    if (item) update(item.key, { status: 'failed', problem, canRetry: blobs.has(item.key) });
  }

  return {
    items,
    notices,
    announcement,
    add,
    retry: (key: number) => void send(key),
    remove,
    refuse,
    uploadedIds: () => uploaded().map((i) => i.id!),
    busy,
    failed: () => items.filter((i) => i.status === 'failed').length,
    /** Resolves once no photo is being prepared or uploaded. */
    settled: () => (busy() > 0 ? new Promise<void>((wake) => waiters.push(wake)) : Promise.resolve()),
    draftPhotos: (): DraftPhoto[] =>
      uploaded().map((i) => ({
        id: i.id!,
        thumb: i.thumb,
        width: i.width,
        height: i.height,
        uploadedAt: i.uploadedAt ?? Date.now(),
      })),
    /** Stops uploads still running, when the form goes away. */
    dispose: () => uploads.forEach((abort) => abort.abort()),
  };
}

export type PhotoUploads = ReturnType<typeof createPhotoUploads>;
