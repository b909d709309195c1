// `GET /api/inbox` and `GET /api/inbox/events`: an agency's own complaints, and what
// happened to them after a cursor, for a client catching up after a reconnect.
import { Hono } from 'hono';
import { z } from 'zod';
import { categoryOf, EXCERPT_LENGTH, placeOf } from '../db/complaint-views';
import { listPhotosOf } from '../db/complaints';
import { answeredByAgency, countInbox, lastInboxEventId, listInbox, listInboxEvents } from '../db/inbox';
import type { InboxEventsResponse, InboxItem, InboxResponse } from '../domain/api';
import { complaintStatuses } from '../domain/vocabulary';
import { decodeCursor, encodeCursor } from '../http/cursor';
import type { AppEnv } from '../http/env';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';

const inboxQuery = z.object({
  status: z.enum(complaintStatuses).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const inboxRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('agency'))
  .get('/', validate('query', inboxQuery), async (c) => {
    const db = c.get('db');
    const agencyId = c.get('staff')!.agencyId!;
    const q = c.req.valid('query');
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    // Read the cursor first: anything after it will reach the client by catch-up or live.
    const lastEventId = await lastInboxEventId(db);
    const [rows, counts] = await Promise.all([
      listInbox(db, { agencyId, status: q.status, after: after && { updatedAt: after.submittedAt, id: after.id }, limit: limit + 1 }),
      countInbox(db, agencyId),
    ]);
    const page = rows.slice(0, limit);
    const ids = page.map((r) => r.complaint.id);
    const [photos, answered] = await Promise.all([listPhotosOf(db, ids), answeredByAgency(db, ids)]);
    const items: InboxItem[] = page.map((row) => {
      const c = row.complaint;
      return {
        code: c.code,
        title: c.title,
        excerpt: [...c.description].slice(0, EXCERPT_LENGTH).join(''),
        status: c.status,
        priority: c.priority,
        category: categoryOf(row),
        place: placeOf(row),
        anonymous: c.anonymous,
        confidential: c.confidential,
        submittedAt: c.submittedAt.toISOString(),
        forwardedAt: c.forwardedAt?.toISOString() ?? null,
        dueAt: c.dueAt?.toISOString() ?? null,
        firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
        isNew: c.status === 'forwarded' && !answered.has(c.id),
        version: c.version,
        photoCount: photos.filter((p) => p.complaintId === c.id).length,
      };
    });
    const last = page.at(-1)?.complaint;
    const body: InboxResponse = {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null,
      counts,
      lastEventId,
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  })
  .get('/events', validate('query', z.object({ since: z.coerce.number().int().min(0) })), async (c) => {
    const db = c.get('db');
    const agencyId = c.get('staff')!.agencyId!;
    const since = c.req.valid('query').since;
    const events = await listInboxEvents(db, agencyId, since);
    const body: InboxEventsResponse = { events, lastEventId: events.at(-1)?.eventId ?? since };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });
