// The cron trigger (every minute): the outbox sweep, breaches of service-level targets,
// closing resolved complaints after 10 days, the quarantine clean-up, and the expiry of
// rate-limit windows, idempotency keys and devices unused for half a year.
import { createDb } from './db/client';
import { deleteIdempotencyKeysBefore } from './db/complaints';
import { listUndeliveredEventIds } from './db/outbox';
import { deleteRateLimitsBefore } from './db/rate-limits';
import { deleteDevicesUnusedSince } from './db/staff';
import { DEVICE_KEPT_MS } from './auth/devices';
import { applyComplaintChange } from './db/complaint-actions';
import { listResolvedBefore, listUnmarkedBreaches, markBreach } from './db/sla';
import { transition } from './domain/lifecycle';
import { AUTO_CLOSE_AFTER_MS, breachOf } from './domain/sla';
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

  // Late complaints: a `breached` event once per missed due time; the queue tells the
  // moderators' desk and the agency's inbox.
  const breached: number[] = [];
  for (const c of await listUnmarkedBreaches(db, now)) {
    const kind = breachOf({ status: c.status, dueAt: c.dueAt?.getTime() ?? null }, now);
    if (!kind || !c.dueAt) continue;
    const id = await markBreach(env.DB, { id: c.id, dueAt: c.dueAt, agencyId: c.agencyId }, kind, new Date(now));
    if (id) breached.push(id);
  }
  await sendEvents(env.EVENTS, breached);

  // Resolved and not answered by the reporter for 10 days: closed, as LAPOR! does.
  const closed: number[] = [];
  for (const c of await listResolvedBefore(db, now - AUTO_CLOSE_AFTER_MS)) {
    const to = transition(c.status, 'close', 'system');
    if (!to) continue;
    const ids = await applyComplaintChange(env.DB, {
      complaintId: c.id,
      version: c.version,
      to,
      at: now,
      set: { closedAt: now, dueAt: null },
      events: [{ type: 'closed', actorRole: 'system', visibility: 'public', fromStatus: c.status, data: { automatic: true } }],
    });
    if (ids) closed.push(...ids);
  }
  await sendEvents(env.EVENTS, closed);

  const stale = await listUnclaimedUploads(db, new Date(now - UPLOAD_QUARANTINE_MS));
  if (stale.length > 0) {
    await env.PHOTOS.delete(stale.map((u) => u.r2Key));
    await deleteUploads(db, stale.map((u) => u.id));
  }

  // Rate-limit windows are at most an hour long; idempotency keys serve retries for a day.
  await deleteRateLimitsBefore(db, now - 60 * 60 * 1000);
  // Browsers nobody has signed in from for half a year are no longer known devices.
  await deleteDevicesUnusedSince(db, new Date(now - DEVICE_KEPT_MS));
  await deleteIdempotencyKeysBefore(db, new Date(now - 24 * 60 * 60 * 1000));
}
