import { and, asc, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from './client';
import { uploads } from './schema';

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
