// Open311 API keys: administrators issue and revoke them; only the key's SHA-256 and its
// first characters are kept.
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { apiKeys, users } from './schema';

export async function findApiKeyByHash(db: Database, keyHash: string) {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).limit(1);
  return row;
}

const listed = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  createdBy: users.username,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

function selectListed(db: Database) {
  return db.select(listed).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.createdBy));
}

/** Newest first. */
export function listApiKeys(db: Database) {
  return selectListed(db).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}
export type ListedApiKey = Awaited<ReturnType<typeof listApiKeys>>[number];

export async function findListedApiKey(db: Database, id: number) {
  const [row] = await selectListed(db).where(eq(apiKeys.id, id)).limit(1);
  return row;
}

export async function insertApiKey(db: Database, key: { name: string; prefix: string; keyHash: string; createdBy: number }) {
  const [row] = await db.insert(apiKeys).values(key).returning({ id: apiKeys.id });
  return row!.id;
}

/** Revoking twice keeps the first time. */
export function revokeApiKey(db: Database, id: number, at: Date) {
  return db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at.getTime()})` })
    .where(eq(apiKeys.id, id));
}

export function touchApiKey(db: Database, id: number, at: Date) {
  return db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}
