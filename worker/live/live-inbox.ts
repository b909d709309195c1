// One LiveInbox per topic holds that topic's open sockets, and the ids of the events it has
// told them (so that a redelivered event reaches no one twice); nothing else: D1 stays the
// truth, so a restarted object loses no data, only connections that clients re-open.
// Sockets use the Hibernation API, so an idle inbox costs nothing.
import { DurableObject } from 'cloudflare:workers';
import { isLiveTopic, LIVE_CLOSE, type LiveMessage, type LiveTopic, type PublishedMessage } from '../domain/live';
import { SESSION_IDLE_MS } from '../auth/session';
import { createDb } from '../db/client';
import { liveSessionHashes } from '../db/staff';

/** What the Worker, having authorised the caller, tells the object about the socket. */
export interface SubscriberInfo {
  topic: LiveTopic;
  /** `staff:<user id>`, `reporter` or `public`: who is listening, for audits and closing. */
  subscriber: string;
  connectedAt: number;
  /** A staff socket's session (hashed), checked before every message it is sent. */
  sessionHash?: string;
  /**
   * On a confidential complaint's topic, an agency's member may listen only while their
   * agency holds it: the socket is closed at the first event after which another does.
   */
  whileHeldBy?: number;
}

export const SUBSCRIBER_HEADER = 'X-Live-Subscriber';

/**
 * How long an inbox remembers the events it has told its sockets. The queue delivers at least
 * once (a retry after a failed confirmation, the outbox sweep, a replayed dead letter), so the
 * same event may be published again: within this time it reaches nobody twice.
 */
export const TOLD_RETENTION_MS = 24 * 60 * 60 * 1000;

export class LiveInbox extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS told (event_id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    ctx.storage.sql.exec('CREATE INDEX IF NOT EXISTS told_at ON told (at)');
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const info = parseSubscriber(request.headers.get(SUBSCRIBER_HEADER));
    if (!info) return new Response('Missing subscriber', { status: 400 });

    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [info.subscriber]);
    server.serializeAttachment(info);
    const ready: LiveMessage = { type: 'ready', topic: info.topic };
    server.send(JSON.stringify(ready));
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * Sends a message to every socket of this topic; returns how many it reached. An event
   * told before reaches nobody again. A staff socket whose session has ended (signed out,
   * expired, idle, account disabled) is closed instead of being told anything more.
   */
  async publish(message: PublishedMessage): Promise<number> {
    return this.publishAll([message]);
  }

  /**
   * Tells the sockets several messages in order (the queue consumer sends a batch's events
   * for this topic in one call); returns how many sends reached a socket.
   */
  async publishAll(messages: PublishedMessage[]): Promise<number> {
    const sockets = this.ctx.getWebSockets().map((socket) => ({ socket, info: socket.deserializeAttachment() as SubscriberInfo | null }));
    const hashes = [...new Set(sockets.map(({ info }) => info?.sessionHash).filter((h): h is string => !!h))];
    // Read before anything is marked as told: if it fails, a retry tells them all.
    const live = await liveSessionHashes(createDb(this.env.DB), hashes, Date.now(), SESSION_IDLE_MS);
    const now = Date.now();
    this.ctx.storage.sql.exec('DELETE FROM told WHERE at < ?', now - TOLD_RETENTION_MS);
    const fresh = messages.filter((m) => m.type !== 'event' || this.firstTelling(m.eventId, now));
    if (fresh.length === 0) return 0;
    const texts = fresh.map((m) => ('silent' in m && m.silent ? undefined : JSON.stringify(sent(m))));
    const holders = fresh.map((m) => ('heldBy' in m ? m.heldBy : undefined));
    const lastHolder = holders.findLast((h) => h !== undefined);
    let reached = 0;
    for (const { socket, info } of sockets) {
      // Closed by an earlier call and not yet answered by its client: nothing more to it.
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (info?.sessionHash && !live.has(info.sessionHash)) {
        closeQuietly(socket, LIVE_CLOSE.sessionEnded, 'session ended');
        continue;
      }
      const heldBy = info?.whileHeldBy;
      // Told up to the event that took the complaint from its agency, then closed.
      const until = heldBy === undefined ? -1 : holders.findIndex((h) => h !== undefined && h !== heldBy);
      for (const text of until === -1 ? texts : texts.slice(0, until)) {
        if (text === undefined) continue;
        try {
          socket.send(text);
          reached++;
        } catch {
          // A socket closing under us: the client reconnects and catches up from D1.
          break;
        }
      }
      if (until === -1) continue;
      // Reconnecting, it is authorised anew (and refused while the complaint is elsewhere). Given
      // back to its agency later in the same call (returned, then forwarded there again), it is
      // only asked to reconnect: told 4003, the client would stop following what it may follow.
      if (lastHolder === heldBy) closeQuietly(socket, LIVE_CLOSE.reconnect, 'complaint given back: reconnect');
      else closeQuietly(socket, LIVE_CLOSE.movedAway, 'complaint no longer held by this agency');
    }
    return reached;
  }

  /** Remembers the event as told; false when it already was (within the retention). */
  private firstTelling(eventId: number, now: number): boolean {
    return this.ctx.storage.sql.exec('INSERT INTO told (event_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING event_id', eventId, now).toArray().length > 0;
  }

  /**
   * Closes the sockets of one subscriber (a revoked session, a disabled account), or with
   * `null` every socket of the topic (its agency was switched off); answers how many.
   */
  async disconnect(subscriber: string | null, reason: string): Promise<number> {
    const sockets = subscriber === null ? this.ctx.getWebSockets() : this.ctx.getWebSockets(subscriber);
    for (const socket of sockets) closeQuietly(socket, LIVE_CLOSE.sessionEnded, reason.slice(0, 120));
    return sockets.length;
  }

  async connectionCount(): Promise<number> {
    return this.ctx.getWebSockets().length;
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // Clients only listen; anything but the auto-answered ping is a protocol error.
    if (message !== 'ping') ws.close(1003, 'This socket only sends');
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Completes the closing handshake with the client's code. 1005 (no code) and 1006 (the
    // connection dropped, as after this object closed it) are reported, never sent.
    closeQuietly(ws, code === 1005 || code === 1006 || code === 1015 ? 1000 : code, reason);
  }
}

/** The message as sockets get it: without what only the object reads. */
function sent(message: PublishedMessage): LiveMessage {
  if (message.type !== 'event') return message;
  const { heldBy: _, silent: __, ...told } = message as Extract<PublishedMessage, { heldBy?: unknown }>;
  return told;
}

/** Closes a socket that may already be closing (a close racing its client's): never throws. */
function closeQuietly(socket: WebSocket, code: number, reason: string) {
  try {
    socket.close(code, reason);
  } catch {
    // Already closed.
  }
}

function parseSubscriber(header: string | null): SubscriberInfo | undefined {
  if (!header) return undefined;
  try {
    const value = JSON.parse(header) as Partial<SubscriberInfo>;
    if (typeof value.topic !== 'string' || !isLiveTopic(value.topic)) return undefined;
    if (typeof value.subscriber !== 'string' || !value.subscriber) return undefined;
    const sessionHash = typeof value.sessionHash === 'string' && /^[0-9a-f]{64}$/.test(value.sessionHash) ? value.sessionHash : undefined;
    const whileHeldBy = Number.isSafeInteger(value.whileHeldBy) ? value.whileHeldBy : undefined;
    return {
      topic: value.topic,
      subscriber: value.subscriber,
      connectedAt: Date.now(),
      ...(sessionHash ? { sessionHash } : {}),
      ...(whileHeldBy !== undefined ? { whileHeldBy } : {}),
    };
  } catch {
    return undefined;
  }
}
