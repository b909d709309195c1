// For a new (or returned) complaint: the routing suggestion and the possible duplicates for
// the moderators, and an immediate forward where the matching rule says auto_forward.
// Safe to run twice: it recomputes the same result, and a forward happens only from
// `submitted` at the version it read.
import { applyComplaintChange } from '../db/complaint-actions';
import type { Database } from '../db/client';
import { type EventWork, storeRoutingResult } from '../db/routing';
import { rankDuplicateCandidates } from '../domain/duplicates';
import { transition } from '../domain/lifecycle';
import { pickRoutingRule } from '../domain/routing';
import { responseDueAt } from '../domain/sla';

/** Returns the ids of events it wrote (an automatic forward), for the queue. */
export async function routeComplaint(db: Database, d1: D1Database, work: EventWork, allowAutoForward: boolean): Promise<number[]> {
  const { complaint: c, defaultPriority, rules, others, targets } = work;
  if (c.status !== 'submitted') return [];
  const rule = pickRoutingRule(rules, c);
  await storeRoutingResult(db, c.id, {
    suggestedAgencyId: rule?.agencyId ?? null,
    duplicateCandidates: rankDuplicateCandidates(c, others),
  });
  // Only a complaint nobody has acted on since it was filed (version 1): its `submitted` event
  // may come late (a retry, the outbox sweep) after a moderator forwarded it and the agency
  // sent it back, and then it waits for a person.
  if (!rule?.autoForward || !allowAutoForward || c.version !== 1) return [];
  const to = transition(c.status, 'forward', 'system');
  if (!to) return [];
  const now = Date.now();
  // Storing the suggestion did not change the version; forward from the version read.
  const ids = await applyComplaintChange(d1, {
    complaintId: c.id,
    version: c.version,
    to,
    at: now,
    set: { agencyId: rule.agencyId, priority: defaultPriority, forwardedAt: now, dueAt: responseDueAt(now, defaultPriority, targets) },
    events: [
      {
        type: 'forwarded',
        actorRole: 'system',
        agencyId: rule.agencyId,
        visibility: 'public',
        fromStatus: c.status,
        data: { automatic: true, priority: defaultPriority },
      },
    ],
  });
  return ids ?? [];
}
