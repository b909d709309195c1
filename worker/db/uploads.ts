import { and, asc, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from './client';
import { uploads } from './schema';

export function insertUpload(db: Database, upload: typeof uploads.$inferInsert) {
  return db.insert(uploads).values(upload);
}

export function findUploads(db: Database, ids: string[]) {
  return ids.length === 0 ? Promise.resolve([]) : db.select().from(uploads).where(inArray(uploads.id, ids));
}

/** Quarantined uploads created before `before` that no complaint claimed. */
export function listUnclaimedUploads(db: Database, before: Date, limit = 200) {
  return db
    .select({ id: uploads.id, r2Key: uploads.r2Key })
    .from(uploads)
    .where(and(isNull(uploads.claimedAt), lt(uploads.createdAt, before)))
    .orderBy(asc(uploads.createdAt))
    .limit(limit);
}

export function deleteUploads(db: Database, ids: string[]) {
  return db.delete(uploads).where(and(inArray(uploads.id, ids), isNull(uploads.claimedAt)));
}
