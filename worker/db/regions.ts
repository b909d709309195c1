import { asc, eq } from 'drizzle-orm';
import type { RegionChildrenResponse, RegionInfo } from '../domain/api';
import type { Database } from './client';
import { regions } from './schema';

const regionFields = { code: regions.code, name: regions.name, level: regions.level };

export async function findRegion(db: Database, code: string) {
  const [row] = await db
    .select({ ...regionFields, parentCode: regions.parentCode })
    .from(regions)
    .where(eq(regions.code, code))
    .limit(1);
  return row;
}

export function listChildRegions(db: Database, parentCode: string): Promise<RegionInfo[]> {
  return db
    .select(regionFields)
    .from(regions)
    .where(eq(regions.parentCode, parentCode))
    .orderBy(asc(regions.name));
}

/** A region and its children, or undefined when no region has that code. */
export async function regionWithChildren(
  db: Database,
  code: string,
): Promise<RegionChildrenResponse | undefined> {
  const [region, children] = await Promise.all([findRegion(db, code), listChildRegions(db, code)]);
  return region && { region, children };
}
