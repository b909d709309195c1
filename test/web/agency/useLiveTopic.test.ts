// The live layer on its own: catch-up first, held messages after, duplicates dropped, pings,
// backoff, nothing left running once its owner is gone, and no gap through an inbox restart.
import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveTopic } from '../../../worker/domain/live';
import { backoffMs, useLiveTopic, type LiveEvent } from '../../../web/src/live/useLiveTopic';
import { FakeWebSocket } from './fake-agency-api';

const event = (eventId: number): LiveEvent => ({
  type: 'event',
  topic: 'agency:7',
  eventId,
  eventType: 'response',
  complaintCode: 'NTB-00000001',
  status: 'in_progress',
  version: eventId,
});

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function start(catchUp: (since: number | null, firstSight: (id: number) => boolean) => Promise<number>) {
  const seen: number[] = [];
  const [topic] = createSignal<LiveTopic | null>('agency:7');
  return createRoot((dispose) => {
    const live = useLiveTopic({ topic, onCatchUp: catchUp, onMessage: (m) => seen.push(m.eventId) });
    return { live, seen, dispose };
  });
}

/** A staff page's topic: `sessionStillValid` answers whether this browser is still signed in. */
function startSignedIn(name: LiveTopic, sessionStillValid: () => Promise<boolean>) {
  const [topic] = createSignal<LiveTopic | null>(name);
  return createRoot((dispose) => ({
    live: useLiveTopic({ topic, onCatchUp: async () => 1, onMessage: () => {}, sessionStillValid }),
    dispose,
  }));
}

describe('useLiveTopic', () => {
  it('asks whether the session still holds when the server ends it (4001): stops if not, reconnects at once if so', async () => {
    const answers = [true, false];
    const asked = vi.fn(async () => answers.shift()!);
    const { live, dispose } = startSignedIn('agency:7', asked);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(live.state()).toBe('live'));

    // The same person signed out on another device: this browser is still signed in.
    FakeWebSocket.last.closedByServer(4001);
    await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
    expect(asked).toHaveBeenCalledTimes(1);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(live.state()).toBe('live'));

    // This session ended: no endless "reconnecting" against a server that will refuse.
    FakeWebSocket.last.closedByServer(4001);
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(2));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(live.state()).toBe('offline');
    dispose();
  });

  it('stops following a complaint forwarded away from the agency (4003): its reconnects would only be refused', async () => {
    const asked = vi.fn(async () => true);
    const { live, dispose } = startSignedIn('complaint:NTB-0000000A', asked);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(live.state()).toBe('live'));
    FakeWebSocket.last.closedByServer(4003);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(asked).not.toHaveBeenCalled();
    // Not "reconnecting": it has stopped, and says so.
    expect(live.state()).toBe('ended');
    dispose();
  });

  it('asks whether the session still holds when a socket is refused before it is ready: retries with backoff if so, stops if not', async () => {
    const answers = [true, false];
    const asked = vi.fn(async () => answers.shift()!);
    const { live, dispose } = startSignedIn('agency:7', asked);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(live.state()).toBe('live'));
    // A drop once live is the network or an object restart: no question asked.
    FakeWebSocket.last.drop();
    await vi.advanceTimersByTimeAsync(1_300);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(asked).not.toHaveBeenCalled();

    // Refused before `ready` (the session ended while no socket was open): still signed in, so
    // the server may just be down: retried with backoff, not at once.
    FakeWebSocket.last.refused();
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
    expect(FakeWebSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(FakeWebSocket.instances).toHaveLength(3);

    // Signed out: no endless "reconnecting".
    FakeWebSocket.last.refused();
    await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(2));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeWebSocket.instances).toHaveLength(3);
    expect(live.state()).toBe('offline');
    dispose();
  });

  it('catches up first, then applies what came meanwhile, dropping what the catch-up covered', async () => {
    let finish!: (newest: number) => void;
    const catchUp = vi.fn((_since: number | null) => new Promise<number>((resolve) => (finish = resolve)));
    const { live, seen, dispose } = start(catchUp);
    expect(live.state()).toBe('connecting');
    FakeWebSocket.last.ready();
    expect(catchUp).toHaveBeenCalledWith(null, expect.any(Function));
    FakeWebSocket.last.receive(event(11));
    FakeWebSocket.last.receive(event(12));
    expect(seen).toEqual([]); // held until caught up
    finish(11);
    await vi.waitFor(() => expect(live.state()).toBe('live'));
    expect(seen).toEqual([12]);
    FakeWebSocket.last.receive(event(12));
    FakeWebSocket.last.receive(event(13));
    expect(seen).toEqual([12, 13]);
    expect(live.lastEventId()).toBe(13);
    dispose();
  });

  it('pings every 30 seconds, reconnects with backoff and catches up from the last catch-up’s mark', async () => {
    const catchUp = vi.fn(async (since: number | null) => since ?? 5);
    const { live, dispose } = start(catchUp);
    const first = FakeWebSocket.last;
    first.ready();
    await vi.waitFor(() => expect(live.state()).toBe('live'));
    first.receive(event(7));
    vi.advanceTimersByTime(30_000);
    expect(first.sent).toEqual(['ping']);

    first.drop();
    expect(live.state()).toBe('offline');
    vi.advanceTimersByTime(700);
    expect(FakeWebSocket.instances).toHaveLength(1); // not before 0.8 s
    vi.advanceTimersByTime(600);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.last.ready();
    // From 5, what the first catch-up read, not from 7 that came live: an event older than 7
    // whose message is late would be skipped otherwise (see "through an inbox restart").
    expect(catchUp).toHaveBeenLastCalledWith(5, expect.any(Function));
    await vi.waitFor(() => expect(live.state()).toBe('live'));

    dispose();
    expect(FakeWebSocket.last.readyState).toBe(3);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('retries when the catch-up fails, and backs off up to 30 seconds', async () => {
    const catchUp = vi.fn(async () => {
      throw new Error('offline');
    });
    const { live, dispose } = start(catchUp);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(live.state()).toBe('offline'));
    expect(FakeWebSocket.instances[0]!.readyState).toBe(3);
    dispose();
    expect([0, 1, 2, 3, 10].map((n) => backoffMs(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 30000]);
    expect(backoffMs(10, () => 0)).toBe(24000);
    expect(backoffMs(0, () => 1)).toBe(1200);
  });
});

describe('useLiveTopic subprotocols', () => {
  it('offers none unless asked, and reads them afresh at each connect', async () => {
    const { dispose } = start(async () => 0);
    expect(FakeWebSocket.last.protocols).toBeUndefined();
    dispose();

    let token = 'token.aa';
    const [topic] = createSignal<LiveTopic | null>('complaint:NTB-7K3M9Q2X');
    const second = createRoot((done) => {
      useLiveTopic({ topic, onCatchUp: async () => 0, onMessage: () => {}, protocols: () => ['ntbcare', token] });
      return done;
    });
    expect(FakeWebSocket.last.protocols).toEqual(['ntbcare', 'token.aa']);
    token = 'token.bb';
    FakeWebSocket.last.drop();
    vi.advanceTimersByTime(1300);
    expect(FakeWebSocket.last.protocols).toEqual(['ntbcare', 'token.bb']);
    second();
  });
});

/** D1 as the catch-up reads it, and what the page was shown. */
function serve(committed: number[]) {
  const shown: number[] = [];
  let pending: (() => void) | null = null;
  /** Holds the next catch-up until `finishCatchUp()`, as a slow network would. */
  let slow = false;
  const catchUp = async (since: number | null, firstSight: (id: number) => boolean) => {
    if (slow) await new Promise<void>((resolve) => (pending = resolve));
    const events = committed.filter((id) => since !== null && id > since);
    shown.push(...events.filter(firstSight));
    return Math.max(since ?? 0, ...committed);
  };
  const [topic] = createSignal<LiveTopic | null>('agency:7');
  const dispose = createRoot((done) => {
    useLiveTopic({ topic, onCatchUp: catchUp, onMessage: (m) => shown.push(m.eventId) });
    return done;
  });
  return {
    shown,
    dispose,
    /** An event committed in D1 and, if the socket is there, published to it. */
    commit(id: number, publish = true) {
      committed.push(id);
      if (publish) FakeWebSocket.last.receive(event(id));
    },
    slowCatchUp: () => (slow = true),
    finishCatchUp: () => {
      slow = false;
      pending?.();
    },
  };
}

describe('useLiveTopic through an inbox restart', () => {
  it('shows every event once: live, missed while away, held while catching up', async () => {
    const server = serve([1, 2, 3]);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(server.shown).toEqual([])); // the first catch-up is the list itself
    server.commit(4);
    server.commit(5);
    // The object is evicted mid-stream: 6 is committed but its message dies with the socket.
    server.commit(6, false);
    FakeWebSocket.last.drop();
    server.commit(7, false);
    await vi.advanceTimersByTimeAsync(1300);
    expect(FakeWebSocket.instances).toHaveLength(2);
    server.slowCatchUp();
    FakeWebSocket.last.ready();
    // Published after the new socket subscribed, while the catch-up is still reading D1.
    server.commit(8);
    server.finishCatchUp();
    await vi.waitFor(() => expect(server.shown).toContain(8));
    server.commit(9);
    expect(server.shown).toEqual([4, 5, 6, 7, 8, 9]);
    server.dispose();
  });

  it('shows an event delivered late (a retried message) once, after newer ones', async () => {
    const server = serve([1]);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(server.shown).toEqual([]));
    server.commit(2, false); // its delivery failed; the queue retries it
    server.commit(3);
    FakeWebSocket.last.receive(event(2));
    FakeWebSocket.last.receive(event(3)); // and a duplicate
    server.commit(4);
    expect(server.shown).toEqual([3, 2, 4]);
    server.dispose();
  });

  it('shows an event whose message is late past a reconnect, newer ones seen live, once', async () => {
    const server = serve([1]);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(server.shown).toEqual([]));
    server.commit(2, false); // its message is on its way to this socket...
    server.commit(3);
    FakeWebSocket.last.drop(); // ...which is gone before it comes: 2 never comes live
    await vi.advanceTimersByTimeAsync(1300);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(server.shown).toEqual([3, 2]));
    // A retry that does reach the new socket, and 3 again: neither is shown twice.
    FakeWebSocket.last.receive(event(2));
    FakeWebSocket.last.receive(event(3));
    server.commit(4);
    expect(server.shown).toEqual([3, 2, 4]);
    server.dispose();
  });

  it('shows nothing from a catch-up whose socket dropped meanwhile; the next one shows it', async () => {
    const server = serve([1]);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(server.shown).toEqual([]));
    FakeWebSocket.last.drop();
    server.commit(2, false);
    await vi.advanceTimersByTimeAsync(1300);
    server.slowCatchUp();
    FakeWebSocket.last.ready();
    FakeWebSocket.last.drop(); // while that catch-up still reads
    server.finishCatchUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(2500);
    FakeWebSocket.last.ready();
    await vi.waitFor(() => expect(server.shown).toEqual([2]));
    server.dispose();
  });
});
