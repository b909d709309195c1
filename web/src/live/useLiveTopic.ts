// One live topic over a WebSocket (DESIGN.md, "Shape": D1 is the truth, the socket only says
// that something happened). On every (re)connect the caller first catches up over HTTP, then
// live messages apply on top, each once. The catch-up cursor moves only with what catch-ups
// read (their high-water mark), never with a live event: ids are committed in order, so a
// read up to its newest id is complete, but live messages come out of order (a retried
// delivery after newer ones, perhaps to a socket gone since), and a cursor moved by a newer
// live id would skip the late one for good. So a catch-up re-reads from the previous one's
// mark and may meet events already applied live: the caller shows only those `firstSight(id)`
// allows. Live ids above the mark are kept until a catch-up covers them. A dropped socket
// reconnects by itself with backoff. No router hooks here: the tracking page and the desk
// reuse it.
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { LIVE_CLOSE, type LiveMessage, type LiveTopic } from '../../../worker/domain/live';

/** `ended`: the server said this topic is no longer the caller's to follow (see `LIVE_CLOSE.movedAway`). */
export type LiveState = 'connecting' | 'live' | 'offline' | 'ended';
export type LiveEvent = Extract<LiveMessage, { type: 'event' }>;

export interface LiveTopicOptions {
  /** The topic to follow; null follows nothing (yet). A new topic starts afresh. */
  topic: Accessor<LiveTopic | null>;
  /**
   * Re-reads what happened after `since` (null: nothing read yet, load everything) and
   * resolves with the newest event id it read: every event up to it must be in what it read.
   * What it read may include events already applied live: `firstSight(id)` is true only the
   * first time an event id is shown, live or by a catch-up, so whatever is announced per event
   * is announced once. A rejection drops the socket and retries.
   */
  onCatchUp: (since: number | null, firstSight: (eventId: number) => boolean) => Promise<number>;
  /** A live event not covered by a catch-up, in the order they came. */
  onMessage: (message: LiveEvent) => void;
  /**
   * WebSocket subprotocols, read at each (re)connect: a browser cannot set headers on a
   * socket, so a reporter's tracking token rides here (`['ntbcare', 'token.' + token]`).
   */
  protocols?: () => string[] | undefined;
  /**
   * Staff pages: asked when the server closes the socket because the staff session behind it
   * ended (a sign-out, a disabled account, a new password, an expiry). Resolves true when this
   * browser's session is still good (sockets go by person: the same person signed out on
   * another device), and the socket reconnects at once; false stops following (the caller has
   * shown the sign-in).
   */
  sessionStillValid?: () => Promise<boolean>;
}

export interface LiveTopicHandle {
  state: Accessor<LiveState>;
  /** The newest event id applied, live or by a catch-up; null before the first catch-up. */
  lastEventId: () => number | null;
}

/** Keeps the socket (and any proxy on the way) from idling out. */
export const PING_INTERVAL_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s… at most 30 s, each ±20 % so that many clients do not return at once. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt);
  return Math.round(Math.min(MAX_BACKOFF_MS, base * (0.8 + random() * 0.4)));
}

export const liveUrl = (topic: LiveTopic) =>
  `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/live?topic=${topic}`;

function parse(data: unknown): LiveMessage | null {
  if (typeof data !== 'string' || data === 'pong') return null;
  try {
    const message = JSON.parse(data) as LiveMessage;
    return message && (message.type === 'ready' || message.type === 'event') ? message : null;
  } catch {
    return null;
  }
}

export function useLiveTopic(options: LiveTopicOptions): LiveTopicHandle {
  const [state, setState] = createSignal<LiveState>('connecting');
  /** The newest id the catch-ups read, all of it: where the next one starts. */
  let caughtUpTo: number | null = null;
  /** Ids above `caughtUpTo` already shown, live or by a catch-up: each is shown once. */
  const applied = new Set<number>();
  let newest: number | null = null;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  /** Each connection takes a new number; callbacks of an older one do nothing. */
  let generation = 0;
  let disposed = false;

  function stop() {
    generation++;
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    retryTimer = pingTimer = undefined;
    const old = socket;
    socket = null;
    if (old && old.readyState <= 1) old.close();
  }

  function retry() {
    stop();
    if (disposed || !options.topic()) return;
    setState('offline');
    retryTimer = setTimeout(connect, backoffMs(attempt++));
  }

  function apply(message: LiveEvent) {
    if (caughtUpTo !== null && message.eventId <= caughtUpTo) return; // the catch-up had it
    if (applied.has(message.eventId)) return; // delivered twice
    applied.add(message.eventId);
    if (newest === null || message.eventId > newest) newest = message.eventId;
    options.onMessage(message);
  }

  function connect() {
    stop();
    const topic = options.topic();
    if (disposed || !topic) return;
    const mine = generation;
    setState('connecting');
    let ws: WebSocket;
    try {
      const protocols = options.protocols?.();
      ws = protocols?.length ? new globalThis.WebSocket(liveUrl(topic), protocols) : new globalThis.WebSocket(liveUrl(topic));
    } catch {
      retry();
      return;
    }
    socket = ws;
    /** Messages that came while catching up; null once caught up (then they apply at once). */
    let held: LiveEvent[] | null = [];

    ws.addEventListener('message', (event) => {
      if (mine !== generation) return;
      const message = parse(event.data);
      if (!message) return;
      if (message.type === 'event') {
        if (held) held.push(message);
        else apply(message);
        return;
      }
      // Subscribed: whatever happens from now on comes live, so the gap is what D1 holds.
      // A catch-up whose connection is gone shows nothing: the next one reads the same span.
      const firstSight = (id: number) => {
        if (mine !== generation || (caughtUpTo !== null && id <= caughtUpTo) || applied.has(id)) return false;
        applied.add(id);
        return true;
      };
      options.onCatchUp(caughtUpTo, firstSight).then(
        (readUpTo) => {
          if (mine !== generation) return;
          if (caughtUpTo === null || readUpTo > caughtUpTo) caughtUpTo = readUpTo;
          if (newest === null || caughtUpTo > newest) newest = caughtUpTo;
          for (const id of applied) if (id <= caughtUpTo) applied.delete(id);
          const waiting = held ?? [];
          held = null;
          attempt = 0;
          setState('live');
          waiting.forEach(apply);
        },
        () => mine === generation && retry(),
      );
    });
    ws.addEventListener('close', (event) => {
      if (mine !== generation) return;
      if (event.code === LIVE_CLOSE.sessionEnded) return askSession('ended');
      if (event.code === LIVE_CLOSE.movedAway) {
        stop();
        return setState('ended');
      }
      if (held !== null) return askSession('refused');
      retry();
    });
    // A socket that never got as far as `ready` was perhaps refused for a session that ended
    // while no socket was open (a laptop asleep overnight): the browser only says 1006.
    ws.addEventListener('error', () => mine === generation && (held !== null ? askSession('refused') : retry()));
    pingTimer = setInterval(() => {
      if (ws.readyState === 1) ws.send('ping');
    }, PING_INTERVAL_MS);
  }

  /**
   * Staff pages: whether to go on at all, rather than retry forever a socket that would only be
   * refused. The session ended (4001): reconnect at once if this tab's still holds. Refused
   * before `ready`: the server may be down as well, so a good session retries with backoff.
   */
  function askSession(why: 'ended' | 'refused') {
    const ask = options.sessionStillValid;
    if (!ask) return retry();
    stop();
    setState('offline');
    const asked = generation;
    ask().then(
      (valid) => {
        if (!valid || disposed || asked !== generation) return;
        if (why === 'refused') return retry();
        attempt = 0;
        connect();
      },
      () => asked === generation && retry(),
    );
  }

  /** Back online: no point waiting out the backoff. */
  const onOnline = () => {
    if (state() === 'offline') {
      attempt = 0;
      connect();
    }
  };
  window.addEventListener('online', onOnline);

  createEffect(
    on(options.topic, () => {
      newest = caughtUpTo = null;
      applied.clear();
      attempt = 0;
      connect();
    }),
  );

  onCleanup(() => {
    disposed = true;
    window.removeEventListener('online', onOnline);
    stop();
  });

  return { state, lastEventId: () => newest };
}
