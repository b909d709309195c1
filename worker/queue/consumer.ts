// One dispatch on the batch's queue: complaint events, and the dead letters of those that
// kept failing. Every step is idempotent: a message may arrive twice.
import { createDb, type Database } from '../db/client';
import { previousHolders } from '../db/inbox';
import { isForwardAway } from '../domain/live-audience';
import { markEventsDelivered, recordDeadLetter } from '../db/outbox';
import { loadEventWork } from '../db/routing';
import { isRoutedEvent } from '../domain/routing';
import { DEAD_LETTER_QUEUE, isQueueMessage, type QueueMessage } from './messages';
import { returnFromInactiveAgencies, routeComplaints } from './route-complaint';
import { publishEvents } from '../live/publish';

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
  const eventMessages: Message<QueueMessage>[] = [];
  for (const message of batch.messages) {
    if (isQueueMessage(message.body)) {
      eventMessages.push(message as Message<QueueMessage>);
      continue;
    }
    // Retrying cannot fix a malformed body: keep it for an admin instead.
    await recordDeadLetter(db, batch.queue, message.body, message.attempts);
    message.ack();
  }
  if (eventMessages.length === 0) return;
  // The whole batch together: a few round trips whatever its size.
  try {
    await handleEvents(env, db, eventMessages.map((m) => m.body.eventId));
    for (const message of eventMessages) message.ack();
    return;
  } catch (err) {
    if (eventMessages.length === 1) {
      retryLater(env, eventMessages[0]!, err);
      return;
    }
  }
  // One of them failed it: each on its own, so that the others go through and only it is retried.
  for (const message of eventMessages) {
    try {
      await handleEvents(env, db, [message.body.eventId]);
      message.ack();
    } catch (err) {
      retryLater(env, message, err);
    }
  }
}

function retryLater(env: Env, message: Message<QueueMessage>, err: unknown) {
  console.error('event handling failed', message.body, err);
  message.retry({ delaySeconds: retryDelaySeconds(env, message.attempts) });
}

async function handleEvents(env: Env, db: Database, eventIds: number[]): Promise<void> {
  // Events are committed before they are sent, so a missing one was never ours to handle;
  // one already confirmed was handled by an earlier delivery.
  const work = (await loadEventWork(db, [...new Set(eventIds)])).filter((w) => !w.event.deliveredAt);
  if (work.length === 0) return;
  await routeComplaints(db, env.DB, env.EVENTS, work.filter((w) => isRoutedEvent(w.event.type)));
  await returnFromInactiveAgencies(env.DB, env.EVENTS, work);
  // Told with the complaint as read before routing: a forward it made is an event of its own.
  // A forward away from an agency is told to that agency too (it leaves its inbox).
  await publishEvents(env, work, await previousHolders(db, work.filter((w) => isForwardAway(w.event)).map((w) => w.event.id)));
  // Confirmed last: a failure above leaves the events for a retry or the outbox sweep.
  await markEventsDelivered(db, work.map((w) => w.event.id), new Date());
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
