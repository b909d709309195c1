// Keyset cursors for lists ordered by (a time, id): submission, last change or due time.
// Opaque to clients. The time is named `submittedAt`, the first list's; the inbox and the
// overdue list put their own time there.
import { ApiError } from './errors';

export function encodeCursor(submittedAt: Date, id: number): string {
  return btoa(`${submittedAt.getTime()}.${id}`).replace(/=+$/, '');
}

export function decodeCursor(cursor: string): { submittedAt: number; id: number } {
  try {
    const [at, id] = atob(cursor).split('.').map(Number);
    if (Number.isSafeInteger(at) && Number.isSafeInteger(id)) return { submittedAt: at!, id: id! };
  } catch {
    // fall through to the refusal
  }
  throw new ApiError('validation_failed', 'Invalid query', { details: [{ path: 'cursor', message: 'Not a cursor' }] });
}
