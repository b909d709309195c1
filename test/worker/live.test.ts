// The live layer end to end in workerd: who may open which topic, and a staff action
// reaching the right sockets through the queue consumer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../worker/auth/tokens';
import type { LiveMessage } from '../../worker/domain/live';
import { newCitizen } from './citizen';
import { eventsDelivered } from './event-log';
import { call, expectError } from './helpers';
import { signIn } from './staff';

let moderator: string;
let pdam: string;
let pupr: string;
let pdamAgencyId: number;

beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
  pupr = (await signIn('agency', 'dinas-pupr-ntb')).cookie;
  const me = await (await call('/api/auth/me', { headers: { Cookie: pdam } })).json<{ user: { agencyId: number } }>();
  pdamAgencyId = me.user.agencyId;
});

function open(topic: string, headers: Record<string, string> = {}) {
  return call(`/api/live?topic=${encodeURIComponent(topic)}`, { headers: { Upgrade: 'websocket', ...headers } });
}

async function listen(topic: string, headers: Record<string, string> = {}) {
  const res = await open(topic, headers);
  expect(res.status, topic).toBe(101);
  const socket = res.webSocket!;
  const messages: LiveMessage[] = [];
  socket.addEventListener('message', (e) => {
    messages.push(JSON.parse(e.data as string) as LiveMessage);
  });
  socket.accept();
  return { socket, messages };
}

describe('GET /api/live: who may listen', () => {
  it('lets each role open only its topics, and answers 404 otherwise', async () => {
    const { code } = await newCitizen().fileOk();
    const secret = await newCitizen().fileOk({ confidential: true });
    const cases: [string, Record<string, string>, number][] = [
      ['moderation', { Cookie: moderator }, 101],
      ['moderation', { Cookie: pdam }, 404],
      ['moderation', {}, 404],
      [`agency:${pdamAgencyId}`, { Cookie: pdam }, 101],
      [`agency:${pdamAgencyId}`, { Cookie: moderator }, 101],
      [`agency:${pdamAgencyId}`, { Cookie: pupr }, 404],
      [`agency:${pdamAgencyId}`, {}, 404],
      [`complaint:${code}`, {}, 101],
      [`complaint:${secret.code}`, {}, 404],
      [`complaint:${secret.code}`, { 'Sec-WebSocket-Protocol': `ntbcare, token.${secret.trackingToken}` }, 101],
      [`complaint:${secret.code}`, { Cookie: moderator }, 101],
      [`complaint:${secret.code}`, { Cookie: pupr }, 404],
      ['complaint:NTB-00000000', {}, 404],
      ['everything', { Cookie: moderator }, 404],
    ];
    for (const [topic, headers, status] of cases) {
      const res = await open(topic, headers);
      expect(res.status, `${topic} ${JSON.stringify(headers)}`).toBe(status);
      if (status === 101) {
        res.webSocket!.accept();
        res.webSocket!.close();
      }
    }
  });

  it('refuses a plain request and a cross-site socket', async () => {
    await expectError(await call('/api/live?topic=moderation', { headers: { Cookie: moderator } }), 400, 'validation_failed');
    await expectError(await open('moderation', { Cookie: moderator, Origin: 'https://evil.example' }), 403, 'forbidden');
  });
});

describe('live fan-out through the queue', () => {
  it('a forward reaches the agency, the moderators and the complaint page, and no other agency', async () => {
    const { code } = await newCitizen().fileOk();
    const agency = await listen(`agency:${pdamAgencyId}`, { Cookie: pdam });
    const other = await listen(`agency:${pdamAgencyId + 1}`, { Cookie: moderator });
    const desk = await listen('moderation', { Cookie: moderator });
    const page = await listen(`complaint:${code}`);

    const res = await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'urgent', note: 'Catatan rahasia untuk PDAM' }),
    });
    expect(res.status).toBe(200);

    const forwarded = (m: LiveMessage) => m.type === 'event' && m.complaintCode === code && m.eventType === 'forwarded';
    await vi.waitFor(() => {
      expect(agency.messages.filter(forwarded)).toHaveLength(1);
      expect(desk.messages.filter(forwarded)).toHaveLength(1);
      expect(page.messages.filter(forwarded)).toHaveLength(1);
    }, { timeout: 10_000, interval: 50 });
    expect(agency.messages.find(forwarded)).toMatchObject({ status: 'forwarded', version: 2, topic: `agency:${pdamAgencyId}` });
    // The internal note goes to staff topics only, and its words to none.
    await vi.waitFor(() => expect(agency.messages.some((m) => m.type === 'event' && m.eventType === 'note')).toBe(true), { timeout: 10_000 });
    expect(page.messages.some((m) => m.type === 'event' && m.eventType === 'note')).toBe(false);
    for (const socket of [agency, desk, page, other]) expect(JSON.stringify(socket.messages)).not.toContain('rahasia');
    expect(other.messages.filter((m) => m.type === 'event' && m.complaintCode === code)).toEqual([]);
  });

  it('lets an agency catch up from D1 with a cursor: nothing missed, nothing twice', async () => {
    const before = await (await call('/api/inbox', { headers: { Cookie: pdam } })).json<{ lastEventId: number }>();
    const { code } = await newCitizen().fileOk();
    await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'normal' }),
    });
    const caught = await (await call(`/api/inbox/events?since=${before.lastEventId}`, { headers: { Cookie: pdam } })).json<{
      events: { eventId: number; eventType: string; complaintCode: string }[];
      lastEventId: number;
    }>();
    // The complaint is the agency's now: its whole story since the cursor, in order.
    expect(caught.events.filter((e) => e.complaintCode === code).map((e) => e.eventType)).toEqual(['submitted', 'forwarded']);
    const again = await (await call(`/api/inbox/events?since=${caught.lastEventId}`, { headers: { Cookie: pdam } })).json<{ events: unknown[] }>();
    expect(again.events).toEqual([]);
  });

  it('a forward to another agency reaches the agency that held it, live and by catch-up, so it leaves its inbox', async () => {
    const { code } = await newCitizen().fileOk();
    const forward = (version: number, agency: string) =>
      call(`/api/complaints/${code}/forward`, {
        method: 'POST',
        headers: { Cookie: moderator, 'Content-Type': 'application/json' },
        body: JSON.stringify({ version, agency, priority: 'normal' }),
      });
    expect((await forward(1, 'pdam-giri-menang')).status).toBe(200);
    const before = await (await call('/api/inbox', { headers: { Cookie: pdam } })).json<{ lastEventId: number; items: { code: string }[] }>();
    expect(before.items.map((i) => i.code)).toContain(code);
    const agency = await listen(`agency:${pdamAgencyId}`, { Cookie: pdam });

    expect((await forward(2, 'dinas-pupr-ntb')).status).toBe(200);
    // A client that was offline learns it from D1: the forward away, as one it no longer holds.
    const caught = await (await call(`/api/inbox/events?since=${before.lastEventId}`, { headers: { Cookie: pdam } })).json<{
      events: { eventId: number; eventType: string; complaintCode: string; heldHere: boolean }[];
    }>();
    const away = caught.events.filter((e) => e.complaintCode === code);
    expect(away.map((e) => [e.eventType, e.heldHere])).toEqual([['forwarded', false]]);
    // Live too, told as a forward it no longer holds: not an arrival to announce. (The first
    // forward's own message may come late, after this socket opened: it is the other id.)
    const movedAway = (m: LiveMessage) => m.type === 'event' && m.eventId === away[0]!.eventId;
    await vi.waitFor(() => expect(agency.messages.filter(movedAway)).toHaveLength(1), { timeout: 10_000, interval: 50 });
    expect(agency.messages.filter(movedAway).map((m) => m.type === 'event' && m.heldHere)).toEqual([false]);
    // The agency it went to holds it.
    const pupr = (await signIn('agency', 'dinas-pupr-ntb')).cookie;
    const theirs = await (await call(`/api/inbox/events?since=${before.lastEventId}`, { headers: { Cookie: pupr } })).json<{
      events: { eventType: string; complaintCode: string; heldHere: boolean }[];
    }>();
    expect(theirs.events.filter((e) => e.complaintCode === code).map((e) => [e.eventType, e.heldHere])).toEqual([['forwarded', true]]);
    const after = await (await call('/api/inbox', { headers: { Cookie: pdam } })).json<{ items: { code: string }[] }>();
    expect(after.items.map((i) => i.code)).not.toContain(code);
    agency.socket.close();
  });
});

describe('a complaint page an agency follows', () => {
  const forward = (code: string, version: number, agency: string) =>
    call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version, agency, priority: 'normal' }),
    });
  const movedOn = (code: string) => (m: LiveMessage) => m.type === 'event' && m.complaintCode === code && m.eventType === 'forwarded';

  it('closes the agency’s socket on a confidential one when it is forwarded to another agency, and tells it nothing after', async () => {
    const { code } = await newCitizen().fileOk({ confidential: true });
    expect((await forward(code, 1, 'pdam-giri-menang')).status).toBe(200);
    // Told already: a socket opened now hears only what follows.
    await eventsDelivered(code);
    const agency = await listen(`complaint:${code}`, { Cookie: pdam });
    const desk = await listen(`complaint:${code}`, { Cookie: moderator });
    const closed = new Promise<number>((resolve) => agency.socket.addEventListener('close', (e) => resolve(e.code)));
    // While it holds the complaint it hears what happens to it, and stays.
    const acknowledged = await call(`/api/complaints/${code}/acknowledge`, {
      method: 'POST',
      headers: { Cookie: pdam, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 2 }),
    });
    expect(acknowledged.status).toBe(200);
    await vi.waitFor(() => expect(agency.messages.filter((m) => m.type === 'event' && m.eventType === 'acknowledged')).toHaveLength(1));
    expect((await forward(code, 3, 'dinas-pupr-ntb')).status).toBe(200);
    expect(await closed).toBe(4003);
    await vi.waitFor(() => expect(desk.messages.filter(movedOn(code))).toHaveLength(1));
    expect(agency.messages.filter(movedOn(code))).toEqual([]);
    // Nor can it listen again; the agency now holding it can.
    expect((await open(`complaint:${code}`, { Cookie: pdam })).status).toBe(404);
    expect((await open(`complaint:${code}`, { Cookie: pupr })).status).toBe(101);
    desk.socket.close();
  });

  it('closes it too when the agency returns a confidential one to the moderators, and tells its reporter nothing of the return', async () => {
    const { code, trackingToken } = await newCitizen().fileOk({ confidential: true });
    expect((await forward(code, 1, 'pdam-giri-menang')).status).toBe(200);
    await eventsDelivered(code);
    const agency = await listen(`complaint:${code}`, { Cookie: pdam });
    const reporter = await listen(`complaint:${code}`, { 'Sec-WebSocket-Protocol': `ntbcare, token.${trackingToken}` });
    const closed = new Promise<number>((resolve) => agency.socket.addEventListener('close', (e) => resolve(e.code)));
    let reporterClosed = false;
    reporter.socket.addEventListener('close', () => {
      reporterClosed = true;
    });
    const returned = await call(`/api/complaints/${code}/return`, {
      method: 'POST',
      headers: { Cookie: pdam, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 2, reason: 'Bukan wewenang kami' }),
    });
    expect(returned.status).toBe(200);
    expect(await closed).toBe(4003);
    expect((await open(`complaint:${code}`, { Cookie: pdam })).status).toBe(404);
    // The return is internal: the page hears nothing of it, and hears the next forward.
    expect((await forward(code, 3, 'dinas-pupr-ntb')).status).toBe(200);
    await vi.waitFor(() => expect(reporter.messages.filter(movedOn(code))).toHaveLength(1));
    const told = [...agency.messages, ...reporter.messages].filter((m) => m.type === 'event');
    expect(told.map((m) => m.type === 'event' && m.eventType)).toEqual(['forwarded']);
    expect(reporter.messages.find(movedOn(code))).not.toHaveProperty('heldBy');
    expect(reporterClosed).toBe(false);
    reporter.socket.close();
  });

  it('keeps it open on a public one, which anyone may follow', async () => {
    const { code } = await newCitizen().fileOk();
    expect((await forward(code, 1, 'pdam-giri-menang')).status).toBe(200);
    // Told already: a socket opened now hears only what follows.
    await eventsDelivered(code);
    const agency = await listen(`complaint:${code}`, { Cookie: pdam });
    expect((await forward(code, 2, 'dinas-pupr-ntb')).status).toBe(200);
    await vi.waitFor(() => expect(agency.messages.filter(movedOn(code))).toHaveLength(1));
    expect(agency.messages.find(movedOn(code))).not.toHaveProperty('heldBy');
    agency.socket.close();
  });
});

describe('sockets of an ended session', () => {
  it('closes an agency member’s socket when an admin disables the account', async () => {
    const { cookie, username } = await signIn('agency', 'pdam-giri-menang');
    const { socket } = await listen(`agency:${pdamAgencyId}`, { Cookie: cookie });
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
    const admin = (await signIn('admin')).cookie;
    const res = await call(`/api/admin/users/${username}/disable`, { method: 'POST', headers: { Cookie: admin } });
    expect(res.status).toBe(200);
    expect(await closed).toBe(4001);
    // And it cannot come back.
    expect((await open(`agency:${pdamAgencyId}`, { Cookie: cookie })).status).toBe(404);
  });
});

describe('a session that expires while its socket is open', () => {
  it('is closed at the next message instead of being told it', async () => {
    const { cookie, username } = await signIn('agency', 'pdam-giri-menang');
    const { socket, messages } = await listen(`agency:${pdamAgencyId}`, { Cookie: cookie });
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (e) => resolve(e.code)));
    const { env } = await import('cloudflare:workers');
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE username = ?)').bind(Date.now() - 1000, username).run();

    const { code } = await newCitizen().fileOk();
    await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'normal' }),
    });
    expect(await closed).toBe(4001);
    expect(messages.filter((m) => m.type === 'event' && m.complaintCode === code)).toEqual([]);
  });
});

describe('a topic with many signed-in listeners', () => {
  it('tells every live session, beyond any query-parameter limit, and closes none of them', async () => {
    // 100 sessions of one agency member (devices, tabs, colleagues alike for the object).
    const { cookie } = await signIn('agency', 'pdam-giri-menang');
    const name = cookie.split('=')[0]!;
    const { env } = await import('cloudflare:workers');
    const now = Date.now();
    const tokens = Array.from({ length: 100 }, () => crypto.randomUUID().replaceAll('-', ''));
    for (const token of tokens) {
      await env.DB.prepare(
        `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
         SELECT ?, user_id, ?, ?, ? FROM sessions WHERE token_hash = ?`,
      )
        .bind(await sha256Hex(token), now, now, now + 3_600_000, await sha256Hex(cookie.slice(name.length + 1)))
        .run();
    }
    const listeners = await Promise.all(tokens.map((token) => listen(`agency:${pdamAgencyId}`, { Cookie: `${name}=${token}` })));
    const closed: number[] = [];
    for (const l of listeners) {
      l.socket.addEventListener('close', (e) => {
        closed.push(e.code);
      });
    }

    const { code } = await newCitizen().fileOk();
    await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'normal' }),
    });
    const told = (l: (typeof listeners)[number]) => l.messages.some((m) => m.type === 'event' && m.complaintCode === code);
    await vi.waitFor(() => expect(listeners.filter(told)).toHaveLength(100), { timeout: 10_000, interval: 50 });
    expect(closed).toEqual([]);
    for (const l of listeners) l.socket.close();
  });
});
