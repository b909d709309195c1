import { eq } from 'drizzle-orm';
import { defaultTargets, type Targets } from '../domain/sla';
import type { Database } from './client';
import { settings } from './schema';

const TARGETS = 'targets';

/** The service-level targets in force (the defaults until an admin saves others). */
export async function loadTargets(db: Database): Promise<Targets> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, TARGETS)).limit(1);
  return (row?.value as Targets | undefined) ?? defaultTargets;
}

export function saveTargets(db: Database, targets: Targets, at: Date) {
  return db
    .insert(settings)
    .values({ key: TARGETS, value: targets, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: targets, updatedAt: at } });
}
