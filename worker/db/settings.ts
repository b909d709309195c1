import { eq } from 'drizzle-orm';
import { defaultTargets, type Targets } from '../domain/sla';
import type { Database } from './client';
import { settings } from './schema';

/** The settings row of the service-level targets. */
export const TARGETS_KEY = 'targets';

/** The service-level targets in force (the defaults until an admin saves others). */
export async function loadTargets(db: Database): Promise<Targets> {
  return targetsOf(await targetsQuery(db));
}

/** The query behind `loadTargets`, for a batch; `targetsOf` reads its rows. */
export const targetsQuery = (db: Database) =>
  db.select({ value: settings.value }).from(settings).where(eq(settings.key, TARGETS_KEY)).limit(1);
export const targetsOf = (rows: { value: unknown }[]): Targets => (rows[0]?.value as Targets | undefined) ?? defaultTargets;

export function saveTargets(db: Database, targets: Targets, at: Date) {
  return db
    .insert(settings)
    .values({ key: TARGETS_KEY, value: targets, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: targets, updatedAt: at } });
}
