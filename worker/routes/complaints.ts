// Citizens' side of complaints: file one, read one (more with the tracking token), add a
// comment as its reporter, and browse the public feed.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { randomToken, sha256Hex } from '../auth/tokens';
import { feedItem, loadComplaintView, timelineEvent } from '../db/complaint-views';
import {
  findCategoryBySlug,
  findComplaintByCode,
  findIdempotentResponse,
  findRegionsByCode,
  insertCommentEvent,
  insertComplaint,
  listFeed,
  listPhotosOf,
} from '../db/complaints';
import { findUploads } from '../db/uploads';
import {
  type CreateComplaintResponse,
  type ErrorIssue,
  type FeedResponse,
  IDEMPOTENCY_HEADER,
} from '../domain/api';
import { newComplaintCode } from '../domain/complaint-code';
import { transition } from '../domain/lifecycle';
import { maySeeComplaint } from '../domain/access';
import { viewerOf } from '../http/viewer';
import { moderationDueAt } from '../domain/sla';
import { loadTargets } from '../db/settings';
import { clientOwnerHash } from '../http/client';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { rateLimited, rateLimits } from '../http/rate-limit';
import { validate } from '../http/validate';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { sendEvents } from '../queue/producer';
import { type CreateComplaintBody, commentBody, complaintCodeParam, createComplaintBody, feedQuery } from './complaint-schemas';

const jsonLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError('payload_too_large', 'The request body is too large');
  },
});

const unprocessable = (details: ErrorIssue[]) =>
  new ApiError('unprocessable', details.map((d) => d.message).join('; '), { details });

/** Checks what zod cannot: that the category, places and photos exist and may be used. */
async function checkReferences(c: Context<AppEnv>, body: CreateComplaintBody, ownerHash: string) {
  const db = c.get('db');
  const [category, places, uploads] = await Promise.all([
    findCategoryBySlug(db, body.category),
    findRegionsByCode(db, [body.regencyCode, body.districtCode, body.villageCode]),
    findUploads(db, body.photoIds),
  ]);
  const issues: ErrorIssue[] = [];
  if (!category?.active) issues.push({ path: 'category', message: 'Unknown category' });

  const byCode = new Map(places.map((p) => [p.code, p]));
  const regency = byCode.get(body.regencyCode);
  const district = byCode.get(body.districtCode);
  const village = byCode.get(body.villageCode);
  if (regency?.level !== 'regency') issues.push({ path: 'regencyCode', message: 'Unknown regency' });
  else if (district?.level !== 'district' || district.parentCode !== regency.code)
    issues.push({ path: 'districtCode', message: 'No such district in this regency' });
  else if (village?.level !== 'village' || village.parentCode !== district.code)
    issues.push({ path: 'villageCode', message: 'No such village in this district' });

  const uploadsById = new Map(uploads.map((u) => [u.id, u]));
  body.photoIds.forEach((id, i) => {
    const upload = uploadsById.get(id);
    // Someone else's upload is answered like an unknown one: ids cannot be probed.
    if (!upload || upload.ownerHash !== ownerHash) issues.push({ path: `photoIds.${i}`, message: 'Unknown photo' });
    else if (upload.claimedAt) issues.push({ path: `photoIds.${i}`, message: 'Photo already used by another complaint' });
  });
  if (issues.length) throw unprocessable(issues);
  return { category: category!, uploads: body.photoIds.map((id) => uploadsById.get(id)!) };
}

export const complaintRoutes = new Hono<AppEnv>()
  .post('/', rateLimited(rateLimits.complaints), jsonLimit, validate('json', createComplaintBody), async (c) => {
    const body = c.req.valid('json');
    const db = c.get('db');
    const ownerHash = await clientOwnerHash(c);
    const idemKey = c.req.header(IDEMPOTENCY_HEADER);
    if (idemKey !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(idemKey)) {
      throw new ApiError('validation_failed', 'Invalid header', {
        details: [{ path: IDEMPOTENCY_HEADER, message: '8 to 100 letters, digits, - or _' }],
      });
    }
    const replay = async () => {
      const earlier = idemKey && (await findIdempotentResponse(db, ownerHash, idemKey));
      return earlier ? c.json(JSON.parse(earlier.response) as CreateComplaintResponse, earlier.status as 201) : undefined;
    };
    const earlier = await replay();
    if (earlier) return earlier;

    const { category, uploads } = await checkReferences(c, body, ownerHash);
    const targets = await loadTargets(db);
    const trackingToken = randomToken();
    const trackingTokenHash = await sha256Hex(trackingToken);
    const now = new Date();

    for (let attempt = 0; ; attempt++) {
      const response: CreateComplaintResponse = { code: newComplaintCode(), trackingToken };
      try {
        const eventId = await insertComplaint(db, {
          complaint: {
            code: response.code,
            title: body.title,
            description: body.description,
            categoryId: category.id,
            regencyCode: body.regencyCode,
            districtCode: body.districtCode,
            villageCode: body.villageCode,
            lat: body.lat ?? null,
            lng: body.lng ?? null,
            address: body.address,
            priority: category.defaultPriority,
            reporterName: body.reporter.name,
            reporterPhone: body.reporter.phone ?? null,
            reporterEmail: body.reporter.email ?? null,
            anonymous: body.anonymous,
            confidential: body.confidential,
            trackingTokenHash,
            submittedAt: now,
            updatedAt: now,
            dueAt: new Date(moderationDueAt(now.getTime(), targets)),
          },
          uploads,
          event: { type: 'submitted', actorRole: 'citizen', visibility: 'public', toStatus: 'submitted' },
          idempotency: idemKey ? { scope: ownerHash, key: idemKey, status: 201, response: JSON.stringify(response) } : undefined,
        });
        // Committed: the queue only speeds things up; the cron re-sends what this misses.
        c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, [eventId]).catch((err) => console.error('queue send failed', err)));
        return c.json(response, 201);
      } catch (err) {
        const message = String((err as Error)?.cause ?? err);
        if (!message.includes('UNIQUE constraint failed')) throw err;
        // The same key sent twice at once: the other request won; answer as it did.
        if (message.includes('idempotency_keys')) {
          const first = await replay();
          if (first) return first;
        }
        if (message.includes('photos.id')) {
          throw new ApiError('conflict', 'A photo was just used by another complaint', {
            details: [{ path: 'photoIds', message: 'Photo already used by another complaint' }],
          });
        }
        // A code collision (40 random bits): draw again.
        if (!message.includes('complaints.code') || attempt >= 3) throw err;
      }
    }
  })

  .get('/', validate('query', feedQuery), async (c) => {
    const q = c.req.valid('query');
    const pinnedOnly = q.pinned === 'true';
    const limit = Math.min(q.limit ?? 20, pinnedOnly ? 200 : 50);
    const db = c.get('db');
    const rows = await listFeed(db, {
      status: q.status,
      categorySlug: q.category,
      regencyCode: q.regency,
      pinnedOnly,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const photos = await listPhotosOf(db, page.map((r) => r.complaint.id));
    const last = page.at(-1)?.complaint;
    const body: FeedResponse = {
      items: page.map((r) => feedItem(r, photos.filter((p) => p.complaintId === r.complaint.id))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
    };
    return c.json(body);
  })

  .get('/:code', validate('param', complaintCodeParam), async (c) => {
    const db = c.get('db');
    const row = await findComplaintByCode(db, c.req.valid('param').code);
    if (!row) throw notFound('Complaint');
    const viewer = await viewerOf(c, row.complaint.trackingTokenHash);
    // A confidential complaint does not exist for anyone without the right to see it.
    if (!maySeeComplaint(viewer, row.complaint)) throw notFound('Complaint');
    c.header('Cache-Control', 'private, no-store');
    return c.json(await loadComplaintView(db, row, viewer));
  })

  .post(
    '/:code/comments',
    rateLimited(rateLimits.comments),
    jsonLimit,
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
      const event = await insertCommentEvent(db, row.complaint.id, c.req.valid('json').body, new Date());
      c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, [event.id]).catch((err) => console.error('queue send failed', err)));
      return c.json(timelineEvent({ event, agency: null }), 201);
    },
  );
