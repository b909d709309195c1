// Citizens' side of complaints: file one, read one (more with the tracking token), add a
// comment as its reporter, and browse the public feed.
import { type Context, Hono } from 'hono';
import { feedItem, timelineEvent, viewFor } from '../db/complaint-views';
import { addComment } from '../db/complaint-actions';
import { findComplaintByCode, listFeed, loadComplaintByCode } from '../db/complaints';
import { findEvent } from '../db/outbox';
import { type FeedResponse, IDEMPOTENCY_HEADER, TRACKING_TOKEN_HEADER } from '../domain/api';
import { transition } from '../domain/lifecycle';
import { maySeeComplaint } from '../domain/access';
import { viewerOf } from '../http/viewer';
import { clientOwnerHash } from '../http/client';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { rateLimited, rateLimitedInHandler, rateLimits } from '../http/rate-limit';
import { validate } from '../http/validate';
import { textBodyLimit } from '../http/body-limit';
import { sharedFor } from '../http/micro-cache';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { sendEvents } from '../queue/producer';
import { fileComplaint } from './complaint-filing';
import { commentBody, complaintCodeParam, createComplaintBody, feedQuery } from './complaint-schemas';

/** The feed is the same for everyone: a few seconds old at most, it spares D1 under a burst. */
export const FEED_MEMORY_MS = 5000;
/**
 * A complaint's page as the public sees it, likewise. Its viewers' live socket re-reads it
 * fresh as soon as it opens (and after every event), so an older first answer is corrected
 * within a moment.
 */
export const PAGE_MEMORY_MS = 5000;
/** Neither the tracking token nor any cookie (a staff session): the public's view. */
const anonymous = (c: Context<AppEnv>) => !c.req.header(TRACKING_TOKEN_HEADER) && !c.req.header('Cookie');

export const complaintRoutes = new Hono<AppEnv>()
  .post('/', rateLimitedInHandler(rateLimits.complaints), textBodyLimit, validate('json', createComplaintBody), async (c) => {
    const body = c.req.valid('json');
    const ownerHash = await clientOwnerHash(c);
    const idemKey = c.req.header(IDEMPOTENCY_HEADER);
    if (idemKey !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(idemKey)) {
      throw new ApiError('validation_failed', 'Invalid header', {
        details: [{ path: IDEMPOTENCY_HEADER, message: '8 to 100 letters, digits, - or _' }],
      });
    }
    const filed = await fileComplaint(c, { body, ownerHash, idempotency: idemKey ? { scope: ownerHash, key: idemKey } : undefined });
    return c.json(filed.response, filed.status);
  })

  .get('/', sharedFor(FEED_MEMORY_MS), validate('query', feedQuery), async (c) => {
    const q = c.req.valid('query');
    const pinnedOnly = q.pinned === 'true';
    const limit = Math.min(q.limit ?? 20, pinnedOnly ? 200 : 50);
    const db = c.get('db');
    const { rows, photos } = await listFeed(db, {
      status: q.status,
      categorySlug: q.category,
      regencyCode: q.regency,
      pinnedOnly,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1)?.complaint;
    // Browsers keep nothing: their own copy would outlive the Worker's forgetting after a write.
    c.header('Cache-Control', 'no-cache');
    const body: FeedResponse = {
      items: page.map((r) => feedItem(r, photos.filter((p) => p.complaintId === r.complaint.id))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
    };
    return c.json(body);
  })

  .get('/:code', sharedFor(PAGE_MEMORY_MS, anonymous), validate('param', complaintCodeParam), async (c) => {
    const db = c.get('db');
    const loaded = await loadComplaintByCode(db, c.req.valid('param').code);
    if (!loaded) throw notFound('Complaint');
    const viewer = await viewerOf(c, loaded.row.complaint.trackingTokenHash);
    // A confidential complaint does not exist for anyone without the right to see it.
    if (!maySeeComplaint(viewer, loaded.row.complaint)) throw notFound('Complaint');
    c.header('Cache-Control', 'private, no-store');
    return c.json(viewFor(loaded, viewer));
  })

  .post(
    '/:code/comments',
    rateLimited(rateLimits.comments),
    textBodyLimit,
    validate('param', complaintCodeParam),
    validate('json', commentBody),
    async (c) => {
      const db = c.get('db');
      const row = await findComplaintByCode(db, c.req.valid('param').code);
      if (!row) throw notFound('Complaint');
      const viewer = await viewerOf(c, row.complaint.trackingTokenHash);
      if (viewer.kind !== 'reporter') {
        // Without the token the complaint's reporter cannot be told apart from anyone else.
        if (!maySeeComplaint(viewer, row.complaint)) throw notFound('Complaint');
        throw new ApiError('forbidden', 'Only the reporter can comment: open the tracking link');
      }
      if (!transition(row.complaint.status, 'comment', 'citizen')) {
        throw new ApiError('conflict', `No comments on a ${row.complaint.status} complaint`);
      }
      const id = await addComment(c.env.DB, { complaintId: row.complaint.id, body: c.req.valid('json').body, at: Date.now() });
      if (id === undefined) throw new ApiError('conflict', 'The complaint has changed: reload it');
      const event = (await findEvent(db, id))!;
      c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, [event.id]).catch((err) => console.error('queue send failed', err)));
      return c.json(timelineEvent({ event, agency: null }), 201);
    },
  );
