// Requests that carry words (JSON, forms) are small; one larger is refused with 413 as it
// arrives, before it is read whole and parsed. Photos have their own limit (routes/uploads.ts).
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors';

/** Far above the longest complaint (4,000 characters of description, its title, place and reporter). */
export const MAX_TEXT_BODY_BYTES = 64 * 1024;

export const textBodyLimit = bodyLimit({
  maxSize: MAX_TEXT_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload_too_large', 'The request body is too large');
  },
});
