import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { applyComplaintChange } from '../../worker/db/complaint-actions';
import type { ComplaintView, ModerationQueueResponse } from '../../worker/domain/api';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

let moderator: string;
let agency: string;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  agency = (await signIn('agency', 'pdam-giri-menang')).cookie;
});

const act = (code: string, action: string, body: unknown, cookie = moderator) =>
  call(`/api/complaints/${code}/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) });
const queue = (cookie = moderator, query = 'limit=100') => call(`/api/moderation/queue?${query}`, { headers: cookie ? { Cookie: cookie } : {} });
const publicView = async (code: string) => (await call(`/api/complaints/${code}`)).json<ComplaintView>();

async function routed(code: string) {
  await vi.waitFor(
    async () => {
      const r = await env.DB.prepare('SELECT suggested_agency_id FROM complaints WHERE code = ?').bind(code).first<{ suggested_agency_id: number | null }>();
      expect(r!.suggested_agency_id).not.toBeNull();
    },
    { timeout: 10_000, interval: 100 },
  );
}

describe('the moderation queue', () => {
  it('is for moderators and admins only', async () => {
    await expectError(await queue(''), 401, 'unauthenticated');
    await expectError(await queue(agency), 403, 'forbidden');
    expect((await queue((await signIn('admin')).cookie)).status).toBe(200);
  });

  it('lists waiting complaints oldest first with the suggestion, photos and reporter', async () => {
    const citizen = newCitizen();
    const photo = await citizen.uploadOk();
    const older = await citizen.fileOk({ photoIds: [photo.id], anonymous: true });
    const newer = await citizen.fileOk({ title: 'Jalan rusak parah sekali', category: 'jalan-jembatan' });
    await routed(older.code);
    await routed(newer.code);
    const body = await (await queue()).json<ModerationQueueResponse>();
    const codes = body.items.map((i) => i.code);
    expect(codes.indexOf(older.code)).toBeLessThan(codes.indexOf(newer.code));
    expect(body.total).toBeGreaterThanOrEqual(2);
    const item = body.items.find((i) => i.code === older.code)!;
    expect(item).toMatchObject({ suggestedAgency: { slug: 'pdam-giri-menang' }, anonymous: true, reporter: { name: 'Baiq Nurul' }, version: 1 });
    expect(item.photos[0]?.id).toBe(photo.id);
    expect(body.items.find((i) => i.code === newer.code)?.suggestedAgency?.slug).toBe('pemkot-mataram');
    // Moderators may open the photo of a complaint not yet public.
    expect((await call(item.photos[0]!.url, { headers: { Cookie: moderator } })).status).toBe(200);
  });
});

describe('moderator actions', () => {
  it('forwards with a priority and a note: public sees the forward, not the note', async () => {
    const { code } = await newCitizen().fileOk();
    const res = await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'urgent', note: 'Mohon dicek pipa utama' });
    expect(res.status).toBe(200);
    const view = await res.json<ComplaintView>();
    expect(view).toMatchObject({ status: 'forwarded', priority: 'urgent', agency: { slug: 'pdam-giri-menang' }, version: 2 });
    expect(view.events.map((e) => e.type)).toEqual(['submitted', 'forwarded', 'note']);
    const row = await env.DB.prepare('SELECT forwarded_at, due_at FROM complaints WHERE code = ?').bind(code).first<{ forwarded_at: number; due_at: number }>();
    expect(row!.due_at - row!.forwarded_at).toBe(3600_000);

    const seen = await publicView(code);
    expect(seen.events.map((e) => e.type)).toEqual(['submitted', 'forwarded']);
    expect(JSON.stringify(seen)).not.toContain('pipa utama');
    expect(seen.events[1]).toMatchObject({ actor: 'moderator', agency: { slug: 'pdam-giri-menang' }, details: { agency: 'pdam-giri-menang', priority: 'urgent' } });
    // The agency now reaches it.
    expect((await call(`/api/complaints/${code}`, { headers: { Cookie: agency } })).status).toBe(200);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const { code } = await newCitizen().fileOk();
    expect((await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' })).status).toBe(200);
    const body = await expectError(await act(code, 'reject', { version: 1, reason: 'spam' }), 409, 'conflict');
    expect(body.error.details?.[0]).toMatchObject({ path: 'version' });
    expect((await publicView(code)).status).toBe('forwarded');
  });

  it('lets exactly one of two simultaneous actions on one version win', async () => {
    const { code } = await newCitizen().fileOk();
    const results = await Promise.all([
      act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' }),
      act(code, 'reject', { version: 1, reason: 'incomplete', message: 'Mohon lengkapi lokasi' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const view = await publicView(code);
    expect(view.version).toBe(2);
    expect(view.events).toHaveLength(2);
  });

  it('refuses illegal transitions with 409', async () => {
    const { code } = await newCitizen().fileOk();
    expect((await act(code, 'reject', { version: 1, reason: 'spam' })).status).toBe(200);
    await expectError(await act(code, 'forward', { version: 2, agency: 'pdam-giri-menang', priority: 'normal' }), 409, 'conflict');
  });

  it('rejects with a reason the reporter sees', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    const res = await act(code, 'reject', { version: 1, reason: 'not_public_service', message: 'Ini urusan pribadi antarwarga.' });
    expect(res.status).toBe(200);
    const own = await (await call(`/api/complaints/${code}`, { headers: { 'X-Tracking-Token': trackingToken } })).json<ComplaintView>();
    expect(own.status).toBe('rejected');
    expect(own.events.at(-1)).toMatchObject({ type: 'rejected', body: 'Ini urusan pribadi antarwarga.', details: { reason: 'not_public_service' } });
  });

  it('marks a duplicate, linking the original for the reporter', async () => {
    const citizen = newCitizen();
    const original = await citizen.fileOk();
    const copy = await citizen.fileOk();
    await expectError(await act(copy.code, 'duplicate', { version: 1, of: copy.code }), 422, 'unprocessable');
    await expectError(await act(copy.code, 'duplicate', { version: 1, of: 'NTB-00000000' }), 422, 'unprocessable');
    expect((await act(copy.code, 'duplicate', { version: 1, of: original.code })).status).toBe(200);
    expect((await publicView(copy.code)).events.at(-1)).toMatchObject({ type: 'duplicate', details: { of: original.code } });
  });

  it('refuses an original nobody handles: itself a duplicate (no two closing each other) or rejected', async () => {
    const citizen = newCitizen();
    const first = await citizen.fileOk();
    const second = await citizen.fileOk();
    const rejected = await citizen.fileOk();
    expect((await act(first.code, 'duplicate', { version: 1, of: second.code })).status).toBe(200);
    // The desk still offers `first` as a candidate of `second`: marking it would close both.
    const back = await expectError(await act(second.code, 'duplicate', { version: 1, of: first.code }), 422, 'unprocessable');
    expect(back.error.details).toEqual([{ path: 'of', message: 'duplicate' }]);
    expect((await act(rejected.code, 'reject', { version: 1, reason: 'incomplete' })).status).toBe(200);
    const dead = await expectError(await act(second.code, 'duplicate', { version: 1, of: rejected.code }), 422, 'unprocessable');
    expect(dead.error.details).toEqual([{ path: 'of', message: 'rejected' }]);
    // Resolved or closed: the problem is no longer anyone's (a new report may mean it is back).
    for (const status of ['resolved', 'closed'] as const) {
      const done = await citizen.fileOk();
      await env.DB.prepare('UPDATE complaints SET status = ? WHERE code = ?').bind(status, done.code).run();
      const refused = await expectError(await act(second.code, 'duplicate', { version: 1, of: done.code }), 422, 'unprocessable');
      expect(refused.error.details).toEqual([{ path: 'of', message: status }]);
    }
    const view = await publicView(second.code);
    expect(view).toMatchObject({ status: 'submitted', version: 1 });
    expect(view.events.map((e) => e.type)).toEqual(['submitted']);
  });

  it('refuses, in the write itself, an original that stopped being handled after the route read it', async () => {
    // The race of the next test, made certain: the route has read an open original, and
    // another moderator's write closes it before this one is written.
    const citizen = newCitizen();
    const [copy, closedMeanwhile, stillOpen] = [await citizen.fileOk(), await citizen.fileOk(), await citizen.fileOk()];
    const idOf = async (code: string) => (await env.DB.prepare('SELECT id FROM complaints WHERE code = ?').bind(code).first<{ id: number }>())!.id;
    const markAsDuplicateOf = async (original: string) =>
      applyComplaintChange(env.DB, {
        complaintId: await idOf(copy.code),
        version: 1,
        to: 'duplicate',
        at: Date.now(),
        set: { duplicateOfId: await idOf(original), closedAt: Date.now(), dueAt: null },
        events: [{ type: 'duplicate', actorRole: 'moderator', visibility: 'public', fromStatus: 'submitted', data: { of: original } }],
      });
    // Read from D1: written past the Worker, the complaint's page may answer from its memory.
    const stored = async () => ({
      ...(await env.DB.prepare('SELECT status, version, duplicate_of_id AS of FROM complaints WHERE code = ?').bind(copy.code).first()),
      events: (await env.DB.prepare('SELECT type FROM events WHERE complaint_id = ? ORDER BY id').bind(await idOf(copy.code)).all()).results.map((e) => e.type),
    });
    await env.DB.prepare("UPDATE complaints SET status = 'duplicate' WHERE code = ?").bind(closedMeanwhile.code).run();
    expect(await markAsDuplicateOf(closedMeanwhile.code)).toBeUndefined();
    expect(await stored()).toEqual({ status: 'submitted', version: 1, of: null, events: ['submitted'] });
    // The same write with the original still open goes through.
    expect(await markAsDuplicateOf(stillOpen.code)).toHaveLength(1);
    expect(await stored()).toEqual({ status: 'duplicate', version: 2, of: await idOf(stillOpen.code), events: ['submitted', 'duplicate'] });
  });

  it('lets only one of two moderators marking two complaints duplicates of each other at once win', async () => {
    for (let round = 0; round < 3; round++) {
      const citizen = newCitizen();
      const a = await citizen.fileOk();
      const b = await citizen.fileOk();
      const answers = await Promise.all([act(a.code, 'duplicate', { version: 1, of: b.code }), act(b.code, 'duplicate', { version: 1, of: a.code })]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
      const statuses = [(await publicView(a.code)).status, (await publicView(b.code)).status];
      expect(statuses.sort()).toEqual(['duplicate', 'submitted']);
      // The loser's own complaint did not change: what stops it is its original, now a duplicate.
      const loser = answers.find((r) => r.status !== 200)!;
      const refused = await expectError(loser, 422, 'unprocessable');
      expect(refused.error.details).toEqual([{ path: 'of', message: 'duplicate' }]);
    }
  });

  it('corrects category, region and title, keeping the original in the internal log', async () => {
    const { code } = await newCitizen().fileOk();
    const res = await act(code, 'correct', { version: 1, title: 'Pipa PDAM bocor di Pagesangan', category: 'air-bersih', regencyCode: '52.71', districtCode: '52.71.02', villageCode: '52.71.02.1001' });
    expect(res.status).toBe(200);
    const view = await res.json<ComplaintView>();
    expect(view).toMatchObject({ status: 'submitted', title: 'Pipa PDAM bocor di Pagesangan', place: { village: { name: 'Pagesangan' } }, version: 2 });
    expect(view.events.at(-1)).toMatchObject({ type: 'corrected', details: { before: { title: 'Air PDAM tidak mengalir tiga hari', villageCode: '52.71.01.1004' } } });
    expect((await publicView(code)).events.map((e) => e.type)).toEqual(['submitted']);
    await expectError(await act(code, 'correct', { version: 2, regencyCode: '52.01', districtCode: '52.71.02', villageCode: '52.71.02.1001' }), 422, 'unprocessable');
  });

  it('routes a corrected category or regency anew, so the desk suggests the right agency', async () => {
    const { code } = await newCitizen().fileOk({ title: 'Jalan berlubang di Ampenan', category: 'jalan-jembatan' });
    await routed(code);
    const item = async () => (await (await queue()).json<ModerationQueueResponse>()).items.find((i) => i.code === code)!;
    expect((await item()).suggestedAgency?.slug).toBe('pemkot-mataram');
    // It is about water after all.
    expect((await act(code, 'correct', { version: 1, category: 'air-bersih' })).status).toBe(200);
    expect(await item()).toMatchObject({ category: { slug: 'air-bersih' }, suggestedAgency: { slug: 'pdam-giri-menang' }, version: 2 });
    // A title alone routes nothing anew.
    expect((await act(code, 'correct', { version: 2, title: 'Air PDAM tidak mengalir' })).status).toBe(200);
    expect((await item()).suggestedAgency?.slug).toBe('pdam-giri-menang');

    // A road in another regency: that regency's government, by the place alone.
    const road = await newCitizen().fileOk({ title: 'Jalan berlubang di depan sekolah', category: 'jalan-jembatan' });
    await routed(road.code);
    const roadItem = async () => (await (await queue()).json<ModerationQueueResponse>()).items.find((i) => i.code === road.code)!;
    expect((await roadItem()).suggestedAgency?.slug).toBe('pemkot-mataram');
    const moved = { version: 1, regencyCode: '52.02', districtCode: '52.02.01', villageCode: '52.02.01.1002' };
    expect((await act(road.code, 'correct', moved)).status).toBe(200);
    expect(await roadItem()).toMatchObject({ category: { slug: 'jalan-jembatan' }, suggestedAgency: { slug: 'pemkab-lombok-tengah' }, version: 2 });
  });

  it('is refused to agencies and to the public, and validates its input', async () => {
    const { code } = await newCitizen().fileOk();
    await expectError(await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' }, agency), 403, 'forbidden');
    await expectError(await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' }, ''), 401, 'unauthenticated');
    await expectError(await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'soon' }), 400, 'validation_failed');
    await expectError(await act(code, 'forward', { version: 1, agency: 'tidak-ada', priority: 'normal' }), 422, 'unprocessable');
    await expectError(await act(code, 'reject', { version: 1, reason: 'boring' }), 400, 'validation_failed');
    await expectError(await act('NTB-00000000', 'reject', { version: 1, reason: 'spam' }), 404, 'not_found');
  });
});

describe('a complaint returned by its agency', () => {
  it('comes back to the desk flagged with the agency reason, and only its agency may return it', async () => {
    const { code } = await newCitizen().fileOk();
    expect((await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' })).status).toBe(200);
    const otherAgency = (await signIn('agency', 'dinas-pupr-ntb')).cookie;
    await expectError(await act(code, 'return', { version: 2, reason: 'Bukan wilayah kami' }, otherAgency), 404, 'not_found');
    await expectError(await act(code, 'return', { version: 2, reason: 'Bukan wilayah kami' }, moderator), 403, 'forbidden');
    const res = await act(code, 'return', { version: 2, reason: 'Pipa ini milik desa, bukan PDAM' }, agency);
    expect(res.status).toBe(200);
    expect((await res.json<ComplaintView>()).status).toBe('submitted');
    // The agency no longer reaches it: it sees what the public sees.
    const asAgency = await (await call(`/api/complaints/${code}`, { headers: { Cookie: agency } })).json<ComplaintView>();
    expect(asAgency.reporter).toBeNull();
    expect(asAgency.events.map((e) => e.type)).toEqual(['submitted', 'forwarded']);
    await vi.waitFor(async () => {
      const item = (await (await queue()).json<ModerationQueueResponse>()).items.find((i) => i.code === code);
      expect(item?.returned).toMatchObject({ agency: { slug: 'pdam-giri-menang' }, reason: 'Pipa ini milik desa, bukan PDAM', agencyInactive: false });
    });
  });

  it('no longer suggests the agency that sent it back, so one key does not bounce it there again', async () => {
    const { code } = await newCitizen().fileOk();
    await routed(code);
    const before = (await (await queue()).json<ModerationQueueResponse>()).items.find((i) => i.code === code);
    expect(before?.suggestedAgency?.slug).toBe('pdam-giri-menang');
    expect((await act(code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' })).status).toBe(200);
    expect((await act(code, 'return', { version: 2, reason: 'Pipa ini milik desa, bukan PDAM' }, agency)).status).toBe(200);
    // Routed again after the return: the rule still names PDAM, the desk must not.
    await vi.waitFor(async () => {
      const item = (await (await queue()).json<ModerationQueueResponse>()).items.find((i) => i.code === code);
      expect(item).toMatchObject({ returned: { agency: { slug: 'pdam-giri-menang' } }, suggestedAgency: null });
    });
  });
});

describe('a suggestion for an agency deactivated since', () => {
  it('is dropped from the queue, as a forward to it would be refused', async () => {
    const admin = (await signIn('admin')).cookie;
    const post = (path: string, body: unknown, method = 'POST') =>
      call(path, { method, headers: { 'Content-Type': 'application/json', Cookie: admin }, body: JSON.stringify(body) });
    expect((await post('/api/admin/agencies', { slug: 'bpn-kota-mataram-uji', name: 'Kantor Pertanahan Uji', kind: 'vertical' })).status).toBe(201);
    expect((await post('/api/admin/routing-rules', { category: 'pertanahan', regencyCode: '52.71', agency: 'bpn-kota-mataram-uji' })).status).toBe(201);
    const { code } = await newCitizen().fileOk({ title: 'Sengketa batas tanah warga', category: 'pertanahan' });
    await routed(code);
    const waiting = async () => (await (await queue()).json<ModerationQueueResponse>()).items.find((i) => i.code === code);
    expect((await waiting())?.suggestedAgency?.slug).toBe('bpn-kota-mataram-uji');
    expect((await post('/api/admin/agencies/bpn-kota-mataram-uji', { active: false }, 'PATCH')).status).toBe(200);
    expect((await waiting())?.suggestedAgency).toBeNull();
    await expectError(await act(code, 'forward', { version: 1, agency: 'bpn-kota-mataram-uji', priority: 'normal' }), 422, 'unprocessable');
  });
});

describe('a full desk', () => {
  it('serves a page of 100 waiting complaints (D1 binds at most 100 parameters a query)', async () => {
    const statements = Array.from({ length: 120 }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, tracking_token_hash, submitted_at, updated_at)
         SELECT ?, 'Antrian penuh', 'Pengaduan untuk menguji halaman penuh.', id, '52.71', '52.71.01', '52.71.01.1004', ?, ?, ?
         FROM categories WHERE slug = 'lainnya'`,
      ).bind(`NTB-F${String(i).padStart(7, '0')}`, '0'.repeat(64), i, i),
    );
    await env.DB.batch(statements);
    const res = await queue(moderator, 'limit=100');
    expect(res.status).toBe(200);
    const body = await res.json<ModerationQueueResponse>();
    expect(body.items).toHaveLength(100);
    expect(body.nextCursor).toBeTruthy();
  });
});
