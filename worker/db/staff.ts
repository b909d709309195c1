// Staff accounts and their sessions.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from './client';
import { agencies, sessions, users } from './schema';

export async function findUserByUsername(db: Database, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export function insertSession(db: Database, session: typeof sessions.$inferInsert) {
  return db.insert(sessions).values(session);
}

/** The live session of a token hash with its user and agency, if any. */
export async function findSession(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        agencyId: users.agencyId,
        disabledAt: users.disabledAt,
      },
      agency: { slug: agencies.slug, name: agencies.name, shortName: agencies.shortName },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  return row;
}

export function touchSession(db: Database, tokenHash: string, at: Date) {
  return db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export function revokeSession(db: Database, tokenHash: string, at: Date) {
  return db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export function revokeSessionsOfUser(db: Database, userId: number, at: Date) {
  return db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export function deleteSessionsEndedBefore(db: Database, before: Date) {
  return db.delete(sessions).where(sql`${sessions.expiresAt} < ${before.getTime()} or ${sessions.revokedAt} < ${before.getTime()}`);
}
