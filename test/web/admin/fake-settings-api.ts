// A stand-in for the Worker's admin settings routes (targets, agencies, categories, routing rules and
// preview, dead letters, API keys), installed as the global `fetch`. It answers as worker/routes/admin-*.ts
// do (201 `{slug}` or `{id}`, 204 on delete, 409 on a taken slug, the one error shape) and keeps
// every request, so tests can assert on the paths and bodies the page sends.
import { vi } from 'vitest';
import type { ApiKeyInfo, ErrorCode, ErrorIssue, MetaResponse } from '../../../worker/domain/api';
import type { AdminAgency, AdminCategory, DeadLetter, RoutingRuleInfo } from '../../../web/src/api/adminSettings';
import { metaFixture } from '../fake-api';
import { me, type RecordedRequest } from './fake-admin-api';

const at = '2026-11-02T01:00:00.000Z';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const statusOf: Partial<Record<ErrorCode, number>> = {
  validation_failed: 400,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  internal: 500,
};
const error = (code: ErrorCode, details?: ErrorIssue[]) =>
  json(statusOf[code] ?? 500, { error: { code, message: `fake ${code}`, ...(details ? { details } : {}) } });

/** Kabupaten Dompu on Sumbawa, besides the two Lombok regencies of the shared fixture. */
const regencies = [...metaFixture.regencies, { code: '52.05', name: 'Kabupaten Dompu', level: 'regency' as const }];

function settingsFixtures() {
  return {
    targets: { moderation: 24, urgent: 1, important: 24, normal: 48 },
    agencies: [
      { slug: 'dinas-pupr-ntb', name: 'Dinas PUPR NTB', shortName: 'PUPR', kind: 'dinas', regencyCode: null, active: true, createdAt: at },
      { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang', shortName: null, kind: 'bumd', regencyCode: '52.01', active: true, createdAt: at },
      { slug: 'pemkab-dompu', name: 'Pemerintah Kabupaten Dompu', shortName: null, kind: 'regency_government', regencyCode: '52.05', active: true, createdAt: at },
    ] as AdminAgency[],
    categories: [
      { slug: 'air-bersih', nameId: 'Air bersih', nameEn: 'Clean water', descriptionId: null, descriptionEn: null, defaultPriority: 'important', icon: '💧', sortOrder: 1, active: true },
      { slug: 'jalan', nameId: 'Jalan rusak', nameEn: 'Damaged roads', descriptionId: null, descriptionEn: null, defaultPriority: 'normal', icon: null, sortOrder: 2, active: true },
    ] as AdminCategory[],
    rules: [
      { id: 1, category: 'air-bersih', regencyCode: '52.01', agency: 'pdam-giri-menang', rank: 0, autoForward: true },
      { id: 2, category: 'air-bersih', regencyCode: null, agency: 'dinas-pupr-ntb', rank: 0, autoForward: false },
    ] as RoutingRuleInfo[],
    letters: [
      { id: 7, queue: 'ntbcare-events', body: { type: 'notify', eventId: 3 }, attempts: 5, createdAt: at, replayedAt: null },
    ] as DeadLetter[],
    apiKeys: [
      { id: 2, name: 'Jembatan LAPOR!', prefix: 'ntbcare_5f1c', createdAt: at, createdBy: 'admin', lastUsedAt: '2026-11-12T03:00:00.000Z', revokedAt: null },
      { id: 1, name: 'Uji coba lama', prefix: 'ntbcare_90ab', createdAt: at, createdBy: null, lastUsedAt: null, revokedAt: '2026-11-05T02:00:00.000Z' },
    ] as ApiKeyInfo[],
  };
}

export function installSettingsApi() {
  const state = settingsFixtures();
  const requests: RecordedRequest[] = [];
  /** `METHOD /path` → the refusal its next request gets instead of an answer. */
  const refusals = new Map<string, Response>();

  // As /api/meta: only active categories and agencies.
  const meta = (): MetaResponse => ({
    ...metaFixture,
    regencies,
    categories: state.categories
      .filter((c) => c.active)
      .map((c) => ({ slug: c.slug, name: { id: c.nameId, en: c.nameEn }, description: { id: '', en: '' }, defaultPriority: c.defaultPriority, icon: c.icon })),
    agencies: state.agencies.filter((a) => a.active),
  });

  function agencies(method: string, body: any, slug?: string): Response {
    if (!slug && method === 'GET') return json(200, { agencies: state.agencies });
    if (!slug && method === 'POST') {
      if (state.agencies.some((a) => a.slug === body.slug)) return error('conflict', [{ path: 'slug', message: 'Taken' }]);
      state.agencies.push({ shortName: null, regencyCode: null, ...body, active: true, createdAt: at });
      return json(201, { slug: body.slug });
    }
    const found = state.agencies.find((a) => a.slug === slug);
    if (!found || method !== 'PATCH') return error('not_found');
    Object.assign(found, body);
    return json(200, { id: 9, ...found }); // the stored row, as findAgencyBySlug reads it
  }

  function categories(method: string, body: any, slug?: string): Response {
    if (!slug && method === 'GET') return json(200, { categories: state.categories });
    if (!slug && method === 'POST') {
      if (state.categories.some((c) => c.slug === body.slug)) return error('conflict', [{ path: 'slug', message: 'Taken' }]);
      const added: AdminCategory = { descriptionId: null, descriptionEn: null, icon: null, sortOrder: 500, ...body, active: true };
      state.categories.push(added);
      return json(201, added);
    }
    const found = state.categories.find((c) => c.slug === slug);
    if (!found || method !== 'PATCH') return error('not_found');
    Object.assign(found, body);
    return json(200, found);
  }

  function rules(method: string, body: any, id?: number): Response {
    if (id === undefined && method === 'GET') return json(200, { rules: state.rules });
    if (id === undefined && method === 'POST') {
      if (!state.categories.some((c) => c.slug === body.category)) return error('unprocessable', [{ path: 'category', message: 'Unknown category' }]);
      if (!state.agencies.some((a) => a.slug === body.agency)) return error('unprocessable', [{ path: 'agency', message: 'Unknown agency' }]);
      const rule: RoutingRuleInfo = { id: Math.max(0, ...state.rules.map((r) => r.id)) + 1, regencyCode: null, rank: 0, autoForward: false, ...body };
      state.rules.push(rule);
      return json(201, { id: rule.id });
    }
    const index = state.rules.findIndex((r) => r.id === id);
    if (index < 0 || method !== 'DELETE') return error('not_found');
    state.rules.splice(index, 1);
    return new Response(null, { status: 204 });
  }

  // As pickRoutingRule: the regency's own rule before a province-wide one, lowest rank first.
  function preview(url: URL): Response {
    const category = url.searchParams.get('category');
    const regency = url.searchParams.get('regency');
    const active = new Set(state.agencies.filter((a) => a.active).map((a) => a.slug));
    const candidates = state.rules
      .filter((r) => r.category === category && active.has(r.agency) && (r.regencyCode === regency || !r.regencyCode))
      .sort((a, b) => Number(!a.regencyCode) - Number(!b.regencyCode) || a.rank - b.rank);
    const rule = candidates[0];
    if (!rule) return json(200, { agency: null, autoForward: false, ruleScope: null });
    const { slug, name, shortName } = state.agencies.find((a) => a.slug === rule.agency)!;
    return json(200, { agency: { slug, name, shortName }, autoForward: rule.autoForward, ruleScope: rule.regencyCode ? 'regency' : 'province' });
  }

  function replay(id: number): Response {
    const letter = state.letters.find((l) => l.id === id);
    if (!letter) return error('not_found');
    if (letter.replayedAt) return error('conflict');
    letter.replayedAt = '2026-11-12T03:00:00.000Z';
    return json(200, { replayed: letter.id });
  }

  // As routes/admin-api-keys.ts: the key in full only in the answer to its creation.
  function apiKeys(method: string, body: any): Response {
    if (method === 'GET') return json(200, { apiKeys: state.apiKeys });
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (name.length < 2 || name.length > 100) return error('validation_failed', [{ path: 'name', message: 'At least 2 characters' }]);
    const key = 'ntbcare_3c0ffee0000000000000000000000311';
    const added: ApiKeyInfo = { id: Math.max(0, ...state.apiKeys.map((k) => k.id)) + 1, name, prefix: key.slice(0, 12), createdAt: at, createdBy: me.username, lastUsedAt: null, revokedAt: null };
    state.apiKeys.unshift(added);
    return json(201, { ...added, key });
  }

  function revokeKey(id: number): Response {
    const found = state.apiKeys.find((k) => k.id === id);
    if (!found) return error('not_found');
    found.revokedAt ??= '2026-11-13T04:00:00.000Z';
    return json(200, found);
  }

  function handle(url: URL, method: string, body: any): Response {
    const path = url.pathname;
    if (path === '/api/meta') return json(200, meta());
    if (path === '/api/auth/me') return json(200, { user: me });
    if (path === '/api/admin/targets') {
      if (method === 'PUT') state.targets = { ...body };
      return json(200, state.targets);
    }
    const [, resource, key] = path.match(/^\/api\/admin\/([a-z-]+)(?:\/([^/]+))?$/) ?? [];
    if (resource === 'agencies') return agencies(method, body, key && decodeURIComponent(key));
    if (resource === 'categories') return categories(method, body, key && decodeURIComponent(key));
    if (resource === 'routing-rules') return rules(method, body, key === undefined ? undefined : Number(key));
    if (resource === 'routing-preview') return preview(url);
    if (resource === 'dead-letters' && !key) return json(200, { items: state.letters });
    if (resource === 'api-keys' && !key) return apiKeys(method, body);
    const revoked = path.match(/^\/api\/admin\/api-keys\/(\d+)\/revoke$/);
    if (revoked && method === 'POST') return revokeKey(Number(revoked[1]));
    const replayed = path.match(/^\/api\/admin\/dead-letters\/(\d+)\/replay$/);
    if (replayed && method === 'POST') return replay(Number(replayed[1]));
    return error('not_found');
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ path: url.pathname + url.search, method, body });
    const refusal = refusals.get(`${method} ${url.pathname}`);
    if (refusal) {
      refusals.delete(`${method} ${url.pathname}`);
      return refusal;
    }
    return handle(url, method, body);
  });
  vi.stubGlobal('fetch', fetch);
  return {
    state,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    /** The next `method path` is refused with `code` (and its status), as the Worker would. */
    refuseNext: (method: string, path: string, code: ErrorCode, details?: ErrorIssue[]) =>
      refusals.set(`${method} ${path}`, error(code, details)),
  };
}
