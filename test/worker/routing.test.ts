import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import worker from '../../worker/index';
import { distanceMetres, rankDuplicateCandidates, textSimilarity } from '../../worker/domain/duplicates';
import { pickRoutingRule, type RoutingRule } from '../../worker/domain/routing';
import { newCitizen, place } from './citizen';
import { insertComplaint } from './fixtures';

const rule = (over: Partial<RoutingRule>): RoutingRule => ({ categoryId: 1, regencyCode: null, agencyId: 1, rank: 0, autoForward: false, agencyActive: true, ...over });

describe('routing rules (domain)', () => {
  it('prefers the rule for the regency over the province-wide one, then the lowest rank', () => {
    const rules = [
      rule({ agencyId: 10 }),
      rule({ agencyId: 20, regencyCode: '52.71', rank: 1 }),
      rule({ agencyId: 30, regencyCode: '52.71', rank: 0 }),
      rule({ agencyId: 40, regencyCode: '52.01' }),
      rule({ agencyId: 50, categoryId: 2, regencyCode: '52.71' }),
    ];
    expect(pickRoutingRule(rules, { categoryId: 1, regencyCode: '52.71' })?.agencyId).toBe(30);
    expect(pickRoutingRule(rules, { categoryId: 1, regencyCode: '52.05' })?.agencyId).toBe(10);
    expect(pickRoutingRule(rules, { categoryId: 3, regencyCode: '52.71' })).toBeUndefined();
  });

  it('skips a deactivated agency', () => {
    const rules = [rule({ agencyId: 10 }), rule({ agencyId: 20, regencyCode: '52.71', agencyActive: false })];
    expect(pickRoutingRule(rules, { categoryId: 1, regencyCode: '52.71' })?.agencyId).toBe(10);
  });
});

describe('duplicate candidates (domain)', () => {
  const base = { code: 'NTB-AAAAAAAA', title: 'Air PDAM mati', description: 'Air PDAM tidak mengalir tiga hari di Ampenan', villageCode: '52.71.01.1004', lat: -8.58, lng: 116.07 };
  it('measures distance and similarity', () => {
    expect(distanceMetres({ lat: -8.58, lng: 116.07 }, { lat: -8.58, lng: 116.0718 })).toBeGreaterThan(190);
    expect(distanceMetres({ lat: -8.58, lng: 116.07 }, { lat: -8.58, lng: 116.0718 })).toBeLessThan(210);
    expect(textSimilarity(base, { ...base, code: 'x' })).toBe(1);
    expect(textSimilarity(base, { ...base, title: 'Lampu jalan', description: 'Lampu jalan padam total' })).toBe(0);
  });
  it('keeps near or same-village ones, most alike first', () => {
    const ranked = rankDuplicateCandidates(base, [
      { ...base, code: 'NTB-NEAR0001', villageCode: 'other', lat: -8.5805, lng: 116.0705, title: 'Air mati', description: 'PDAM tidak mengalir' },
      { ...base, code: 'NTB-SAME0001', lat: null, lng: null },
      { ...base, code: 'NTB-FAR00001', villageCode: 'other', lat: -8.6, lng: 116.1 },
    ]);
    expect(ranked.map((r) => r.code)).toEqual(['NTB-SAME0001', 'NTB-NEAR0001']);
    expect(ranked[1]).toMatchObject({ sameVillage: false });
    expect(ranked[1]!.distanceM).toBeLessThan(200);
  });
});

const row = (code: string) =>
  env.DB.prepare(
    'SELECT c.status, c.version, c.priority, c.duplicate_candidates, s.slug AS suggested, a.slug AS agency FROM complaints c LEFT JOIN agencies s ON s.id = c.suggested_agency_id LEFT JOIN agencies a ON a.id = c.agency_id WHERE code = ?',
  )
    .bind(code)
    .first<{ status: string; version: number; priority: string; duplicate_candidates: string | null; suggested: string | null; agency: string | null }>();

describe('routing on the queue', () => {
  it('suggests the regency rule (clean water in Mataram → PDAM Giri Menang) and lists near duplicates', async () => {
    const citizen = newCitizen();
    const first = await citizen.fileOk({ title: 'Air PDAM mati di Ampenan', description: 'Air PDAM tidak mengalir tiga hari di lingkungan kami, Ampenan.' });
    const second = await citizen.fileOk({ title: 'Air PDAM mati lagi di Ampenan', description: 'Air PDAM tidak mengalir tiga hari di lingkungan kami.' });
    await vi.waitFor(async () => expect((await row(second.code))?.suggested).toBe('pdam-giri-menang'), { timeout: 10_000, interval: 100 });
    const stored = await row(second.code);
    expect(stored).toMatchObject({ status: 'submitted', agency: null });
    const candidates = JSON.parse(stored!.duplicate_candidates!) as { code: string; similarity: number }[];
    expect(candidates[0]?.code).toBe(first.code);
    expect(candidates[0]!.similarity).toBeGreaterThan(0.3);
  });

  it('looks among the newest when a place has more than 50 open complaints of the kind', async () => {
    const weeksAgo = new Date(Date.now() - 20 * 24 * 3600_000);
    for (let i = 0; i < 55; i++) {
      await insertComplaint({
        regencyCode: place.regencyCode,
        districtCode: place.districtCode,
        villageCode: place.villageCode,
        title: `Keluhan lama nomor ${i}`,
        description: 'Pembayaran rekening bulan lalu tercatat dua kali di kantor pelayanan.',
        submittedAt: weeksAgo,
        updatedAt: weeksAgo,
      });
    }
    const citizen = newCitizen();
    const first = await citizen.fileOk({ title: 'Pipa bocor di depan masjid', description: 'Pipa PDAM bocor besar di depan masjid, air terbuang ke jalan sejak pagi.' });
    const second = await citizen.fileOk({ title: 'Pipa bocor depan masjid', description: 'Pipa PDAM bocor di depan masjid, air terbuang ke jalan.' });
    await vi.waitFor(async () => expect((await row(second.code))?.duplicate_candidates).toBeTruthy(), { timeout: 10_000, interval: 100 });
    const candidates = JSON.parse((await row(second.code))!.duplicate_candidates!) as { code: string }[];
    expect(candidates[0]?.code).toBe(first.code);
  });

  it('forwards at once where the rule says auto_forward (disaster → BPBD NTB)', async () => {
    const { code } = await newCitizen().fileOk({ category: 'bencana', title: 'Banjir bandang di Ampenan', description: 'Air sungai meluap, rumah warga terendam setinggi pinggang sejak subuh.' });
    await vi.waitFor(async () => expect((await row(code))?.status).toBe('forwarded'), { timeout: 10_000, interval: 100 });
    expect(await row(code)).toMatchObject({ agency: 'bpbd-ntb', priority: 'urgent', version: 2 });
    const events = await env.DB.prepare('SELECT type, actor_role FROM events WHERE complaint_id = (SELECT id FROM complaints WHERE code = ?) ORDER BY id')
      .bind(code)
      .all();
    expect(events.results).toEqual([
      { type: 'submitted', actor_role: 'citizen' },
      { type: 'forwarded', actor_role: 'system' },
    ]);
  });

  it('gives each complaint of a batch its own candidates and suggestion, though they share most of them', async () => {
    const villages = await env.DB.prepare(
      "SELECT v.code AS village, d.code AS district FROM regions v JOIN regions d ON d.code = v.parent_code WHERE d.parent_code = '52.71' ORDER BY v.code DESC LIMIT 2", // where no other test files
    ).all<{ village: string; district: string }>();
    const [here, there] = villages.results.map((v) => ({ regencyCode: '52.71', districtCode: v.district, villageCode: v.village }));
    const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600_000);
    const older = async (at: typeof here, n: number, over: Parameters<typeof insertComplaint>[0] = {}) =>
      (await insertComplaint({ ...at, title: `Air mati ${n}`, submittedAt: daysAgo(n), updatedAt: daysAgo(n), ...over })).complaint.code;
    const hereOld = [await older(here!, 3), await older(here!, 2)];
    const thereOld = [await older(there!, 4)];
    // Neither is a candidate anywhere: another kind of complaint, and one already closed.
    const roads = await env.DB.prepare("SELECT id FROM categories WHERE slug = 'jalan-jembatan'").first<{ id: number }>();
    await older(here!, 1, { categoryId: roads!.id });
    await older(here!, 1, { status: 'closed' });
    const fresh = [await insertComplaint({ ...here }), await insertComplaint({ ...here }), await insertComplaint({ ...there })];
    // Filed after them and not in the batch (nor a candidate: another kind): the batch writes nothing of it.
    const outside = (await insertComplaint({ ...there, categoryId: roads!.id })).complaint.code;

    const batch = createMessageBatch(
      'complaint-events',
      fresh.map(({ event }, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: { kind: 'event', eventId: event.id } })),
    );
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks.sort()).toEqual(['m0', 'm1', 'm2']);

    const candidatesOf = async (code: string) => {
      const stored = await row(code);
      expect(stored?.suggested).toBe('pdam-giri-menang');
      return (JSON.parse(stored!.duplicate_candidates!) as { code: string }[]).map((c) => c.code).sort();
    };
    const [a, b, c] = fresh.map((f) => f.complaint.code) as [string, string, string];
    expect(await candidatesOf(a)).toEqual([...hereOld, b].sort());
    expect(await candidatesOf(b)).toEqual([...hereOld, a].sort());
    expect(await candidatesOf(c)).toEqual(thereOld);
    for (const untouched of [outside, ...hereOld]) expect(await row(untouched)).toMatchObject({ suggested: null, duplicate_candidates: null });
  });
});
