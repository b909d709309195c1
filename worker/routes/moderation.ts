// `GET /api/moderation/queue`: what waits for the moderators, oldest first, with the
// routing suggestion and possible duplicates the queue consumer found.
// `GET /api/moderation/overdue`: what agencies hold past their response target, for the
// moderators to chase.
import { Hono } from 'hono';
import { z } from 'zod';
import { moderationItem, overdueItem } from '../db/complaint-views';
import { listPhotosOf } from '../db/complaints';
import { findComplaintsByCodes, latestReturns, listAgenciesByIds, listModerationQueue, listOverdueAtAgencies } from '../db/moderation';
import type { ModerationItem, ModerationQueueResponse, OverdueResponse } from '../domain/api';
import type { AppEnv } from '../http/env';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';

const queueQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const moderationRoutes = new Hono<AppEnv>().get(
  '/queue',
  requireStaff('moderator', 'admin'),
  validate('query', queueQuery),
  async (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const limit = q.limit ?? 50;
    const { rows, total } = await listModerationQueue(db, { after: q.cursor ? decodeCursor(q.cursor) : undefined, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const ids = page.map((r) => r.complaint.id);
    const candidateCodes = [...new Set(page.flatMap((r) => (r.complaint.duplicateCandidates ?? []).map((d) => d.code)))];
    const [photos, returns, suggestedAgencies, candidates] = await Promise.all([
      listPhotosOf(db, ids),
      latestReturns(db, ids),
      listAgenciesByIds(db, [...new Set(page.map((r) => r.complaint.suggestedAgencyId).filter((id): id is number => id !== null))]),
      findComplaintsByCodes(db, candidateCodes),
    ]);
    // A suggestion the desk cannot act on is none: an agency deactivated since (a forward to it
    // is refused), or one that already sent this complaint back as not its responsibility.
    const agencyById = new Map(suggestedAgencies.filter((a) => a.active).map((a) => [a.id, { slug: a.slug, name: a.name, shortName: a.shortName }]));
    const suggestionFor = (c: (typeof page)[number]['complaint']) =>
      c.suggestedAgencyId && !returns.returners.get(c.id)?.has(c.suggestedAgencyId) ? (agencyById.get(c.suggestedAgencyId) ?? null) : null;
    const candidateByCode = new Map(candidates.map((d) => [d.code, d]));
    const items: ModerationItem[] = page.map((row) => {
      const c = row.complaint;
      return moderationItem(row, {
        photos: photos.filter((p) => p.complaintId === c.id),
        suggestedAgency: suggestionFor(c),
        duplicateCandidates: (c.duplicateCandidates ?? []).flatMap((d) => {
          const other = candidateByCode.get(d.code);
          return other ? [{ ...d, title: other.title, status: other.status, submittedAt: other.submittedAt.toISOString() }] : [];
        }),
        returned: returns.latest.get(c.id),
      });
    });
    const last = page.at(-1)?.complaint;
    const body: ModerationQueueResponse = {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.submittedAt, last.id) : null,
      total,
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  },
)
  .get('/overdue', requireStaff('moderator', 'admin'), validate('query', queueQuery), async (c) => {
    const q = c.req.valid('query');
    const limit = q.limit ?? 50;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const { rows, total } = await listOverdueAtAgencies(c.get('db'), {
      now: Date.now(),
      after: after && { at: after.submittedAt, id: after.id },
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1)?.complaint;
    const body: OverdueResponse = {
      items: page.map(overdueItem),
      total,
      nextCursor: rows.length > limit && last ? encodeCursor(last.dueAt!, last.id) : null,
    };
    c.header('Cache-Control', 'private, no-store');
    return c.json(body);
  });
