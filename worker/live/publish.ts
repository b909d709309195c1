// The queue consumer's fan-out: one event to every LiveInbox topic that should hear of it.
import type { LiveTopic, PublishedMessage } from '../domain/live';
import { topicsForEvent } from '../domain/live-audience';
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
    for (const topic of topics) {
      const message: PublishedMessage = {
        type: 'event',
        topic,
        eventId: event.id,
        eventType: event.type,
        complaintCode: complaint.code,
        status: complaint.status,
        version: complaint.version,
        ...(topic.startsWith('agency:') && { heldHere: topic === `agency:${complaint.agencyId}` }),
        // Who holds it from this event on, where the event says: a forward names the agency.
        ...(topic.startsWith('complaint:') && event.type === 'forwarded' && { heldBy: event.agencyId }),
      };
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
  }
  await Promise.all([...byTopic].map(([topic, messages]) => liveInbox(env, topic).publishAll(messages)));
}
