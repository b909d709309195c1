// The two requests of the complaint form: a photo upload (XMLHttpRequest, for its upload
// progress) and the submission (with the device key and the idempotency key). Failures are
// the client's `ApiError`, as from every other request.
import {
  CLIENT_KEY_HEADER,
  IDEMPOTENCY_HEADER,
  type CreateComplaintRequest,
  type CreateComplaintResponse,
  type UploadResponse,
} from '../../../worker/domain/api';
import { ApiError, apiErrorFrom } from '../api/client';

const UPLOAD_TIMEOUT_MS = 120_000; // 400 KB at 3G's worst is still under two minutes
const SUBMIT_TIMEOUT_MS = 30_000;

const networkError = (message: string) => new ApiError(0, 'network', message);

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface UploadOptions {
  clientKey: string;
  /** 0 to 1, as the bytes leave the phone. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** `POST /api/uploads` with the JPEG as the raw body. */
export function uploadPhoto(blob: Blob, options: UploadOptions): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.setRequestHeader('Content-Type', blob.type || 'image/jpeg');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(CLIENT_KEY_HEADER, options.clientKey);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      const upload = body as UploadResponse | undefined;
      if (xhr.status >= 200 && xhr.status < 300 && typeof upload?.id === 'string') {
        options.onProgress?.(1);
        resolve(upload);
      } else {
        reject(apiErrorFrom(xhr.status, body, xhr.getResponseHeader('Retry-After')));
      }
    };
    xhr.onerror = () => reject(networkError('Upload failed'));
    xhr.ontimeout = () => reject(networkError('Upload timed out'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(blob);
  });
}

export interface SubmitOptions {
  clientKey: string;
  idempotencyKey: string;
}

/** `POST /api/complaints`. A retry with the same idempotency key gets the first answer. */
export async function submitComplaint(
  complaint: CreateComplaintRequest,
  options: SubmitOptions,
): Promise<CreateComplaintResponse> {
  let response: Response;
  try {
    response = await globalThis.fetch('/api/complaints', {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        [CLIENT_KEY_HEADER]: options.clientKey,
        [IDEMPOTENCY_HEADER]: options.idempotencyKey,
      },
      body: JSON.stringify(complaint),
      signal: AbortSignal.timeout(SUBMIT_TIMEOUT_MS),
    });
  } catch (cause) {
    throw networkError(cause instanceof Error ? cause.message : String(cause));
  }
  const body = await response.json().catch(() => undefined);
  const created = body as CreateComplaintResponse | undefined;
  if (response.ok && typeof created?.code === 'string' && typeof created.trackingToken === 'string') {
    return created;
  }
  throw apiErrorFrom(response.status, body, response.headers.get('Retry-After'));
}

/**
 * A rejection the server made after reading the request: nothing was filed, so the next
 * attempt may use a new idempotency key. After a timeout or a 5xx we cannot know, and keep it.
 */
export function nothingFiled(error: unknown): boolean {
  return error instanceof ApiError && [400, 413, 415, 422].includes(error.status);
}
