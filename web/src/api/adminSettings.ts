// The administrators' settings (`/api/admin/targets`, `agencies`, `categories`, `routing-rules`,
// `routing-preview`, `dead-letters`). The Worker declares no shared types for these, so
// they are written here as the routes answer.
import type { ApiKeyInfo, ApiKeyListResponse, IssuedApiKey } from '../../../worker/domain/api';
import type { AgencyKind, Priority } from '../../../worker/domain/vocabulary';
import { request } from './client';

/** Hours, each 0.25..720. */
export type Targets = { moderation: number } & Record<Priority, number>;

export interface AdminAgency {
  slug: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  regencyCode: string | null;
  active: boolean;
  createdAt: string;
}

export interface NewAgency {
  slug: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
  regencyCode?: string;
}

export interface AdminCategory {
  slug: string;
  nameId: string;
  nameEn: string;
  descriptionId: string | null;
  descriptionEn: string | null;
  defaultPriority: Priority;
  /** An emoji, or null. */
  icon: string | null;
  sortOrder: number;
  active: boolean;
}

export interface NewCategory {
  slug: string;
  nameId: string;
  nameEn: string;
  descriptionId?: string;
  descriptionEn?: string;
  defaultPriority: Priority;
  icon?: string;
  sortOrder?: number;
}

export type CategoryChange = Partial<Omit<AdminCategory, 'slug'>>;

export interface RoutingRuleInfo {
  id: number;
  /** Category slug. */
  category: string;
  regencyCode: string | null;
  /** Agency slug. */
  agency: string;
  rank: number;
  autoForward: boolean;
}

export interface NewRoutingRule {
  category: string;
  regencyCode?: string;
  agency: string;
  rank?: number;
  autoForward?: boolean;
}

export interface RoutingPreview {
  agency: { slug: string; name: string; shortName: string | null } | null;
  autoForward: boolean;
  ruleScope: 'regency' | 'province' | null;
}

export interface DeadLetter {
  id: number;
  queue: string;
  body: unknown;
  attempts: number;
  createdAt: string;
  replayedAt: string | null;
}

const send = (method: string, body?: unknown): RequestInit =>
  body === undefined ? { method } : { method, body: JSON.stringify(body) };

export const getTargets = () => request<Targets>('/api/admin/targets');
export const saveTargets = (targets: Targets) => request<Targets>('/api/admin/targets', send('PUT', targets));

export const listAgencies = async () =>
  (await request<{ agencies: AdminAgency[] }>('/api/admin/agencies')).agencies;
export const createAgency = (body: NewAgency) =>
  request<{ slug: string }>('/api/admin/agencies', send('POST', body));
/** Answers the agency as stored (a database row: only the edited fields are read from it). */
export const updateAgency = (slug: string, change: { name?: string; shortName?: string | null; active?: boolean }) =>
  request<Partial<AdminAgency>>(`/api/admin/agencies/${encodeURIComponent(slug)}`, send('PATCH', change));

export const listCategories = async () =>
  (await request<{ categories: AdminCategory[] }>('/api/admin/categories')).categories;
export const createCategory = (body: NewCategory) =>
  request<AdminCategory>('/api/admin/categories', send('POST', body));
/** Answers the category as stored. A deactivated category is no longer offered to citizens. */
export const updateCategory = (slug: string, change: CategoryChange) =>
  request<Partial<AdminCategory>>(`/api/admin/categories/${encodeURIComponent(slug)}`, send('PATCH', change));

export const listRoutingRules = async () =>
  (await request<{ rules: RoutingRuleInfo[] }>('/api/admin/routing-rules')).rules;
export const createRoutingRule = (body: NewRoutingRule) =>
  request<{ id: number }>('/api/admin/routing-rules', send('POST', body));
export const deleteRoutingRule = (id: number) => request<void>(`/api/admin/routing-rules/${id}`, send('DELETE'));
export const previewRouting = (category: string, regency: string) =>
  request<RoutingPreview>(
    `/api/admin/routing-preview?${new URLSearchParams({ category, regency }).toString()}`,
  );

export const listDeadLetters = async () =>
  (await request<{ items: DeadLetter[] }>('/api/admin/dead-letters')).items;
export const replayDeadLetter = (id: number) => request<unknown>(`/api/admin/dead-letters/${id}/replay`, send('POST'));

export const listApiKeys = async () => (await request<ApiKeyListResponse>('/api/admin/api-keys')).apiKeys;
/** The answer carries the key in full: the only time it is ever shown. */
export const issueApiKey = (name: string) => request<IssuedApiKey>('/api/admin/api-keys', send('POST', { name }));
export const revokeApiKey = (id: number) => request<ApiKeyInfo>(`/api/admin/api-keys/${id}/revoke`, send('POST', {}));
