// A filing checks what it names twice: in SQL, inside the batch that writes it (one round
// trip when all is in order), and in TypeScript (`checkReferences`), which explains a refusal.
// The two must agree: SQL must never write what TypeScript refuses, and should not refuse what
// it accepts (that filing would pay a second round trip). fast-check draws the states and
// requests; each run compares the SQL verdict with the TypeScript one on the same state.
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertCheckedComplaint, loadFilingContext } from '../../worker/db/complaints';
import { countRequest, countValues } from '../../worker/db/rate-limits';
import { loadTargets } from '../../worker/db/settings';
import { slidingEstimate, slidingWeight, windowStartOf } from '../../worker/domain/rate-limit';
import { moderationDueAt } from '../../worker/domain/sla';
import { checkReferences } from '../../worker/routes/complaint-filing';
import { db } from './fixtures';

/** Mostly what a filing in order names (4 in 5), else one of the ways to get it wrong. */
const mostly = <T,>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrong });

// Kota Mataram › Ampenan › Ampenan Selatan, and Lombok Barat's first district and village.
// Added below, regions at the wrong level for their place in the tree: 52.71.01.9999 (a
// "district" under a district) and 52.71.98 (a "village" under the regency, with a village).
const valid = { regency: '52.71', district: '52.71.01', village: '52.71.01.1004' };
const unknownCode = '52.99.99.9999';

type UploadKind = 'mine' | 'mine-claimed' | 'others' | 'missing';

const filingCase = fc.record({
  categorySlug: mostly(fc.constantFrom('air-bersih', 'jalan-jembatan'), fc.constantFrom('kategori-nonaktif', 'tidak-ada')),
  place: mostly(
    fc.record({
      regencyCode: mostly(fc.constant(valid.regency), fc.constantFrom('52.01', valid.district, unknownCode)),
      districtCode: mostly(fc.constant(valid.district), fc.constantFrom('52.01.01', valid.regency, '52.71.01.9999', unknownCode)),
      villageCode: mostly(fc.constant(valid.village), fc.constantFrom('52.71.01.9999', '52.01.01.1001', valid.district, unknownCode)),
    }),
    fc.constant({ regencyCode: valid.regency, districtCode: '52.71.98', villageCode: '52.71.98.0001' }),
  ),
  uploads: mostly(
    fc.array(fc.constant<UploadKind>('mine'), { maxLength: 4 }),
    fc.array(fc.constantFrom<UploadKind>('mine', 'mine-claimed', 'others', 'missing'), { minLength: 1, maxLength: 4 }),
  ),
  idempotency: mostly(fc.constantFrom('none', 'new'), fc.constant('used')),
  // The client's rate count before this request: none, or a row from some window.
  rate: fc.option(
    fc.record({
      windowsAgo: fc.integer({ min: 0, max: 2 }),
      count: fc.integer({ min: 0, max: 6 }),
      previousCount: fc.integer({ min: 0, max: 6 }),
      limit: mostly(fc.integer({ min: 14, max: 20 }), fc.integer({ min: 1, max: 8 })),
    }),
  ),
  moderationHours: fc.option(fc.integer({ min: 1, max: 96 })),
});

let run = 0;

type FilingCase = typeof filingCase extends fc.Arbitrary<infer T> ? T : never;

async function arrange(c: FilingCase) {
  run++;
  const ownerHash = `owner-${run}`;
  const uploadIds = c.uploads.map((_, i) => `checks-${run}-${i}`);
  for (const [i, kind] of c.uploads.entries()) {
    if (kind === 'missing') continue;
    await env.DB.prepare(
      `INSERT INTO uploads (id, r2_key, content_type, size, width, height, owner_hash, created_at, claimed_at)
       VALUES (?, ?, 'image/jpeg', 100, 10, 10, ?, ?, ?)`,
    )
      .bind(uploadIds[i], `uploads/${uploadIds[i]}`, kind === 'others' ? 'someone-else' : ownerHash, Date.now(), kind === 'mine-claimed' ? Date.now() : null)
      .run();
  }
  const idempotency = c.idempotency === 'none' ? undefined : { scope: ownerHash, key: `filing-key-${run}` };
  if (c.idempotency === 'used') {
    await env.DB.prepare("INSERT INTO idempotency_keys (scope, key, status, response, created_at) VALUES (?, ?, 201, '{}', ?)")
      .bind(ownerHash, idempotency!.key, Date.now())
      .run();
  }
  if (c.moderationHours === null) await env.DB.prepare("DELETE FROM settings WHERE key = 'targets'").run();
  else {
    const targets = { moderationMs: c.moderationHours * 3600_000, responseMs: { urgent: 3600_000, important: 86400_000, normal: 172800_000 } };
    await env.DB.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('targets', ?, ?)").bind(JSON.stringify(targets), Date.now()).run();
  }
  const window = { now: Date.now(), windowMs: 600_000 };
  const rateKey = `checks:${run}`;
  if (c.rate && (c.rate.count || c.rate.previousCount)) {
    await env.DB.prepare('INSERT INTO rate_limits (key, window_start, count, previous_count) VALUES (?, ?, ?, ?)')
      .bind(rateKey, windowStartOf(window) - c.rate.windowsAgo * window.windowMs, c.rate.count, c.rate.previousCount)
      .run();
  }
  return { ownerHash, uploadIds, idempotency, window, rateKey };
}

const rateRow = (key: string) =>
  env.DB.prepare('SELECT window_start AS windowStart, count, previous_count AS previousCount FROM rate_limits WHERE key = ?')
    .bind(key)
    .first<{ windowStart: number; count: number; previousCount: number }>();

describe('filing in one round trip: the checks in SQL', () => {
  it('agree with checkReferences, the idempotency key and the rate limit on every state drawn', async () => {
    await env.DB.prepare(
      "INSERT OR IGNORE INTO categories (slug, name_id, name_en, default_priority, active) VALUES ('kategori-nonaktif', 'Nonaktif', 'Inactive', 'urgent', 0)",
    ).run();
    await env.DB.prepare(
      `INSERT OR IGNORE INTO regions (code, parent_code, level, name) VALUES
       ('52.71.01.9999', '52.71.01', 'district', 'Salah tingkat'), ('52.71.98', '52.71', 'village', 'Salah tingkat'),
       ('52.71.98.0001', '52.71.98', 'village', 'Di bawah desa')`,
    ).run();
    let written = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(filingCase, async (c) => {
        const { ownerHash, uploadIds, idempotency, window, rateKey } = await arrange(c);
        const body = { category: c.categorySlug, ...c.place, photoIds: uploadIds };
        const found = await loadFilingContext(db(), { ...c.place, categorySlug: c.categorySlug, uploadIds, idempotency });
        const refusal = (() => {
          try {
            checkReferences(body as never, ownerHash, found);
            return undefined;
          } catch (err) {
            return err;
          }
        })();
        const rateBefore = await rateRow(rateKey);
        const now = new Date();
        const code = `NTB-CHK${String(run).padStart(5, '0')}`;
        const eventId = await insertCheckedComplaint(db(), {
          complaint: {
            code,
            title: 'Uji pemeriksaan',
            description: 'Pemeriksaan dalam SQL dibandingkan dengan pemeriksaan dalam TypeScript.',
            ...c.place,
            lat: null,
            lng: null,
            address: null,
            reporterName: null,
            reporterPhone: null,
            reporterEmail: null,
            anonymous: false,
            confidential: false,
            trackingTokenHash: 'a'.repeat(64),
            submittedAt: now,
            updatedAt: now,
            apiKeyId: null,
            mediaUrl: null,
          },
          categorySlug: c.categorySlug,
          ownerHash,
          uploadIds,
          event: { type: 'submitted', actorRole: 'citizen', visibility: 'public', toStatus: 'submitted' },
          idempotency: idempotency && { ...idempotency, status: 201, response: '{"code":"x"}' },
          count: c.rate ? { values: countValues(rateKey, window), weight: slidingWeight(window), limit: c.rate.limit } : undefined,
        });
        const stored = await env.DB.prepare('SELECT category_id, priority, due_at, submitted_at FROM complaints WHERE code = ?')
          .bind(code)
          .first<{ category_id: number; priority: string; due_at: number; submitted_at: number }>();
        const photos = await env.DB.prepare('SELECT id FROM photos WHERE complaint_id = (SELECT id FROM complaints WHERE code = ?) ORDER BY position')
          .bind(code)
          .all<{ id: string }>();

        if (eventId !== undefined) {
          written++;
          // Written: TypeScript accepts all of it too, and the row carries what it would have written.
          expect(refusal).toBeUndefined();
          expect(found.earlier).toBeUndefined();
          if (c.rate) expect(slidingEstimate(window, (await rateRow(rateKey))!)).toBeLessThanOrEqual(c.rate.limit);
          expect(stored).toEqual({
            category_id: found.category!.id,
            priority: found.category!.defaultPriority,
            due_at: moderationDueAt(now.getTime(), await loadTargets(db())),
            submitted_at: now.getTime(),
          });
          expect(photos.results.map((p) => p.id)).toEqual(uploadIds);
          const claimed = await env.DB.prepare(`SELECT count(*) AS n FROM uploads WHERE id LIKE ? AND claimed_at = ?`)
            .bind(`checks-${run}-%`, now.getTime())
            .first<{ n: number }>();
          expect(claimed!.n).toBe(uploadIds.length);
        } else {
          refused++;
          // Refused: nothing written, nothing counted, and TypeScript has a reason too.
          expect(stored).toBeNull();
          expect(await rateRow(rateKey)).toEqual(rateBefore);
          const overLimit = c.rate ? slidingEstimate(window, await countRequest(db(), rateKey, window)) > c.rate.limit : false;
          expect(refusal !== undefined || found.earlier !== undefined || overLimit).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    // Both verdicts were drawn often enough to mean something.
    expect(written).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});
