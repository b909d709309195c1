// The queue consumer's fan-out: one event to every LiveInbox topic that should hear of it.
import type { LiveMessage } from '../domain/live';
import { topicsForEvent } from '../domain/live-audience';
import type { EventWork } from '../db/routing';
import { liveInbox } from './topics';

/** Tells the event's topics, with the complaint's status and version as the consumer read them. */
export async function publishEvent(env: Env, { event, complaint }: Pick<EventWork, 'event' | 'complaint'>): Promise<void> {
  const topics = topicsForEvent({
    type: event.type,
    visibility: event.visibility,
    complaintCode: complaint.code,
    complaintAgencyId: complaint.agencyId,
    eventAgencyId: event.agencyId,
  });
  await Promise.all(
    topics.map((topic) => {
      const message: LiveMessage = {
        type: 'event',
        topic,
        eventId: event.id,
        eventType: event.type,
        complaintCode: complaint.code,
        status: complaint.status,
        version: complaint.version,
      };
      return liveInbox(env, topic).publish(message);
    }),
  );
}
