// The queue consumer's fan-out: one event to every LiveInbox topic that should hear of it.
import type { LiveTopic, PublishedMessage } from '../domain/live';
import { holderAfter, topicsForEvent } from '../domain/live-audience';
import type { EventWork } from '../db/routing';
import { liveInbox } from './topics';

/**
 * Tells each event's topics, with the complaint's status and version as the consumer read
 * them: one call per topic, its events in the order given. `previousHolders` names, by event
 * id, the agency a forward took the complaint away from (`previousHolders` in db/inbox).
 */
export async function publishEvents(
  env: Env,
  works: Pick<EventWork, 'event' | 'complaint'>[],
  previousHolders: ReadonlyMap<number, number> = new Map(),
): Promise<void> {
  const byTopic = new Map<LiveTopic, PublishedMessage[]>();
  for (const { event, complaint } of works) {
    const topics = topicsForEvent({
      type: event.type,
      visibility: event.visibility,
      complaintCode: complaint.code,
      complaintAgencyId: complaint.agencyId,
      eventAgencyId: event.agencyId,
      previousAgencyId: previousHolders.get(event.id),
    });
    const page: LiveTopic = `complaint:${complaint.code}`;
    const heldBy = holderAfter(event);
    // Who follows a confidential complaint only while their agency holds it is shut out at any
    // move, even one the page is not told of (an internal return): told to no socket there.
    const silentOn: LiveTopic[] = heldBy !== undefined && complaint.confidential && !topics.includes(page) ? [page] : [];
    for (const topic of [...topics, ...silentOn]) {
      const message: PublishedMessage = {
        type: 'event',
        topic,
        eventId: event.id,
        eventType: event.type,
        complaintCode: complaint.code,
        status: complaint.status,
        version: complaint.version,
        ...(topic.startsWith('agency:') && { heldHere: topic === `agency:${complaint.agencyId}` }),
        ...(topic === page && heldBy !== undefined && { heldBy }),
        ...(silentOn.includes(topic) && { silent: true as const }),
      };
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
  }
  await Promise.all([...byTopic].map(([topic, messages]) => liveInbox(env, topic).publishAll(messages)));
}
