// A stand-in for the Worker's reference-data routes, installed as the global `fetch`.
// The real API is tested in test/worker and end to end; here only the client's use of it.
import { vi } from 'vitest';
import { complaintLimits, ntbBounds } from '../../worker/domain/api';
import type {
  ErrorBody,
  MetaResponse,
  RegionChildrenResponse,
  RegionInfo,
} from '../../worker/domain/api';

function regions(
  code: string,
  name: string,
  level: RegionInfo['level'],
  parentCode: string | null,
  children: [string, string][],
): RegionChildrenResponse {
  const childLevel = ({ province: 'regency', regency: 'district', district: 'village' } as const)[
    level as 'province' | 'regency' | 'district'
  ];
  return {
    region: { code, name, level, parentCode },
    children: children.map(([c, n]) => ({ code: c, name: n, level: childLevel })),
  };
}

export const regionFixtures: Record<string, RegionChildrenResponse> = {
  '52': regions('52', 'Nusa Tenggara Barat', 'province', null, [
    ['52.01', 'Kabupaten Lombok Barat'],
    ['52.71', 'Kota Mataram'],
  ]),
  '52.01': regions('52.01', 'Kabupaten Lombok Barat', 'regency', '52', [
    ['52.01.01', 'Gerung'],
    ['52.01.02', 'Kediri'],
  ]),
  '52.71': regions('52.71', 'Kota Mataram', 'regency', '52', [
    ['52.71.01', 'Ampenan'],
    ['52.71.02', 'Mataram'],
  ]),
  '52.01.01': regions('52.01.01', 'Gerung', 'district', '52.01', [
    ['52.01.01.2001', 'Dasan Geres'],
    ['52.01.01.2002', 'Gerung Utara'],
  ]),
  '52.71.01': regions('52.71.01', 'Ampenan', 'district', '52.71', [
    ['52.71.01.1006', 'Pejeruk'],
  ]),
};

export const metaFixture: MetaResponse = {
  categories: [
    {
      slug: 'air-bersih',
      name: { id: 'Air bersih', en: 'Clean water' },
      description: { id: 'Air PDAM mati atau keruh', en: 'No or dirty PDAM water' },
      defaultPriority: 'important',
      icon: '💧',
    },
    {
      slug: 'disiplin-asn',
      name: { id: 'Disiplin ASN', en: 'Civil-servant discipline' },
      description: { id: 'Pegawai tidak masuk kerja', en: 'Staff absent from work' },
      defaultPriority: 'normal',
      icon: null,
    },
  ],
  regencies: regionFixtures['52']!.children,
  agencies: [],
  statuses: ['submitted', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate'],
  priorities: [
    { slug: 'urgent', targetHours: 1 },
    { slug: 'important', targetHours: 24 },
    { slug: 'normal', targetHours: 48 },
  ],
  limits: complaintLimits,
  map: { tileUrl: null, attribution: '', bounds: ntbBounds },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const serverError: ErrorBody = { error: { code: 'internal', message: 'D1 is down' } };

export function installFakeApi() {
  /** Paths whose next request fails, and how: a 500 body or a dropped connection. */
  const failures = new Map<string, 'server' | 'network'>();
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const path = String(input);
    const failure = failures.get(path);
    if (failure) {
      failures.delete(path);
      if (failure === 'network') throw new TypeError('Failed to fetch');
      return json(500, serverError);
    }
    if (path === '/api/meta') return json(200, metaFixture);
    const code = path.match(/^\/api\/regions\/(.+)$/)?.[1];
    const found = code && regionFixtures[code];
    if (found) return json(200, found);
    return json(404, { error: { code: 'not_found', message: 'Region not found' } });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    paths: () => fetch.mock.calls.map(([input]) => String(input)),
    failNext: (path: string, how: 'server' | 'network' = 'server') => failures.set(path, how),
  };
}
