// The live client through a restart of its inbox mid-stream, against a small server that keeps
// the topic's events: whatever the socket drops, holds or brings twice or late, what the page
// is shown (caught up or live) is every event once.
import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveTopic } from '../../worker/domain/live';
import { useLiveTopic, type LiveEvent } from '../../web/src/live/useLiveTopic';
import { FakeWebSocket } from './fake-websocket';

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const event = (eventId: number): LiveEvent => ({
  type: 'event',
  topic: 'agency:7',
  eventId,
  eventType: 'forwarded',
  complaintCode: 'NTB-00000001',
  status: 'forwarded',
  version: 2,
});

/** D1 as the catch-up reads it, and what the page was shown. */
function start(committed: number[]) {
  const shown: number[] = [];
  let pending: (() => void) | null = null;
  /** Holds the next catch-up until `finishCatchUp()`, as a slow network would. */
  let slow = false;
  const catchUp = async (since: number | null) => {
    if (slow) await new Promise<void>((resolve) => (pending = resolve));
    const events = committed.filter((id) => since !== null && id > since);
    shown.push(...events);
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
    const server = start([1, 2, 3]);
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
    const server = start([1]);
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
});
