// One dispatch on the batch's queue: complaint events, and the dead letters of those that
// kept failing. Every step is idempotent: a message may arrive twice.
import { createDb, type Database } from '../db/client';
import { markEventDelivered, recordDeadLetter } from '../db/outbox';
import { isRoutedEvent, loadEventWork } from '../db/routing';
import { DEAD_LETTER_QUEUE, isQueueMessage, type QueueMessage } from './messages';
import { sendEvents } from './producer';
import { routeComplaint } from './route-complaint';
import { publishEvent } from '../live/publish';

export async function handleQueueBatch(
  batch: MessageBatch<unknown>,
  env: Env,
  _ctx: ExecutionContext,
): Promise<void> {
  const db = createDb(env.DB);
  if (batch.queue.startsWith(DEAD_LETTER_QUEUE)) {
    for (const message of batch.messages) {
      await recordDeadLetter(db, batch.queue, message.body, message.attempts);
      message.ack();
    }
    return;
  }
  for (const message of batch.messages) {
    if (!isQueueMessage(message.body)) {
      // Retrying cannot fix a malformed body: keep it for an admin instead.
      await recordDeadLetter(db, batch.queue, message.body, message.attempts);
      message.ack();
      continue;
    }
    try {
      await handleEvent(env, db, message.body);
      message.ack();
    } catch (err) {
      console.error('event handling failed', message.body, err);
      message.retry({ delaySeconds: retryDelaySeconds(env, message.attempts) });
    }
  }
}

async function handleEvent(env: Env, db: Database, message: QueueMessage): Promise<void> {
  const work = await loadEventWork(db, message.eventId);
  // Events are committed before they are sent, so a missing one was never ours to handle.
  if (!work) return;
  const { event } = work;
  if (event.deliveredAt) return; // a second delivery changes nothing
  if (isRoutedEvent(event.type)) {
    // Only a new complaint is forwarded automatically; one an agency sent back needs a person.
    const written = await routeComplaint(db, env.DB, work, event.type === 'submitted');
    await sendEvents(env.EVENTS, written);
  }
  // Told with the complaint as read before routing: a forward it made is an event of its own.
  await publishEvent(env, work);
  // Confirmed last: a failure above leaves the event for a retry or the outbox sweep.
  await markEventDelivered(db, event.id, new Date());
}

/**
 * Exponential backoff: 2, 4, 8... seconds, at most five minutes; after `max_retries` the
 * runtime moves the message to the dead-letter queue. QUEUE_RETRY_BASE_SECONDS=0 (tests)
 * retries at once.
 */
export function retryDelaySeconds(env: Env, attempts: number): number {
  const base = Number(env.QUEUE_RETRY_BASE_SECONDS ?? 2);
  return base <= 0 ? 0 : Math.min(base ** attempts, 300);
}
