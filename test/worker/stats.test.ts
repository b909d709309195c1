// Dashboard figures against a small seeded set whose answers are worked out by hand below.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsResponse } from '../../worker/domain/api';
import { call, expectError } from './helpers';

const H = 3_600_000;
const D = 24 * H;
/** Monday 2 November 2026, 00:00 WITA (UTC+8). */
const T0 = Date.parse('2026-11-02T00:00:00Z') - 8 * H;

interface Seed {
  code: string;
  agency: string | null;
  priority: 'urgent' | 'important' | 'normal';
  category: string;
  regency: string;
  district: string;
  village: string;
  status: string;
  submitted: number;
  forwarded?: number;
  firstResponse?: number;
  resolved?: number;
  due?: number;
  rating?: number;
  confidential?: boolean;
}

const mataram = { regency: '52.71', district: '52.71.01', village: '52.71.01.1004' };
const lobar = { regency: '52.01', district: '52.01.01', village: '52.01.01.1001' };
const kotaBima = { regency: '52.72', district: '52.72.01', village: '52.72.01.1001' };

const seeds: Seed[] = [
  // A: urgent, answered after 0.5 h (within 1 h), resolved 8 h after forwarding, rated 5.
  { code: 'NTB-A0000001', agency: 'pdam-giri-menang', priority: 'urgent', category: 'air-bersih', ...mataram, status: 'closed', submitted: T0 + H, forwarded: T0 + 2 * H, firstResponse: T0 + 2.5 * H, resolved: T0 + 10 * H, rating: 5 },
  // B: important, answered after 30 h (late), resolved 40 h after forwarding.
  { code: 'NTB-B0000001', agency: 'pdam-giri-menang', priority: 'important', category: 'air-bersih', ...mataram, status: 'resolved', submitted: T0 + D, forwarded: T0 + D + H, firstResponse: T0 + D + 31 * H, resolved: T0 + D + 41 * H },
  // C: confidential, never answered, due long ago: overdue now.
  { code: 'NTB-C0000001', agency: 'pdam-giri-menang', priority: 'normal', category: 'air-bersih', ...lobar, status: 'forwarded', submitted: T0 + 8 * D, forwarded: T0 + 8 * D + H, due: T0 + 8 * D + 49 * H, confidential: true },
  // D: another agency, answered after 10 h (within 48 h).
  { code: 'NTB-D0000001', agency: 'dinas-pupr-ntb', priority: 'normal', category: 'jalan-jembatan', ...lobar, status: 'in_progress', submitted: T0 + 8 * D + H, forwarded: T0 + 8 * D + 2 * H, firstResponse: T0 + 8 * D + 12 * H },
  // E: still with the moderators.
  { code: 'NTB-E0000001', agency: null, priority: 'normal', category: 'jalan-jembatan', ...kotaBima, status: 'submitted', submitted: T0 + 9 * D },
  // F: before the period.
  { code: 'NTB-F0000001', agency: 'pdam-giri-menang', priority: 'normal', category: 'air-bersih', ...mataram, status: 'forwarded', submitted: T0 - D, forwarded: T0 - D + H },
];

function expectNear(actual: number | null, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.08 * expected);
}

beforeAll(async () => {
  await env.DB.batch(
    seeds.map((s) =>
      env.DB.prepare(
        `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, priority, status, agency_id,
           confidential, tracking_token_hash, submitted_at, forwarded_at, first_response_at, resolved_at, due_at, rating, updated_at)
         SELECT ?, 'Uji statistik', 'Pengaduan untuk menguji angka dasbor.', (SELECT id FROM categories WHERE slug = ?), ?, ?, ?, ?, ?,
           (SELECT id FROM agencies WHERE slug = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?`,
      ).bind(
        s.code, s.category, s.regency, s.district, s.village, s.priority, s.status, s.agency, s.confidential ? 1 : 0, '0'.repeat(64),
        s.submitted, s.forwarded ?? null, s.firstResponse ?? null, s.resolved ?? null, s.due ?? null, s.rating ?? null, s.submitted,
      ),
    ),
  );
});

describe('GET /api/stats', () => {
  it('computes the figures of a period by hand-checked answers', async () => {
    const res = await call('/api/stats?from=2026-11-02&to=2026-11-15');
    expect(res.status).toBe(200);
    const s = await res.json<StatsResponse>();
    expect(s.total).toBe(5);
    expect(s.byStatus).toEqual({ closed: 1, resolved: 1, forwarded: 1, in_progress: 1, submitted: 1 });
    expect(s.byCategory.map((c) => [c.slug, c.count])).toEqual([['air-bersih', 3], ['jalan-jembatan', 2]]);
    expect(Object.fromEntries(s.byRegency.map((r) => [r.code, r.count]))).toEqual({ '52.71': 2, '52.01': 2, '52.72': 1 });
    expect(s.weekly).toEqual([{ weekStart: '2026-11-02', count: 2 }, { weekStart: '2026-11-09', count: 3 }]);

    const pdam = s.agencies.find((a) => a.agency.slug === 'pdam-giri-menang')!;
    expect(pdam).toMatchObject({ received: 3, ratings: 1, averageRating: 5, overdueNow: 1 });
    expect(pdam.answeredWithinTarget).toBeCloseTo(1 / 3);
    // Medians come from duration histograms: each middle value is estimated within half a
    // bucket (under 8%), so the mean of the two is too.
    expectNear(pdam.medianFirstResponseHours, (0.5 + 30) / 2);
    expectNear(pdam.medianResolutionHours, (8 + 40) / 2);
    expect(pdam.resolvedShare).toBeCloseTo(2 / 3);

    const pupr = s.agencies.find((a) => a.agency.slug === 'dinas-pupr-ntb')!;
    expect(pupr).toMatchObject({ received: 1, answeredWithinTarget: 1, medianResolutionHours: null, resolvedShare: 0, averageRating: null, overdueNow: 0 });
    expectNear(pupr.medianFirstResponseHours, 10);
    // Confidential complaints count, but nothing of them shows.
    expect(JSON.stringify(s)).not.toContain('NTB-C0000001');
  });

  it('defaults to the last 90 days and refuses a bad period', async () => {
    const res = await call('/api/stats');
    expect(res.status).toBe(200);
    const s = await res.json<StatsResponse>();
    expect(Date.parse(s.to) - Date.parse(s.from)).toBe(89 * D);
    await expectError(await call('/api/stats?from=2026-11-15&to=2026-11-02'), 400, 'validation_failed');
    await expectError(await call('/api/stats?from=kemarin'), 400, 'validation_failed');
    await expectError(await call('/api/stats?from=2020-01-01&to=2026-01-01'), 400, 'validation_failed');
    // A day the calendar lacks is refused, not rolled over into March.
    const error = await expectError(await call('/api/stats?from=2026-02-31&to=2026-03-10'), 400, 'validation_failed');
    expect(error.error.details).toEqual([{ path: 'from', message: 'A date that exists, like 2026-11-28' }]);
    expect((await call('/api/stats?from=2024-02-29&to=2024-03-10')).status).toBe(200);
  });
});
