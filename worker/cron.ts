// The cron trigger (every minute): the outbox sweep, the quarantine clean-up, and the
// expiry of rate-limit windows and idempotency keys.
import { createDb } from './db/client';
import { deleteIdempotencyKeysBefore } from './db/complaints';
import { listUndeliveredEventIds } from './db/outbox';
import { deleteRateLimitsBefore } from './db/rate-limits';
import { deleteUploads, listUnclaimedUploads } from './db/uploads';
import { sendEvents } from './queue/producer';

/** An event not confirmed after this long is sent again. */
export const OUTBOX_RESEND_AFTER_MS = 60_000;
/** Uploads no complaint claimed within this time are deleted. */
export const UPLOAD_QUARANTINE_MS = 24 * 60 * 60 * 1000;

export async function runScheduledTasks(env: Env, now: number): Promise<void> {
  const db = createDb(env.DB);
  const undelivered = await listUndeliveredEventIds(db, new Date(now - OUTBOX_RESEND_AFTER_MS));
  await sendEvents(env.EVENTS, undelivered);

  const stale = await listUnclaimedUploads(db, new Date(now - UPLOAD_QUARANTINE_MS));
  if (stale.length > 0) {
    await env.PHOTOS.delete(stale.map((u) => u.r2Key));
    await deleteUploads(db, stale.map((u) => u.id));
  }

  // Rate-limit windows are at most an hour long; idempotency keys serve retries for a day.
  await deleteRateLimitsBefore(db, now - 60 * 60 * 1000);
  await deleteIdempotencyKeysBefore(db, new Date(now - 24 * 60 * 60 * 1000));
}
