// A stand-in for `GET /api/stats`, installed as the global `fetch` over the reference data
// of ../fake-api.ts. It echoes the period asked for and records every path.
import { vi } from 'vitest';
import type { AgencyStats, StatsResponse } from '../../../worker/domain/api';
import { metaFixture } from '../fake-api';

export function agencyFixture(slug: string, overrides: Partial<AgencyStats> = {}): AgencyStats {
  return {
    agency: { slug, name: `Instansi ${slug}`, shortName: null },
    received: 10,
    answeredWithinTarget: 0.5,
    medianFirstResponseHours: 12,
    medianResolutionHours: 48,
    resolvedShare: 0.5,
    averageRating: 4,
    ratings: 2,
    overdueNow: 0,
    ...overrides,
  };
}

export const statsFixture: StatsResponse = {
  from: '2026-09-01',
  to: '2026-11-29',
  computedAt: '2026-11-28T20:00:00.000Z',
  total: 1234,
  byStatus: { submitted: 34, forwarded: 200, in_progress: 300, resolved: 500, closed: 150, rejected: 50 },
  byCategory: [
    { slug: 'air-bersih', name: { id: 'Air bersih', en: 'Clean water' }, count: 800 },
    { slug: 'disiplin-asn', name: { id: 'Disiplin ASN', en: 'Civil-servant discipline' }, count: 434 },
  ],
  byRegency: [
    { code: '52.71', name: 'Kota Mataram', count: 1000 },
    { code: '52.01', name: 'Kabupaten Lombok Barat', count: 234 },
  ],
  // Weeks without complaints are missing, as the API leaves them out.
  weekly: [
    { weekStart: '2026-08-31', count: 100 },
    { weekStart: '2026-09-07', count: 140 },
    { weekStart: '2026-09-21', count: 90 },
    { weekStart: '2026-11-23', count: 904 },
  ],
  agencies: [
    agencyFixture('pdam-giri-menang', {
      agency: { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang', shortName: 'PDAM GM' },
      received: 900,
      answeredWithinTarget: 2 / 3,
      medianFirstResponseHours: 2.46,
      medianResolutionHours: 37.6,
      resolvedShare: 0.125,
      averageRating: 4.25,
      ratings: 12,
      overdueNow: 7,
    }),
    agencyFixture('dinas-pupr', {
      agency: { slug: 'dinas-pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'Dinas PUPR' },
      received: 300,
      answeredWithinTarget: 0.995,
      medianFirstResponseHours: 9.96,
      medianResolutionHours: 0.04,
      resolvedShare: 1,
      averageRating: 3,
      ratings: 1,
      overdueNow: 0,
    }),
    agencyFixture('rsud', {
      agency: { slug: 'rsud', name: 'RSUD Provinsi NTB', shortName: null },
      received: 4,
      answeredWithinTarget: null,
      medianFirstResponseHours: null,
      medianResolutionHours: null,
      resolvedShare: null,
      averageRating: null,
      ratings: 0,
      overdueNow: 1,
    }),
  ],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

type Failure = 'server' | 'network' | 'invalid';

export function installStatsApi() {
  let answer: StatsResponse = statsFixture;
  const failures: Failure[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input);
    if (path === '/api/meta') return json(200, metaFixture);
    if (!path.startsWith('/api/stats')) return json(404, { error: { code: 'not_found', message: 'no' } });
    const failure = failures.shift();
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure === 'server') return json(500, { error: { code: 'internal', message: 'D1 is down' } });
    if (failure === 'invalid') {
      return json(400, {
        error: { code: 'validation_failed', message: 'Period too long', details: [{ path: 'from', message: 'At most three years' }] },
      });
    }
    const query = new URL(path, 'http://x').searchParams;
    return json(200, { ...answer, from: query.get('from') ?? answer.from, to: query.get('to') ?? answer.to });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    /** The stats requests made, in order. */
    statsPaths: () => fetch.mock.calls.map(([input]) => String(input)).filter((p) => p.startsWith('/api/stats')),
    answerWith: (next: StatsResponse) => (answer = next),
    failNext: (how: Failure) => failures.push(how),
  };
}
