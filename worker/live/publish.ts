// The queue consumer's fan-out: one event to every LiveInbox topic that should hear of it.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { complaints, events } from '../db/schema';
import type { LiveMessage } from '../domain/live';
import { topicsForEvent } from '../domain/live-audience';
import { liveInbox } from './topics';

export async function publishEvent(env: Env, db: Database, eventId: number): Promise<void> {
  const [row] = await db
    .select({
      type: events.type,
      visibility: events.visibility,
      eventAgencyId: events.agencyId,
      code: complaints.code,
      status: complaints.status,
      version: complaints.version,
      complaintAgencyId: complaints.agencyId,
    })
    .from(events)
    .innerJoin(complaints, eq(complaints.id, events.complaintId))
    .where(eq(events.id, eventId))
    .limit(1);
  if (!row) return;
  const topics = topicsForEvent({
    visibility: row.visibility,
    complaintCode: row.code,
    complaintAgencyId: row.complaintAgencyId,
    eventAgencyId: row.eventAgencyId,
  });
  await Promise.all(
    topics.map((topic) => {
      const message: LiveMessage = {
        type: 'event',
        topic,
        eventId,
        eventType: row.type,
        complaintCode: row.code,
        status: row.status,
        version: row.version,
      };
      return liveInbox(env, topic).publish(message);
    }),
  );
}
