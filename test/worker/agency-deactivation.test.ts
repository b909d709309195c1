// An agency switched off by an administrator: its staff can no longer work in it (requests,
// sign-in, live inbox), and it cannot be switched off while complaints wait in its inbox.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../worker/db/client';
import { latestReturns } from '../../worker/db/moderation';
import { newCitizen } from './citizen';
import { agencyIdOf, complaintAt, type StoredComplaint, takeStep } from './complaint-states';
import { eventsDelivered } from './event-log';
import { call, expectError } from './helpers';
import { createStaff, login, signIn } from './staff';
import { sessionCookie } from '../support/session-cookie';

const SLUG = 'dinas-uji-nonaktif';
let admin: string;
let agencyId: number;

const adminPatch = (body: unknown) =>
  call(`/api/admin/agencies/${SLUG}`, { method: 'PATCH', headers: { Cookie: admin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const storedAgency = async () =>
  (await (await call('/api/admin/agencies', { headers: { Cookie: admin } })).json<{ agencies: { slug: string; name: string; active: boolean }[] }>()).agencies.find((a) => a.slug === SLUG);
const inbox = (cookie: string) => call('/api/inbox', { headers: { Cookie: cookie } });
const openLive = (cookie: string) => call(`/api/live?topic=agency:${agencyId}`, { headers: { Upgrade: 'websocket', Cookie: cookie } });

beforeAll(async () => {
  admin = (await signIn('admin')).cookie;
  const created = await call('/api/admin/agencies', {
    method: 'POST',
    headers: { Cookie: admin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ slug: SLUG, name: 'Dinas Uji Nonaktif', kind: 'dinas' }),
  });
  expect(created.status).toBe(201);
  const staff = (await signIn('agency', SLUG)).cookie;
  const me = await (await call('/api/auth/me', { headers: { Cookie: staff } })).json<{ user: { agencyId: number } }>();
  agencyId = me.user.agencyId;
});

describe('switching an agency off', () => {
  it('is refused (409, nothing written) while it holds complaints forwarded to it or in progress there, and done once they moved on', async () => {
    const forwarded = await complaintAt('forwarded', SLUG);
    const inProgress = await complaintAt('in_progress', SLUG);
    // A resolved one waits for its reporter, not for the agency: it does not hold the switch.
    await complaintAt('resolved', SLUG);

    const refused = await expectError(await adminPatch({ active: false, name: 'Dinas Uji Berganti Nama' }), 409, 'conflict');
    expect(refused.error.details).toEqual([{ path: 'active', message: 'Holds 2 complaint(s) forwarded or in progress: forward them to another agency first' }]);
    expect(await storedAgency()).toMatchObject({ active: true, name: 'Dinas Uji Nonaktif' });

    // Moderators forward both elsewhere; then it can go.
    await takeStep(forwarded, { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'pdam-giri-menang' });
    await expectError(await adminPatch({ active: false }), 409, 'conflict');
    await takeStep(inProgress, { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: 'pdam-giri-menang' });
    const res = await adminPatch({ active: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: SLUG, active: false });
    expect((await adminPatch({ active: true })).status).toBe(200);
  });

  it('keeps its staff out while it is off, closing their live inbox at once, and lets them back in when it is on again', async () => {
    const { username, password } = await createStaff('agency', SLUG);
    const signedIn = await login(username, password, { 'CF-Connecting-IP': '198.51.100.77' });
    expect(signedIn.status).toBe(200);
    const cookie = sessionCookie(signedIn);
    expect((await inbox(cookie)).status).toBe(200);
    const live = await openLive(cookie);
    expect(live.status).toBe(101);
    const socket = live.webSocket!;
    socket.accept();
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));

    expect((await adminPatch({ active: false })).status).toBe(200);
    expect(await closed).toBe(4001);
    await expectError(await inbox(cookie), 401, 'unauthenticated');
    await expectError(await call('/api/auth/me', { headers: { Cookie: cookie } }), 401, 'unauthenticated');
    expect((await openLive(cookie)).status).toBe(404);
    // Signing in again with the right password is refused like a wrong one.
    await expectError(await login(username, password, { 'CF-Connecting-IP': '198.51.100.78' }), 401, 'unauthenticated');

    expect((await adminPatch({ active: true })).status).toBe(200);
    expect((await inbox(cookie)).status).toBe(200);
    expect((await login(username, password, { 'CF-Connecting-IP': '198.51.100.79' })).status).toBe(200);
  });

  it('leaves other agencies’ staff and moderators at work', async () => {
    const pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
    const moderator = (await signIn('moderator')).cookie;
    expect((await adminPatch({ active: false })).status).toBe(200);
    expect((await inbox(pdam)).status).toBe(200);
    expect((await call('/api/moderation/queue', { headers: { Cookie: moderator } })).status).toBe(200);
    expect((await adminPatch({ active: true })).status).toBe(200);
  });
});

/** Runs `fn` with the agency switched off, and switches it on again whatever happens. */
async function whileOff(fn: () => Promise<void>) {
  expect((await adminPatch({ active: false })).status).toBe(200);
  try {
    await fn();
  } finally {
    expect((await adminPatch({ active: true })).status).toBe(200);
  }
}

const stored = (code: string) =>
  env.DB.prepare('SELECT id, code, status, version, agency_id AS agencyId FROM complaints WHERE code = ?').bind(code).first<StoredComplaint>();
const eventsOf = async (id: number) =>
  (await env.DB.prepare('SELECT type, actor_role AS role, agency_id AS agencyId, visibility FROM events WHERE complaint_id = ? ORDER BY id').bind(id).all()).results;

describe('a complaint that lands at a switched-off agency', () => {
  it('goes back to the moderators when its reporter reopens it there, and a staff socket on it is closed', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    const c = (await stored(code))!;
    await takeStep(c, { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: SLUG });
    await takeStep(c, { to: 'in_progress', type: 'acknowledged', actorRole: 'agency' });
    await takeStep(c, { to: 'resolved', type: 'resolved', actorRole: 'agency' });
    // Someone of the agency follows the complaint itself (not the inbox) while it is switched off.
    const staff = (await signIn('agency', SLUG)).cookie;
    const live = await call(`/api/live?topic=complaint:${code}`, { headers: { Upgrade: 'websocket', Cookie: staff } });
    expect(live.status).toBe(101);
    const socket = live.webSocket!;
    const told: string[] = [];
    socket.addEventListener('message', (e) => {
      told.push(String(e.data));
    });
    socket.accept();
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));

    await whileOff(async () => {
      const reopened = await call(`/api/complaints/${code}/reopen`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tracking-Token': trackingToken },
        body: JSON.stringify({ version: c.version, reason: 'Air masih belum mengalir.' }),
      });
      expect(reopened.status).toBe(200);
      await vi.waitFor(async () => expect(await stored(code)).toMatchObject({ status: 'submitted', agencyId: null }), { timeout: 5000 });
      expect((await eventsOf(c.id)).slice(-2)).toEqual([
        { type: 'reopened', role: 'citizen', agencyId, visibility: 'public' },
        { type: 'returned', role: 'system', agencyId, visibility: 'internal' },
      ]);
      // The moderators see it returned, with the reason.
      const moderator = (await signIn('moderator')).cookie;
      const queue = await (await call('/api/moderation/queue', { headers: { Cookie: moderator } })).json<{ items: { code: string; returned: unknown }[] }>();
      expect(queue.items.find((i) => i.code === code)?.returned).toMatchObject({ agency: { slug: SLUG }, reason: null, agencyInactive: true });
      // Its session no longer works: the socket is closed instead of being told the reopening.
      expect(await closed).toBe(4001);
      expect(told.filter((m) => m.includes('"reopened"'))).toEqual([]);
    });
  });

  it('goes back to the moderators when a forward to it crossed its switching off', async () => {
    const { code } = await newCitizen().fileOk();
    await eventsDelivered(code);
    const c = (await stored(code))!;
    await whileOff(async () => {
      // The moderator's forward was checked while the agency was still on, and written after.
      const [forwardedEvent] = await takeStep(c, { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: SLUG });
      await env.EVENTS.send({ kind: 'event', eventId: forwardedEvent! });
      await vi.waitFor(async () => expect(await stored(code)).toMatchObject({ status: 'submitted', agencyId: null }), { timeout: 5000 });
      expect((await eventsOf(c.id)).at(-1)).toEqual({ type: 'returned', role: 'system', agencyId, visibility: 'internal' });
    });
  });

  it('does not count the switched-off agency among those that sent it back (the system did)', async () => {
    // An agency's own return keeps it from being suggested again for that complaint; the
    // system's must not, or the agency, once on again, would never be suggested for it.
    const c = await complaintAt('forwarded', 'pdam-giri-menang');
    await takeStep(c, { to: 'submitted', type: 'returned', actorRole: 'agency' });
    await takeStep(c, { to: 'forwarded', type: 'forwarded', actorRole: 'moderator', agency: SLUG });
    await takeStep(c, { to: 'submitted', type: 'returned', actorRole: 'system', agency: SLUG });
    const { latest, returners } = await latestReturns(createDb(env.DB), [c.id]);
    expect([...(returners.get(c.id) ?? [])]).toEqual([await agencyIdOf('pdam-giri-menang')]);
    expect(latest.get(c.id)).toMatchObject({ agency: { slug: SLUG }, agencyInactive: true });
  });

  it('stays where it is while the agency is on', async () => {
    const c = await complaintAt('in_progress', SLUG);
    const [note] = await takeStep(c, { to: 'in_progress', type: 'note', actorRole: 'agency', visibility: 'internal' });
    await env.EVENTS.send({ kind: 'event', eventId: note! });
    await vi.waitFor(async () => expect(await env.DB.prepare('SELECT delivered_at FROM events WHERE id = ?').bind(note).first('delivered_at')).not.toBeNull());
    expect(await stored(c.code)).toMatchObject({ status: 'in_progress', agencyId });
  });
});
