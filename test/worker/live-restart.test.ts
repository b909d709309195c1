// A live inbox restarted mid-stream (evicted with its sockets closed, aborted, or hibernated)
// while complaints keep coming: a client that reconnects and catches up over HTTP the way
// web/src/live/useLiveTopic.ts does ends with every event of its agency once, and no gap.
import { abortAllDurableObjects, evictDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { InboxEventsResponse, InboxResponse } from '../../worker/domain/api';
import type { LiveMessage, LiveTopic } from '../../worker/domain/live';
import { liveInbox } from '../../worker/live/topics';
import { newCitizen } from './citizen';
import { agencyIdOf } from './complaint-states';
import { call } from './helpers';
import { signIn } from './staff';

let moderator: string;
let pdam: string;
let topic: LiveTopic;

beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
  topic = `agency:${await agencyIdOf('pdam-giri-menang')}`;
});

const post = (path: string, cookie: string, body: unknown) =>
  call(path, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** A complaint filed by a citizen and forwarded to PDAM; resolves with its code. */
async function forwardNew(): Promise<string> {
  const { code } = await newCitizen().fileOk();
  const res = await post(`/api/complaints/${code}/forward`, moderator, { version: 1, agency: 'pdam-giri-menang', priority: 'normal' });
  expect(res.status).toBe(200);
  return code;
}

/**
 * The agency inbox's live client, by the contract of useLiveTopic: on each (re)connect it waits
 * for `ready`, then catches up (`/api/inbox/events?since=`) from the newest id the previous
 * catch-up read, never from a live one; live messages that come meanwhile are held; each event
 * applies once, live or by a catch-up.
 */
class InboxClient {
  /** Event ids in the order the user was shown them, by catch-up or live. */
  readonly applied: number[] = [];
  closed: Promise<void> = Promise.resolve();
  private socket: WebSocket | undefined;
  /** Ids above `caughtUpTo` already applied. */
  private readonly seen = new Set<number>();

  /** `caughtUpTo`: the cursor of the list first read, which covers everything up to it. */
  constructor(private caughtUpTo: number) {}

  async connect() {
    const res = await call(`/api/live?topic=${topic}`, { headers: { Upgrade: 'websocket', Cookie: pdam } });
    expect(res.status).toBe(101);
    const socket = res.webSocket!;
    this.socket = socket;
    let held: number[] | null = [];
    const ready = new Promise<void>((resolve) => {
      socket.addEventListener('message', (e) => {
        const m = JSON.parse(e.data as string) as LiveMessage;
        if (m.type === 'ready') resolve();
        else if (held) held.push(m.eventId);
        else this.apply(m.eventId);
      });
    });
    this.closed = new Promise((resolve) => socket.addEventListener('close', () => resolve()));
    socket.accept();
    await ready;
    const caught = await (await call(`/api/inbox/events?since=${this.caughtUpTo}`, { headers: { Cookie: pdam } })).json<InboxEventsResponse>();
    for (const e of caught.events) this.apply(e.eventId);
    this.caughtUpTo = Math.max(this.caughtUpTo, caught.lastEventId);
    for (const id of this.seen) if (id <= this.caughtUpTo) this.seen.delete(id);
    const waiting = held;
    held = null;
    waiting.forEach((id) => this.apply(id));
  }

  private apply(eventId: number) {
    if (eventId <= this.caughtUpTo || this.seen.has(eventId)) return; // a catch-up had it, or it came before
    this.seen.add(eventId);
    this.applied.push(eventId);
  }

  close() {
    this.socket?.close();
  }
}

/** Where the inbox starts: the cursor its first list read gives. */
async function startCursor() {
  return (await (await call('/api/inbox', { headers: { Cookie: pdam } })).json<InboxResponse>()).lastEventId;
}

/** The truth in D1 once the queue is done: PDAM's events since `start`, and those naming PDAM. */
async function truth(start: number) {
  await vi.waitFor(async () => expect((await env.DB.prepare('SELECT count(*) AS n FROM events WHERE delivered_at IS NULL').first<{ n: number }>())!.n).toBe(0), {
    timeout: 10_000,
    interval: 50,
  });
  const all = await (await call(`/api/inbox/events?since=${start}`, { headers: { Cookie: pdam } })).json<InboxEventsResponse>();
  const { results } = await env.DB.prepare('SELECT id FROM events WHERE agency_id = ? AND id > ? ORDER BY id').bind(Number(topic.slice(7)), start).all<{ id: number }>();
  return { concerning: all.events.map((e) => e.eventId), naming: results.map((r) => r.id) };
}

async function expectNoGap(client: InboxClient, start: number) {
  const { concerning, naming } = await truth(start);
  expect(naming.length).toBeGreaterThan(0);
  // Live messages may still be on their way when the queue has confirmed the last event.
  await vi.waitFor(() => expect(client.applied).toEqual(expect.arrayContaining(naming)), { timeout: 5_000, interval: 50 });
  expect(new Set(client.applied).size, `shown twice: ${client.applied}`).toBe(client.applied.length);
  expect(concerning).toEqual(expect.arrayContaining(client.applied));
}

describe('a live inbox restarted mid-stream', () => {
  it('evicted with its sockets closed: the client reconnects, catches up, and misses nothing', async () => {
    const start = await startCursor();
    const client = new InboxClient(start);
    await client.connect();
    const before = await Promise.all([forwardNew(), forwardNew()]);
    // Evicted while the queue is still publishing those forwards and another is being made.
    const during = forwardNew();
    await evictDurableObject(liveInbox(env, topic), { webSockets: 'close' });
    await client.closed;
    const whileAway = [await during, await forwardNew()];
    await client.connect();
    const after = await forwardNew();
    const view = await (await call(`/api/complaints/${before[0]}`, { headers: { Cookie: pdam } })).json<{ version: number }>();
    expect((await post(`/api/complaints/${before[0]}/acknowledge`, pdam, { version: view.version })).status).toBe(200);
    expect([...before, ...whileAway, after]).toHaveLength(5);
    await expectNoGap(client, start);
    client.close();
  });

  it('aborted (a crash): the client reconnects, catches up, and misses nothing', async () => {
    const start = await startCursor();
    const client = new InboxClient(start);
    await client.connect();
    await forwardNew();
    const during = forwardNew();
    await abortAllDurableObjects();
    await Promise.race([client.closed, new Promise((r) => setTimeout(r, 1000))]);
    // Whether or not the socket noticed, a client that reconnects (the browser's socket errors) catches up.
    client.close();
    await during;
    await forwardNew();
    await client.connect();
    await forwardNew();
    await expectNoGap(client, start);
    client.close();
  });

  it('evicted with its sockets hibernated: the same socket goes on hearing every event', async () => {
    const start = await startCursor();
    const client = new InboxClient(start);
    await client.connect();
    await forwardNew();
    const during = forwardNew();
    await evictDurableObject(liveInbox(env, topic), { webSockets: 'hibernate' });
    await during;
    await forwardNew();
    await expectNoGap(client, start);
    client.close();
  });
});
