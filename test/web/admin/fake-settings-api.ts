// A stand-in for the Worker's admin settings routes (targets, agencies, categories, routing rules and
// preview, dead letters), installed as the global `fetch`. It keeps every request, so
// tests can assert on the paths and bodies the page sends.
import { vi } from 'vitest';
import type { MetaResponse } from '../../../worker/domain/api';
import type { AdminAgency, AdminCategory, DeadLetter, RoutingRuleInfo } from '../../../web/src/api/adminSettings';
import { metaFixture } from '../fake-api';
import { me, type RecordedRequest } from './fake-admin-api';

const at = '2026-11-02T01:00:00.000Z';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: `fake ${code}` } });

export function installSettingsApi() {
  const state = {
    targets: { moderation: 24, urgent: 1, important: 24, normal: 48 },
    agencies: [
      { slug: 'dinas-pupr-ntb', name: 'Dinas PUPR NTB', shortName: 'PUPR', kind: 'dinas', regencyCode: null, active: true, createdAt: at },
      { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang', shortName: null, kind: 'bumd', regencyCode: '52.01', active: true, createdAt: at },
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
  };
  const meta: MetaResponse = { ...metaFixture, agencies: state.agencies.filter((a) => a.active) };
  const requests: RecordedRequest[] = [];

  function handle(url: URL, method: string, body: any): Response {
    const path = url.pathname;
    if (path === '/api/meta') return json(200, meta);
    if (path === '/api/auth/me') return json(200, { user: me });
    if (path === '/api/admin/targets') {
      if (method === 'PUT') state.targets = { ...body };
      return json(200, state.targets);
    }
    if (path === '/api/admin/agencies') return json(200, { agencies: state.agencies });
    const agency = path.match(/^\/api\/admin\/agencies\/([^/]+)$/);
    if (agency && method === 'PATCH') {
      const found = state.agencies.find((a) => a.slug === agency[1]);
      if (!found) return error(404, 'not_found');
      Object.assign(found, body);
      return json(200, { id: 9, ...found });
    }
    if (path === '/api/admin/categories') {
      if (method !== 'POST') return json(200, { categories: state.categories });
      if (state.categories.some((c) => c.slug === body.slug)) return error(409, 'conflict');
      const added: AdminCategory = { descriptionId: null, descriptionEn: null, icon: null, sortOrder: 0, ...body, active: true };
      state.categories.push(added);
      return json(201, added);
    }
    const category = path.match(/^\/api\/admin\/categories\/([^/]+)$/);
    if (category && method === 'PATCH') {
      const found = state.categories.find((c) => c.slug === category[1]);
      if (!found) return error(404, 'not_found');
      Object.assign(found, body);
      return json(200, found);
    }
    if (path === '/api/admin/routing-rules') return json(200, { rules: state.rules });
    if (path === '/api/admin/routing-preview') {
      const regency = url.searchParams.get('regency');
      const rule = state.rules.find((r) => r.category === url.searchParams.get('category') && r.regencyCode === regency)
        ?? state.rules.find((r) => r.category === url.searchParams.get('category') && !r.regencyCode);
      if (!rule) return json(200, { agency: null, autoForward: false, ruleScope: null });
      const { slug, name, shortName } = state.agencies.find((a) => a.slug === rule.agency)!;
      return json(200, { agency: { slug, name, shortName }, autoForward: rule.autoForward, ruleScope: rule.regencyCode ? 'regency' : 'province' });
    }
    if (path === '/api/admin/dead-letters') return json(200, { items: state.letters });
    const replay = path.match(/^\/api\/admin\/dead-letters\/(\d+)\/replay$/);
    if (replay && method === 'POST') {
      const letter = state.letters.find((l) => l.id === Number(replay[1]));
      if (!letter) return error(404, 'not_found');
      if (letter.replayedAt) return error(409, 'conflict');
      letter.replayedAt = '2026-11-12T03:00:00.000Z';
      return json(200, { replayed: letter.id });
    }
    return error(404, 'not_found');
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ path: url.pathname + url.search, method, body });
    return handle(url, method, body);
  });
  vi.stubGlobal('fetch', fetch);
  return { state, requests, writes: () => requests.filter((r) => r.method !== 'GET') };
}
