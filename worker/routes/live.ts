// `GET /api/live?topic=...`: a WebSocket to one LiveInbox, opened only after the Worker has
// authorised the caller for the topic; anything else is 404 before the object is reached.
import { Hono } from 'hono';
import { z } from 'zod';
import { findComplaintByCode } from '../db/complaints';
import { maySeeComplaint, seesOnlyWhileHeldBy, type Viewer } from '../domain/access';
import { isLiveTopic, type LiveTopic } from '../domain/live';
import { mayListen } from '../domain/live-audience';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { validate } from '../http/validate';
import { viewerOf } from '../http/viewer';
import { SUBSCRIBER_HEADER } from '../live/live-inbox';
import { liveInbox } from '../live/topics';

/** A browser cannot set headers on a WebSocket: the reporter's token rides as a subprotocol. */
const TOKEN_PROTOCOL = /^token\.([0-9a-f]{32})$/;
const APP_PROTOCOL = 'ntbcare';

export const liveRoutes = new Hono<AppEnv>().get('/', validate('query', z.object({ topic: z.string().max(40) })), async (c) => {
  const { topic } = c.req.valid('query');
  if (c.req.header('Upgrade')?.toLowerCase() !== 'websocket') {
    throw new ApiError('validation_failed', 'Expected a WebSocket upgrade', { details: [{ path: 'Upgrade', message: 'websocket' }] });
  }
  // A page of another site must not open a socket with our cookies.
  const origin = c.req.header('Origin');
  if (origin && origin !== new URL(c.req.url).origin) throw new ApiError('forbidden', 'Cross-site socket refused');
  if (!isLiveTopic(topic)) throw notFound('Topic');

  const protocols = (c.req.header('Sec-WebSocket-Protocol') ?? '').split(',').map((p) => p.trim());
  const token = protocols.map((p) => TOKEN_PROTOCOL.exec(p)?.[1]).find(Boolean);

  let viewer: Viewer;
  let whileHeldBy: number | undefined;
  if (topic.startsWith('complaint:')) {
    const row = await findComplaintByCode(c.get('db'), topic.slice('complaint:'.length));
    if (!row) throw notFound('Topic');
    viewer = await viewerOf(c, row.complaint.trackingTokenHash, token);
    if (!maySeeComplaint(viewer, row.complaint)) throw notFound('Topic');
    whileHeldBy = seesOnlyWhileHeldBy(viewer, row.complaint);
  } else {
    viewer = await viewerOf(c, '', undefined);
    if (!mayListen(viewer, topic as LiveTopic)) throw notFound('Topic');
  }

  const staff = c.get('staff');
  const subscriber = staff ? `staff:${staff.id}` : viewer.kind;
  const res = await liveInbox(c.env, topic).fetch('https://live/socket', {
    headers: { Upgrade: 'websocket', [SUBSCRIBER_HEADER]: JSON.stringify({ topic, subscriber, sessionHash: c.get('sessionHash'), whileHeldBy }) },
  });
  if (res.status !== 101 || !res.webSocket) return res;
  const headers = protocols.includes(APP_PROTOCOL) ? { 'Sec-WebSocket-Protocol': APP_PROTOCOL } : undefined;
  return new Response(null, { status: 101, webSocket: res.webSocket, headers });
});
