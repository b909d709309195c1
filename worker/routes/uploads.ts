// `POST /api/uploads`: one photo as the raw body. Checked by its bytes (JPEG, PNG or WebP),
// its size and its pixel count, then kept in quarantine until a complaint claims it.
import { Hono } from 'hono';
import { randomToken } from '../auth/tokens';
import { insertUpload } from '../db/uploads';
import { complaintLimits, type UploadResponse } from '../domain/api';
import { inspectImage } from '../domain/images';
import { clientOwnerHash } from '../http/client';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { rateLimited, rateLimits } from '../http/rate-limit';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];
const tooLarge = () =>
  new ApiError('payload_too_large', `A photo may be at most ${complaintLimits.photoBytesMax / 1024 / 1024} MB`);

/** Reads at most `max` bytes of the body, refusing more whether or not a length was declared. */
async function readBounded(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export const uploadRoutes = new Hono<AppEnv>().post('/', rateLimited(rateLimits.uploads), async (c) => {
  const declaredType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED.includes(declaredType)) {
    throw new ApiError('unsupported_media_type', 'Send a JPEG, PNG or WebP photo as the request body', {
      details: [{ path: 'Content-Type', message: `Expected one of ${ACCEPTED.join(', ')}` }],
    });
  }
  const declaredLength = Number(c.req.header('Content-Length') ?? NaN);
  if (declaredLength > complaintLimits.photoBytesMax) throw tooLarge();

  const bytes = await readBounded(c.req.raw.body, complaintLimits.photoBytesMax);
  const image = inspectImage(bytes);
  if (!image.ok) {
    const message = {
      not_an_image: 'The body is not a JPEG, PNG or WebP image',
      truncated: 'The image is incomplete: send it again',
      corrupt: 'The image cannot be read',
    }[image.reason];
    throw new ApiError('unsupported_media_type', message, { details: [{ path: 'body', message: image.reason }] });
  }
  if (image.width * image.height > complaintLimits.photoPixelsMax) {
    throw new ApiError('payload_too_large', 'A photo may have at most 40 megapixels');
  }

  const id = randomToken();
  const r2Key = `uploads/${id}`;
  await c.env.PHOTOS.put(r2Key, bytes, { httpMetadata: { contentType: image.type } });
  try {
    await insertUpload(c.get('db'), {
      id,
      r2Key,
      contentType: image.type,
      size: bytes.byteLength,
      width: image.width,
      height: image.height,
      ownerHash: await clientOwnerHash(c),
    });
  } catch (err) {
    await c.env.PHOTOS.delete(r2Key); // nothing left behind without its record
    throw err;
  }
  const body: UploadResponse = { id, contentType: image.type, width: image.width, height: image.height, size: bytes.byteLength };
  return c.json(body, 201);
});
