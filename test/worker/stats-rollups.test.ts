// The dashboard reads per-day rollups that triggers maintain. Whatever is written to the
// complaints (inserts, any column changed, deletes), every rollup must equal the aggregate
// computed directly from the complaints; and the median estimate from a histogram must stay
// within half a bucket of the true median.
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketEdgesMs, bucketOf, HISTOGRAM_BUCKETS, medianOfHistogram } from '../../worker/domain/stats-histogram';
import { call } from './helpers';
import { signIn } from './staff';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const villages = [
  ['52.71', '52.71.01', '52.71.01.1004'],
  ['52.01', '52.01.01', '52.01.01.1001'],
  ['52.72', '52.72.01', '52.72.01.1001'],
] as const;
const statuses = ['submitted', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected'] as const;
const priorities = ['urgent', 'important', 'normal'] as const;
/** Durations that sit on, just under and just over bucket edges, and anywhere. */
const duration = fc.oneof(
  fc.integer({ min: 1, max: HISTOGRAM_BUCKETS - 1 }).chain((i) => fc.constantFrom(bucketEdgesMs[i]! - 1, bucketEdgesMs[i]!, bucketEdgesMs[i]! + 1)),
  fc.integer({ min: 0, max: 200 * D }),
);

type Row = Record<string, number | string | null>;
const all = async (sql: string) => (await env.DB.prepare(sql).all<Row>()).results;

let serial = 0;
const nextCode = () => `NTB-R${String(serial++).padStart(7, '0')}`;

const insert = fc.record({
  kind: fc.constant('insert' as const),
  village: fc.constantFrom(...villages),
  category: fc.integer({ min: 1, max: 16 }),
  agency: fc.option(fc.integer({ min: 1, max: 54 }), { nil: null }),
  priority: fc.constantFrom(...priorities),
  status: fc.constantFrom(...statuses),
  submitted: fc.integer({ min: 0, max: 20 * D }),
  forwardAfter: fc.option(fc.integer({ min: 0, max: 2 * D }), { nil: null }),
  response: fc.option(duration, { nil: null }),
  resolution: fc.option(duration, { nil: null }),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});
const update = fc.record({
  kind: fc.constant('update' as const),
  pick: fc.nat(),
  set: fc.oneof(
    fc.constantFrom(...statuses).map((v) => ['status', v] as const),
    fc.integer({ min: 1, max: 16 }).map((v) => ['category_id', v] as const),
    fc.constantFrom(...villages).map((v) => ['regency_code', v[0]] as const),
    fc.option(fc.integer({ min: 1, max: 54 }), { nil: null }).map((v) => ['agency_id', v] as const),
    fc.option(duration, { nil: null }).map((v) => ['first_response_at', v] as const),
    fc.option(duration, { nil: null }).map((v) => ['resolved_at', v] as const),
    fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }).map((v) => ['rating', v] as const),
    fc.integer({ min: 0, max: 20 * D }).map((v) => ['submitted_at', v] as const),
    fc.constantFrom(...priorities).map((v) => ['priority', v] as const),
  ),
});
const remove = fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() });

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

async function apply(op: ValueOf<typeof insert> | ValueOf<typeof update> | ValueOf<typeof remove>) {
  if (op.kind === 'insert') {
    const submitted = T0 + op.submitted;
    const forwarded = op.forwardAfter === null ? null : submitted + op.forwardAfter;
    await env.DB.prepare(
      `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, priority, status, agency_id,
         tracking_token_hash, submitted_at, forwarded_at, first_response_at, resolved_at, rating, updated_at)
       VALUES (?, 'Uji rollup', 'Pengaduan untuk menguji rollup.', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
      .bind(
        nextCode(), op.category, ...op.village, op.priority, op.status, op.agency, '0'.repeat(64), submitted, forwarded,
        forwarded !== null && op.response !== null ? forwarded + op.response : null,
        forwarded !== null && op.resolution !== null ? forwarded + op.resolution : null,
        op.rating, submitted,
      )
      .run();
    return;
  }
  const ids = (await all(`SELECT id FROM complaints WHERE code LIKE 'NTB-R%' ORDER BY id`)).map((r) => Number(r.id));
  if (ids.length === 0) return;
  const id = ids[op.pick % ids.length];
  if (op.kind === 'delete') {
    await env.DB.prepare('DELETE FROM complaints WHERE id = ?').bind(id).run();
    return;
  }
  const [column, value] = op.set;
  // Times are stored relative to forwarding (durations) or to the test's epoch.
  const sql =
    column === 'first_response_at' || column === 'resolved_at'
      ? `UPDATE complaints SET ${column} = CASE WHEN ?1 IS NULL OR forwarded_at IS NULL THEN NULL ELSE forwarded_at + ?1 END WHERE id = ?2`
      : column === 'submitted_at'
        ? `UPDATE complaints SET submitted_at = ${T0} + ?1 WHERE id = ?2`
        : column === 'regency_code'
          ? `UPDATE complaints SET regency_code = ?1, district_code = ?1 || '.01', village_code = (SELECT min(code) FROM regions WHERE code LIKE ?1 || '.01.%') WHERE id = ?2`
          : `UPDATE complaints SET ${column} = ?1 WHERE id = ?2`;
  await env.DB.prepare(sql).bind(value, id).run();
}

/** Every rollup, and the same figures computed straight from the complaints. */
async function compare() {
  const day = `((submitted_at + ${8 * H}) / ${D})`;
  const nonZero = (rows: Row[], cols: string[]) => rows.filter((r) => cols.some((c) => Number(r[c]) !== 0));
  const sortKey = (r: Row) => JSON.stringify(r);
  const same = (a: Row[], b: Row[]) => expect([...a].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))).toEqual([...b].sort((x, y) => sortKey(x).localeCompare(sortKey(y))));

  same(nonZero(await all('SELECT day, status, n FROM stats_status_daily'), ['n']), await all(`SELECT ${day} AS day, status, count(*) AS n FROM complaints GROUP BY 1, 2`));
  same(nonZero(await all('SELECT day, category_id, n FROM stats_category_daily'), ['n']), await all(`SELECT ${day} AS day, category_id, count(*) AS n FROM complaints GROUP BY 1, 2`));
  same(nonZero(await all('SELECT day, regency_code, n FROM stats_regency_daily'), ['n']), await all(`SELECT ${day} AS day, regency_code, count(*) AS n FROM complaints GROUP BY 1, 2`));
  const figures = ['received', 'within_target', 'resolved', 'rating_sum', 'rating_count'];
  same(
    nonZero(await all(`SELECT day, agency_id, ${figures.join(', ')} FROM stats_agency_daily`), figures),
    await all(
      `SELECT ${day} AS day, agency_id, count(*) AS received, sum(coalesce(response_within_target, 0)) AS within_target,
         sum(status IN ('resolved', 'closed')) AS resolved, sum(coalesce(rating, 0)) AS rating_sum, count(rating) AS rating_count
       FROM complaints WHERE agency_id IS NOT NULL AND forwarded_at IS NOT NULL GROUP BY 1, 2`,
    ),
  );
  // The histograms: bucket by bucket, with the bucket computed here by the domain's bucketOf.
  const complaints = await all(`SELECT ${day} AS day, agency_id, forwarded_at, first_response_at, resolved_at FROM complaints WHERE agency_id IS NOT NULL AND forwarded_at IS NOT NULL`);
  for (const [table, at] of [['stats_first_response_daily', 'first_response_at'], ['stats_resolution_daily', 'resolved_at']] as const) {
    const expected = new Map<string, number[]>();
    for (const c of complaints) {
      if (c[at] === null) continue;
      const key = `${c.day}/${c.agency_id}`;
      const counts = expected.get(key) ?? new Array<number>(HISTOGRAM_BUCKETS).fill(0);
      counts[bucketOf(Number(c[at]) - Number(c.forwarded_at))]! += 1;
      expected.set(key, counts);
    }
    const actual = new Map<string, number[]>();
    for (const r of await all(`SELECT * FROM ${table}`)) {
      const counts = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => Number(r[`b${i}`]));
      if (counts.some((n) => n !== 0)) actual.set(`${r.day}/${r.agency_id}`, counts);
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  }
}

describe('statistics rollups', () => {
  it('equal the aggregates of the complaints after any inserts, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 3, arbitrary: insert }, { weight: 4, arbitrary: update }, { weight: 1, arbitrary: remove }), { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const op of ops) await apply(op);
        await compare();
      }),
      { numRuns: 25 },
    );
  });

  it('count an answer as within target by the target in force when it was given', async () => {
    const admin = (await signIn('admin')).cookie;
    const setUrgentHours = async (urgent: number) =>
      expect(
        (
          await call('/api/admin/targets', {
            method: 'PUT',
            headers: { Cookie: admin, 'Content-Type': 'application/json' },
            body: JSON.stringify({ moderation: 24, urgent, important: 24, normal: 48 }),
          })
        ).status,
      ).toBe(200);
    const answer = async (code: string) => {
      const forwarded = Date.parse('2026-03-02T02:00:00Z');
      await env.DB.prepare(
        `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, priority, status, agency_id,
           tracking_token_hash, submitted_at, forwarded_at, updated_at)
         VALUES (?, 'Uji target', 'Pengaduan untuk menguji target.', 1, '52.71', '52.71.01', '52.71.01.1004', 'urgent', 'forwarded',
           (SELECT id FROM agencies WHERE slug = 'dinas-pupr-ntb'), ?, ?, ?, ?)`,
      )
        .bind(code, '0'.repeat(64), forwarded - H, forwarded, forwarded)
        .run();
      // Answered after 54 minutes.
      await env.DB.prepare(`UPDATE complaints SET status = 'in_progress', first_response_at = forwarded_at + ? WHERE code = ?`).bind(0.9 * H, code).run();
      return env.DB.prepare('SELECT response_within_target AS w FROM complaints WHERE code = ?').bind(code).first<{ w: number }>();
    };
    const agencyFigures = async () => {
      const res = await call('/api/stats?from=2026-03-01&to=2026-03-31');
      const body = await res.json<{ agencies: { agency: { slug: string }; received: number; answeredWithinTarget: number | null }[] }>();
      return body.agencies.find((a) => a.agency.slug === 'dinas-pupr-ntb');
    };

    expect(await answer('NTB-TGT00001')).toEqual({ w: 1 });
    expect(await agencyFigures()).toMatchObject({ received: 1, answeredWithinTarget: 1 });
    // A stricter target afterwards does not rewrite the first answer's record...
    await setUrgentHours(0.5);
    expect(await agencyFigures()).toMatchObject({ received: 1, answeredWithinTarget: 1 });
    // ...but the same delay under it is late.
    expect(await answer('NTB-TGT00002')).toEqual({ w: 0 });
    expect(await agencyFigures()).toMatchObject({ received: 2, answeredWithinTarget: 0.5 });
    await setUrgentHours(1);
  });
});

describe('median from a duration histogram', () => {
  it('is empty for no durations and within half a bucket of the true median otherwise', () => {
    expect(medianOfHistogram(new Array<number>(HISTOGRAM_BUCKETS).fill(0))).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 170 * D }), { minLength: 1, maxLength: 60 }), (durations) => {
        const counts = new Array<number>(HISTOGRAM_BUCKETS).fill(0);
        for (const d of durations) counts[bucketOf(d)]! += 1;
        const sorted = [...durations].sort((a, b) => a - b);
        const n = sorted.length;
        const median = (sorted[Math.floor((n - 1) / 2)]! + sorted[Math.floor(n / 2)]!) / 2;
        // Each middle value is taken as its bucket's middle: buckets grow by under 16%, and the
        // first (under a minute) is 60 s wide.
        expect(Math.abs(medianOfHistogram(counts)! - median)).toBeLessThanOrEqual(0.08 * median + 30_000);
      }),
      { numRuns: 500 },
    );
  });

  it('puts each duration in the bucket whose edges hold it', () => {
    expect(bucketEdgesMs).toHaveLength(HISTOGRAM_BUCKETS);
    expect(bucketEdgesMs[1]).toBe(60_000);
    expect(bucketEdgesMs[HISTOGRAM_BUCKETS - 1]).toBe(180 * D);
    for (let i = 1; i < HISTOGRAM_BUCKETS; i++) {
      expect(bucketEdgesMs[i]!).toBeGreaterThan(bucketEdgesMs[i - 1]!);
      expect(bucketOf(bucketEdgesMs[i]!)).toBe(i);
      expect(bucketOf(bucketEdgesMs[i]! - 1)).toBe(i - 1);
    }
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(10 * 365 * D)).toBe(HISTOGRAM_BUCKETS - 1);
  });
});
