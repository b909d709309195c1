import { asc, eq } from 'drizzle-orm';
import { type AgencyInfo, type CategoryInfo, complaintLimits, type MapConfig, type MetaResponse } from '../domain/api';
import { complaintStatuses, NTB_PROVINCE_CODE, priorities } from '../domain/vocabulary';
import { loadTargets } from './settings';
import type { Database } from './client';
import { listChildRegions } from './regions';
import { agencies, categories } from './schema';

export async function listActiveCategories(db: Database): Promise<CategoryInfo[]> {
  const rows = await db
    .select()
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.nameId));
  return rows.map((c) => ({
    slug: c.slug,
    name: { id: c.nameId, en: c.nameEn },
    description: { id: c.descriptionId, en: c.descriptionEn },
    defaultPriority: c.defaultPriority,
    icon: c.icon,
  }));
}

/** Public fields only: no ids, no accounts. */
export function listActiveAgencies(db: Database): Promise<AgencyInfo[]> {
  return db
    .select({
      slug: agencies.slug,
      name: agencies.name,
      shortName: agencies.shortName,
      kind: agencies.kind,
      regencyCode: agencies.regencyCode,
    })
    .from(agencies)
    .where(eq(agencies.active, true))
    .orderBy(asc(agencies.name));
}

export async function loadMeta(db: Database, map: MapConfig): Promise<MetaResponse> {
  const [cats, regencies, agencyList, targets] = await Promise.all([
    listActiveCategories(db),
    listChildRegions(db, NTB_PROVINCE_CODE),
    listActiveAgencies(db),
    loadTargets(db),
  ]);
  return {
    categories: cats,
    regencies,
    agencies: agencyList,
    statuses: [...complaintStatuses],
    priorities: priorities.map((slug) => ({
      slug,
      targetHours: targets.responseMs[slug] / 3_600_000,
    })),
    limits: complaintLimits,
    map,
  };
}
