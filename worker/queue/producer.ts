import type { QueueMessage } from './messages';

/** Sends event ids to the queue; a failure here is healed by the cron's outbox sweep. */
export async function sendEvents(queue: Queue, eventIds: number[]): Promise<void> {
  if (eventIds.length === 0) return;
  // sendBatch takes at most 100 messages.
  for (let i = 0; i < eventIds.length; i += 100) {
    await queue.sendBatch(
      eventIds.slice(i, i + 100).map((eventId) => ({ body: { kind: 'event', eventId } satisfies QueueMessage })),
    );
  }
}
