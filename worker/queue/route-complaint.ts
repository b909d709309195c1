// For a new (or returned) complaint: the routing suggestion and the possible duplicates for
// the moderators, and an immediate forward where the matching rule says auto_forward. For one
// held by an agency switched off: back to the moderators.
// Safe to run twice: it recomputes the same result, and a forward happens only from
// `submitted` at the version it read.
import { applyComplaintChange } from '../db/complaint-actions';
import type { Database } from '../db/client';
import { type EventWork, storeRoutingResults } from '../db/routing';
import { rankDuplicateCandidates } from '../domain/duplicates';
import { transition } from '../domain/lifecycle';
import { pickRoutingRule } from '../domain/routing';
import { moderationDueAt, responseDueAt } from '../domain/sla';
import { sendEvents } from './producer';

/**
 * Routes the complaints of a batch's routed events (the caller picks them): every suggestion
 * stored in one D1 batch, then each automatic forward, whose events go to the queue.
 */
export async function routeComplaints(db: Database, d1: D1Database, queue: Queue, works: EventWork[]): Promise<void> {
  const open = works
    .filter((w) => w.complaint.status === 'submitted')
    .map((work) => ({ work, rule: pickRoutingRule(work.rules, work.complaint) }));
  await storeRoutingResults(
    db,
    open.map(({ work, rule }) => ({
      complaintId: work.complaint.id,
      result: { suggestedAgencyId: rule?.agencyId ?? null, duplicateCandidates: rankDuplicateCandidates(work.complaint, work.others) },
    })),
  );
  const written: number[] = [];
  try {
    for (const { work, rule } of open) {
      // Only a new complaint is forwarded automatically; one an agency sent back needs a person.
      if (rule?.autoForward && work.event.type === 'submitted') written.push(...(await autoForward(d1, work, rule.agencyId)));
    }
  } finally {
    // A forward already made is queued even if a later one fails (its retry will not make it again).
    await sendEvents(queue, written);
  }
}

/**
 * Only a complaint nobody has acted on since it was filed (version 1): its `submitted` event
 * may come late (a retry, the outbox sweep) after a moderator forwarded it and the agency sent
 * it back, and then it waits for a person.
 */
async function autoForward(d1: D1Database, work: EventWork, agencyId: number): Promise<number[]> {
  const { complaint: c, defaultPriority, targets } = work;
  const to = transition(c.status, 'forward', 'system');
  if (!to || c.version !== 1) return [];
  const now = Date.now();
  // Storing the suggestion did not change the version; forward from the version read.
  const ids = await applyComplaintChange(d1, {
    complaintId: c.id,
    version: c.version,
    to,
    at: now,
    set: { agencyId, priority: defaultPriority, forwardedAt: now, dueAt: responseDueAt(now, defaultPriority, targets) },
    events: [
      {
        type: 'forwarded',
        actorRole: 'system',
        agencyId,
        visibility: 'public',
        fromStatus: c.status,
        data: { automatic: true, priority: defaultPriority },
      },
    ],
  });
  return ids ?? [];
}

/**
 * Complaints held by an agency switched off (its reporter reopened one it had resolved, or a
 * forward to it crossed its switching off) go back to the moderators, as if it had returned
 * them: its staff can no longer open them. Any event of such a complaint sets this off; the
 * return is guarded by the version read, so a second delivery changes nothing.
 */
export async function returnFromInactiveAgencies(d1: D1Database, queue: Queue, works: EventWork[]): Promise<void> {
  const stranded = new Map<number, EventWork>();
  for (const work of works) {
    const c = work.complaint;
    if (c.agencyId !== null && work.agencyActive === false && transition(c.status, 'return', 'system')) stranded.set(c.id, work);
  }
  const written: number[] = [];
  try {
    for (const { complaint: c, targets } of stranded.values()) {
      const now = Date.now();
      const ids = await applyComplaintChange(d1, {
        complaintId: c.id,
        version: c.version,
        to: 'submitted',
        at: now,
        set: { agencyId: null, dueAt: moderationDueAt(now, targets) },
        events: [
          {
            type: 'returned',
            actorRole: 'system',
            agencyId: c.agencyId,
            visibility: 'internal',
            fromStatus: c.status,
            data: { reason: 'agency_inactive' },
          },
        ],
      });
      written.push(...(ids ?? []));
    }
  } finally {
    await sendEvents(queue, written);
  }
}
