// The feed's filters live in the address (`/pengaduan?category=…&regency=…&status=…&view=map`),
// so a filtered view can be shared and survives a reload. Anything malformed there is ignored.
import { feedStatuses, slugPattern } from '../../../../worker/domain/api';

export type FeedStatus = (typeof feedStatuses)[number];
export type FeedView = 'list' | 'map';

export interface FeedFilters {
  category?: string;
  regency?: string;
  status?: FeedStatus;
}

type Search = Partial<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const isFeedStatus = (value: string | undefined): value is FeedStatus =>
  (feedStatuses as readonly (string | undefined)[]).includes(value);

export function filtersFromSearch(search: Search): FeedFilters {
  const category = first(search.category);
  const regency = first(search.regency);
  const status = first(search.status);
  return {
    ...(category && slugPattern.test(category) ? { category } : {}),
    ...(regency && /^\d{2}\.\d{2}$/.test(regency) ? { regency } : {}),
    ...(isFeedStatus(status) ? { status } : {}),
  };
}

export const viewFromSearch = (search: Search): FeedView =>
  first(search.view) === 'map' ? 'map' : 'list';

export const hasFilters = (filters: FeedFilters) =>
  Boolean(filters.category || filters.regency || filters.status);

/** A stable key: equal filters, equal key (to tell a stale answer from the current one). */
export const filtersKey = (filters: FeedFilters) =>
  [filters.category ?? '', filters.regency ?? '', filters.status ?? ''].join('|');
