// Staff accounts and their sessions.
import { and, eq, getTableColumns, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from './client';
import { agencies, knownDevices, sessions, users } from './schema';

/**
 * Whether an account may work: not disabled, and not of an agency switched off (its staff
 * keep their accounts, to come back when it is on again). Read with `agencies` left-joined.
 */
const mayWork = sql<number>`(${users.disabledAt} is null and (${users.agencyId} is null or ${agencies.active} = 1))`.mapWith(Boolean);

export async function findUserByUsername(db: Database, username: string) {
  const [row] = await db
    .select({ ...getTableColumns(users), mayWork })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.username, username))
    .limit(1);
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
      },
      mayWork,
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

const accountColumns = {
  id: users.id,
  agencyId: users.agencyId,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  agency: { slug: agencies.slug, name: agencies.name, shortName: agencies.shortName },
};

export function listAccounts(db: Database, filter: { q?: string; role?: 'moderator' | 'agency' | 'admin'; agency?: string }) {
  const like = filter.q ? `%${filter.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : undefined;
  return db
    .select(accountColumns)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        like ? sql`(${users.username} like ${like} escape '\\' or ${users.displayName} like ${like} escape '\\')` : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.agency ? eq(agencies.slug, filter.agency) : undefined,
      ),
    )
    .orderBy(users.username)
    .limit(500);
}

export async function findAccount(db: Database, username: string) {
  const [row] = await db.select(accountColumns).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.username, username)).limit(1);
  return row;
}

export function insertUser(db: Database, user: typeof users.$inferInsert) {
  return db.insert(users).values(user).onConflictDoNothing({ target: users.username }).returning({ id: users.id });
}

/** Disabling signs the account out everywhere, in the same transaction. */
export async function setDisabled(db: Database, userId: number, disabledAt: Date | null) {
  const update = db.update(users).set({ disabledAt }).where(eq(users.id, userId));
  if (!disabledAt) return update;
  return db.batch([
    update,
    db.update(sessions).set({ revokedAt: disabledAt }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
  ]);
}

/** A new password signs the account out everywhere. */
export function setPassword(db: Database, userId: number, passwordHash: string) {
  const now = new Date();
  return db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
  ]);
}

/** Of these session hashes, the ones still signed in: not revoked, not expired, not idle, account able to work. */
export async function liveSessionHashes(db: Database, hashes: string[], now: number, idleMs: number): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .select({ hash: sessions.tokenHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        // As one JSON list: a topic's sockets may be more than D1's 100 bound parameters.
        sql`${sessions.tokenHash} in (select value from json_each(${JSON.stringify(hashes)}))`,
        isNull(sessions.revokedAt),
        mayWork,
        sql`${sessions.expiresAt} > ${now} and ${sessions.lastSeenAt} > ${now - idleMs}`,
      ),
    );
  return new Set(rows.map((r) => r.hash));
}

/** The username of the staff member a known device's token hash belongs to, if any. */
export async function knownDeviceUser(db: Database, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ username: users.username })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(eq(knownDevices.tokenHash, tokenHash));
  return row?.username;
}

/** Records (or refreshes) a device a staff member has just signed in from. */
export function rememberDevice(db: Database, device: typeof knownDevices.$inferInsert) {
  return db
    .insert(knownDevices)
    .values(device)
    .onConflictDoUpdate({ target: knownDevices.tokenHash, set: { userId: device.userId, lastUsedAt: device.lastUsedAt } });
}

export function deleteDevicesUnusedSince(db: Database, before: Date) {
  return db.delete(knownDevices).where(lt(knownDevices.lastUsedAt, before));
}
