// The outbox: events are written with the state change, and marked delivered once the
// consumer has seen them; the cron re-sends the ones never confirmed.
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { type Database, preparedOnce } from './client';
import { deadLetters, events } from './schema';

export async function findEvent(db: Database, id: number) {
  const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return row;
}

export function markEventsDelivered(db: Database, ids: number[], at: Date) {
  return deliveredStatement(db).run({ ids: JSON.stringify(ids), at });
}

const deliveredStatement = preparedOnce((db) =>
  db
    .update(events)
    .set({ deliveredAt: sql.placeholder('at') as never })
    .where(and(sql`${events.id} in (select value from json_each(${sql.placeholder('ids')}))`, isNull(events.deliveredAt)))
    .prepare(),
);

/** Events older than `before` that no consumer has confirmed yet. */
export async function listUndeliveredEventIds(db: Database, before: Date, limit = 100) {
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(and(isNull(events.deliveredAt), lt(events.createdAt, before)))
    .orderBy(asc(events.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export function recordDeadLetter(db: Database, queue: string, body: unknown, attempts: number) {
  return db.insert(deadLetters).values({ queue, body: JSON.stringify(body), attempts });
}

export function listDeadLetters(db: Database, includeReplayed: boolean) {
  return db
    .select()
    .from(deadLetters)
    .where(includeReplayed ? undefined : isNull(deadLetters.replayedAt))
    .orderBy(asc(deadLetters.id))
    .limit(500);
}

export async function findDeadLetter(db: Database, id: number) {
  const [row] = await db.select().from(deadLetters).where(eq(deadLetters.id, id)).limit(1);
  return row;
}

export function markDeadLetterReplayed(db: Database, id: number, at: Date) {
  return db.update(deadLetters).set({ replayedAt: at }).where(eq(deadLetters.id, id));
}
