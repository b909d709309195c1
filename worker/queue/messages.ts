/** What travels on the `complaint-events` queue: only the id; D1 holds the event itself. */
export interface EventMessage {
  kind: 'event';
  eventId: number;
}
export type QueueMessage = EventMessage;

export function isQueueMessage(body: unknown): body is QueueMessage {
  const m = body as Partial<EventMessage> | null;
  return m?.kind === 'event' && Number.isSafeInteger(m.eventId) && (m.eventId ?? 0) > 0;
}

export const EVENTS_QUEUE = 'complaint-events';
export const DEAD_LETTER_QUEUE = 'complaint-events-dlq';
