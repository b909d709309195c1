// Property-based: whatever a signed-in staff member (or someone pretending) sends to the staff
// endpoints, the answer is a 2xx or a 4xx in the one error shape, never a 5xx, and a refused
// request changes nothing: not the complaint, not its events, not the admin tables.
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { rejectReasons } from '../../worker/domain/api';
import { lifecycle } from '../../worker/domain/lifecycle';
import type { ComplaintStatus } from '../../worker/domain/vocabulary';
import { complaintAt } from './complaint-states';
import { applyMutation, bodyEncoding, expectShape, freshClient, mutation, oneIn, queryString, queryValue, requestSite } from './fuzz';
import { call } from './helpers';
import { createStaff, signIn } from './staff';

type Who = 'moderator' | 'admin' | 'pdam' | 'pupr' | 'nobody';
const cookies = {} as Record<Who, Record<string, string>>;

beforeAll(async () => {
  const [moderator, admin, pdam, pupr] = await Promise.all([
    signIn('moderator'),
    signIn('admin'),
    signIn('agency', 'pdam-giri-menang'),
    signIn('agency', 'dinas-pupr-ntb'),
  ]);
  Object.assign(cookies, {
    moderator: { Cookie: moderator.cookie },
    admin: { Cookie: admin.cookie },
    pdam: { Cookie: pdam.cookie },
    pupr: { Cookie: pupr.cookie },
    nobody: { Cookie: 'ntbcare_session=0123456789abcdef0123456789abcdef' },
  });
});

const who = fc.constantFrom<Who>('moderator', 'admin', 'pdam', 'pupr', 'nobody');

/** A body sent as the encoding says, with the signed-in person's cookie and the site headers. */
function send(method: string, path: string, body: unknown, encoding: { contentType: string; raw: string | null }, headers: Record<string, string>) {
  return call(path, {
    method,
    headers: freshClient({ ...headers, ...(encoding.contentType ? { 'Content-Type': encoding.contentType } : {}) }),
    body: encoding.raw ?? JSON.stringify(body),
  });
}

// One complaint per status, replaced once an action has moved it on.
const pool = new Map<ComplaintStatus, Promise<Awaited<ReturnType<typeof complaintAt>>>>();
const poolComplaint = (status: ComplaintStatus) => pool.get(status) ?? pool.set(status, complaintAt(status)).get(status)!;
const statuses = fc.constantFrom<ComplaintStatus>('submitted', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected');

/** The complaint's row and its events, less what the queue consumer may fill in meanwhile. */
async function complaintSnapshot(id: number) {
  const row = await env.DB.prepare('SELECT * FROM complaints WHERE id = ?').bind(id).first<Record<string, unknown>>();
  const { suggested_agency_id: _s, duplicate_candidates: _d, ...rest } = row!;
  const events = await env.DB.prepare('SELECT id, type, actor_role, agency_id, from_status, to_status, body, data FROM events WHERE complaint_id = ? ORDER BY id').bind(id).all();
  const totals = await env.DB.prepare('SELECT (SELECT count(*) FROM complaints) AS complaints, (SELECT count(*) FROM events) AS events').first();
  return { row: rest, events: events.results, totals };
}

const actionBodies: Record<string, (version: number, other: string) => Record<string, unknown>> = {
  forward: (version) => ({ version, agency: 'dinas-pupr-ntb', priority: 'important', note: 'Mohon segera ditangani' }),
  reject: (version) => ({ version, reason: rejectReasons[0], message: 'Bukan layanan publik' }),
  duplicate: (version, other) => ({ version, of: other }),
  correct: (version) => ({ version, title: 'Judul yang sudah dikoreksi', regencyCode: '52.71', districtCode: '52.71.01', villageCode: '52.71.01.1004' }),
  return: (version) => ({ version, reason: 'Bukan kewenangan kami, mohon diteruskan ke PUPR' }),
  acknowledge: (version) => ({ version }),
  respond: (version) => ({ version, body: 'Petugas kami datang besok pagi.' }),
  resolve: (version) => ({ version, body: 'Pipa yang bocor sudah diganti.' }),
  note: (version) => ({ version, body: 'Catatan untuk moderator' }),
};
const actions = Object.keys(actionBodies);
const moderatorActions = new Set(['forward', 'reject', 'duplicate', 'correct']);

// Thousands of requests in all: on a loaded 2-core machine a property can take a minute.
describe('fuzzing the staff endpoints', { timeout: 120_000 }, () => {
  it('complaint actions never answer 5xx, and a refusal changes neither the complaint nor its events', async () => {
    // Mostly the right person on a complaint in a status the action is for, to get past the checks.
    const request = fc.constantFrom(...actions).chain((action) =>
      fc.record({
        action: fc.constant(action),
        status: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...lifecycle.filter((rule) => rule.action === action).flatMap((rule) => rule.from)) }, statuses),
        who: fc.oneof({ weight: 3, arbitrary: fc.constant<Who>(moderatorActions.has(action) ? 'moderator' : 'pdam') }, who),
        site: requestSite,
        encoding: bodyEncoding,
        mutation: oneIn(2, mutation(Object.keys(actionBodies[action]!(1, '')))),
        staleBy: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }),
        code: oneIn(8, fc.string({ maxLength: 14 })),
      }),
    );
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const target = await poolComplaint(r.status);
        const other = await poolComplaint('submitted');
        const valid = actionBodies[r.action]!(target.version + r.staleBy, other.code === target.code ? 'NTB-00000000' : other.code);
        const body = r.mutation ? applyMutation(valid, r.mutation) : valid;
        const code = r.code === null ? target.code : encodeURIComponent(r.code);
        const before = await complaintSnapshot(target.id);
        const res = await send('POST', `/api/complaints/${code}/${r.action}`, body, r.encoding, { ...cookies[r.who], ...r.site });
        const status = res.status;
        await expectShape(res);
        if (status >= 400) {
          expect(await complaintSnapshot(target.id)).toEqual(before);
        } else {
          // Only the complaint's own version moves, by one change.
          const after = await complaintSnapshot(target.id);
          expect(after.row.version).toBe(target.version + 1);
          pool.delete(r.status);
          succeeded++;
        }
      }),
      { numRuns: 200 },
    );
    // The generator reaches past validation, not only into it: about one run in eight succeeds.
    expect(succeeded).toBeGreaterThan(5);
  });

  it('admin writes never answer 5xx, and a refusal leaves the admin tables as they were', async () => {
    const admin = cookies.admin;
    const agency = `fuzz-agency-${Date.now() % 100000}`;
    const category = `fuzz-category-${Date.now() % 100000}`;
    const { username } = await createStaff('moderator');
    let n = 0;
    const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/admin/agencies', { slug: agency, name: 'Dinas Uji Coba', kind: 'dinas' })).status).toBe(201);
    expect((await post('/api/admin/categories', { slug: category, nameId: 'Kategori Uji', nameEn: 'Test category', defaultPriority: 'normal' })).status).toBe(201);

    const writes: { method: string; path: string; valid: () => Record<string, unknown> }[] = [
      { method: 'POST', path: '/api/admin/users', valid: () => ({ username: `fuzz.${++n}`, displayName: 'Petugas Uji', role: 'agency', agency, password: 'sandi-rahasia-uji-123' }) },
      { method: 'POST', path: `/api/admin/users/${username}/password`, valid: () => ({ password: 'sandi-baru-yang-panjang' }) },
      { method: 'POST', path: '/api/admin/agencies', valid: () => ({ slug: `fuzz-agency-x${++n}`, name: 'Badan Uji Coba', shortName: 'BUC', kind: 'badan', regencyCode: '52.71' }) },
      { method: 'PATCH', path: `/api/admin/agencies/${agency}`, valid: () => ({ name: 'Dinas Uji Coba Baru', shortName: null, active: true }) },
      { method: 'POST', path: '/api/admin/routing-rules', valid: () => ({ category, regencyCode: '52.71', agency, rank: 7, autoForward: false }) },
      { method: 'PUT', path: '/api/admin/targets', valid: () => ({ moderation: 24, urgent: 1, important: 24, normal: 48 }) },
      { method: 'POST', path: '/api/admin/categories', valid: () => ({ slug: `fuzz-category-x${++n}`, nameId: 'Kategori Baru', nameEn: 'New category', defaultPriority: 'urgent', icon: null, sortOrder: 900 }) },
      { method: 'PATCH', path: `/api/admin/categories/${category}`, valid: () => ({ nameId: 'Kategori Uji Lagi', descriptionEn: 'Again', active: true }) },
      { method: 'POST', path: '/api/admin/api-keys', valid: () => ({ name: 'Aplikasi Uji Coba' }) },
    ];
    const tables = async () => {
      const read = (sql: string) => env.DB.prepare(sql).all().then((r) => r.results);
      return {
        users: await read('SELECT id, username, display_name, role, agency_id, password_hash, disabled_at FROM users ORDER BY id'),
        agencies: await read('SELECT * FROM agencies ORDER BY id'),
        categories: await read('SELECT * FROM categories ORDER BY id'),
        rules: await read('SELECT * FROM routing_rules ORDER BY id'),
        settings: await read('SELECT * FROM settings'),
        apiKeys: await read('SELECT * FROM api_keys ORDER BY id'),
      };
    };
    // Accounts hash passwords (PBKDF2, slow by design): asked for less often than the rest.
    const index = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(0, 1) }, { weight: 6, arbitrary: fc.integer({ min: 2, max: writes.length - 1 }) });
    const request = index.chain((i) =>
      fc.record({
        i: fc.constant(i),
        who: fc.constantFrom<Who>('admin', 'admin', 'admin', 'moderator', 'pdam', 'nobody'),
        site: requestSite,
        encoding: bodyEncoding,
        mutation: oneIn(2, mutation(Object.keys(writes[i]!.valid()))),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const write = writes[r.i]!;
        const valid = write.valid();
        const body = r.mutation ? applyMutation(valid, r.mutation) : valid;
        const before = await tables();
        const res = await send(write.method, write.path, body, r.encoding, { ...cookies[r.who], ...r.site });
        const status = res.status;
        await expectShape(res);
        if (status >= 400) expect(await tables()).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });

  it('paths with generated ids and names never answer 5xx', async () => {
    // Anything but the small numbers that name real rows (`z.coerce` reads ' 7', '0x7', '7e0' as 7).
    const unknownId = fc
      .oneof(fc.string({ maxLength: 30 }), fc.integer({ min: 1_000_000 }).map(String), fc.constantFrom('0', '-1', '1e9', '9007199254740993', '..', '%00'))
      .filter((id) => !(Number(id) >= 1 && Number(id) < 1_000_000));
    const paths = (id: string) => [
      ['POST', `/api/admin/users/${id}/disable`],
      ['POST', `/api/admin/users/${id}/enable`],
      ['PATCH', `/api/admin/agencies/${id}`],
      ['PATCH', `/api/admin/categories/${id}`],
      ['DELETE', `/api/admin/routing-rules/${id}`],
      ['POST', `/api/admin/dead-letters/${id}/replay`],
      ['GET', `/api/complaints/${id}`],
    ];
    const before = await env.DB.prepare('SELECT (SELECT count(*) FROM routing_rules) AS rules, (SELECT count(*) FROM users WHERE disabled_at IS NOT NULL) AS disabled').first();
    await fc.assert(
      fc.asyncProperty(unknownId, async (id) => {
        for (const [method, path] of paths(encodeURIComponent(id))) {
          await expectShape(await call(path!, { method, headers: { ...cookies.admin, 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' }));
        }
      }),
      { numRuns: 120 },
    );
    // No generated id named a real rule or account.
    expect(await env.DB.prepare('SELECT (SELECT count(*) FROM routing_rules) AS rules, (SELECT count(*) FROM users WHERE disabled_at IS NOT NULL) AS disabled').first()).toEqual(before);
  });

  it('inbox, queue, export and admin queries never answer 5xx', async () => {
    const reads: [Who, string, string[]][] = [
      ['pdam', '/api/inbox', ['status', 'cursor', 'limit']],
      ['pdam', '/api/inbox/events', ['since']],
      ['moderator', '/api/moderation/queue', ['cursor', 'limit']],
      ['pdam', '/api/export/complaints.csv', ['status', 'category', 'regency', 'from', 'to']],
      ['moderator', '/api/export/complaints.csv', ['status', 'category', 'regency', 'from', 'to']],
      ['admin', '/api/admin/users', ['q', 'role', 'agency']],
      ['admin', '/api/admin/routing-preview', ['category', 'regency']],
      ['admin', '/api/admin/dead-letters', ['all']],
      ['moderator', '/api/complaints', ['category', 'regency', 'status', 'pinned', 'cursor', 'limit']],
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: reads.length - 1 }), fc.boolean(), fc.constantFrom(...reads.map((r) => r[2]!)).chain(queryString), async (i, signedIn, query) => {
        const [person, path] = reads[i]!;
        await expectShape(await call(`${path}?${query}`, { headers: signedIn ? cookies[person] : {} }));
      }),
      { numRuns: 250 },
    );
  });

  it('live topics, asked for by any staff member, open or answer 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(who, fc.oneof(queryValue, fc.constantFrom('moderation', 'agency:1', 'agency:-1', 'complaint:NTB-00000000')), async (person, topic) => {
        const res = await call(`/api/live?topic=${encodeURIComponent(topic)}`, { headers: { ...cookies[person], Upgrade: 'websocket' } });
        if (res.status === 101) {
          res.webSocket!.accept();
          res.webSocket!.close();
          return;
        }
        await expectShape(res);
      }),
      { numRuns: 150 },
    );
  });
});

describe('fuzzing sign-in and sessions', () => {
  it('POST /api/auth/login never answers 5xx, and a refusal starts no session', async () => {
    const { username, password } = await createStaff('moderator');
    const sessions = async () => (await env.DB.prepare('SELECT count(*) AS n FROM sessions').first<{ n: number }>())!.n;
    const valid = () => ({ username, password });
    await fc.assert(
      fc.asyncProperty(oneIn(8, mutation(['username', 'password'])), bodyEncoding, requestSite, async (m, encoding, site) => {
        const body = m ? applyMutation(valid(), m) : { username, password: 'bukan-sandinya' };
        const before = await sessions();
        const res = await send('POST', '/api/auth/login', body, encoding, site);
        const status = res.status;
        await expectShape(res);
        if (status >= 400) expect(await sessions()).toBe(before);
      }),
      { numRuns: 120 },
    );
  });

  it('made-up session cookies are never signed in and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('ntbcare_session', '__Host-ntbcare_session', 'session'), fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 })), async (name, value) => {
        const cookie = `${name}=${encodeURIComponent(value)}`;
        const me = await call('/api/auth/me', { headers: { Cookie: cookie } });
        expect(me.status).toBe(401);
        await expectShape(me);
        await expectShape(await call('/api/inbox', { headers: { Cookie: cookie } }));
        await expectShape(await call('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } }));
      }),
      { numRuns: 150 },
    );
  });
});
