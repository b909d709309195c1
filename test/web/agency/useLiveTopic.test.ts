// The live layer on its own: catch-up first, held messages after, duplicates dropped, pings,
// backoff, and nothing left running once its owner is gone.
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

function start(catchUp: (since: number | null) => Promise<number>) {
  const seen: number[] = [];
  const [topic] = createSignal<LiveTopic | null>('agency:7');
  return createRoot((dispose) => {
    const live = useLiveTopic({ topic, onCatchUp: catchUp, onMessage: (m) => seen.push(m.eventId) });
    return { live, seen, dispose };
  });
}

describe('useLiveTopic', () => {
  it('catches up first, then applies what came meanwhile, dropping what the catch-up covered', async () => {
    let finish!: (newest: number) => void;
    const catchUp = vi.fn((_since: number | null) => new Promise<number>((resolve) => (finish = resolve)));
    const { live, seen, dispose } = start(catchUp);
    expect(live.state()).toBe('connecting');
    FakeWebSocket.last.ready();
    expect(catchUp).toHaveBeenCalledWith(null);
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

  it('pings every 30 seconds, reconnects with backoff and catches up from the last id', async () => {
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
    expect(catchUp).toHaveBeenLastCalledWith(7);
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
