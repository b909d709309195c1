// The reporter closes the loop with the tracking token: confirms a resolved complaint is
// fixed (with a rating), or says it is not, which reopens it to the agency.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { viewFor } from '../db/complaint-views';
import { applyComplaintChange } from '../db/complaint-actions';
import { type ComplaintRow, findComplaintByCode, loadComplaintByCode } from '../db/complaints';
import { maySeeComplaint } from '../domain/access';
import { transition, type ComplaintAction } from '../domain/lifecycle';
import { responseDueAt } from '../domain/sla';
import { loadTargets } from '../db/settings';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { textBodyLimit } from '../http/body-limit';
import { validate } from '../http/validate';
import { viewerOf } from '../http/viewer';
import { sendEvents } from '../queue/producer';
import { complaintCodeParam } from './complaint-schemas';

const version = z.number().int().min(1);
const confirmBody = z
  .object({ version, rating: z.number().int().min(1).max(5), comment: z.string().max(2000).nullish().transform((s) => (s?.trim() ? s : null)) })
  .strict();
const reopenBody = z.object({ version, reason: z.string().max(2000).refine((s) => s.trim().length >= 5, 'Say what is still wrong') }).strict();

async function reporterComplaint(c: Context<AppEnv>, code: string, action: ComplaintAction, seen: number) {
  const row = await findComplaintByCode(c.get('db'), code);
  if (!row) throw notFound('Complaint');
  const viewer = await viewerOf(c, row.complaint.trackingTokenHash);
  if (viewer.kind !== 'reporter') {
    if (!maySeeComplaint(viewer, row.complaint)) throw notFound('Complaint');
    throw new ApiError('forbidden', 'Only the reporter can do this: open the tracking link');
  }
  if (seen !== row.complaint.version) throw new ApiError('conflict', 'The complaint has changed: reload it', { details: [{ path: 'version', message: `Now at version ${row.complaint.version}` }] });
  const to = transition(row.complaint.status, action, 'citizen');
  if (!to) throw new ApiError('conflict', `Cannot ${action} a complaint that is ${row.complaint.status}`);
  return { row, to };
}

async function answer(c: Context<AppEnv>, row: ComplaintRow, eventIds: number[] | undefined) {
  if (!eventIds) throw new ApiError('conflict', 'The complaint has changed: reload it');
  c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, eventIds).catch((err) => console.error('queue send failed', err)));
  const fresh = (await loadComplaintByCode(c.get('db'), row.complaint.code))!;
  return c.json(viewFor(fresh, { kind: 'reporter' }));
}

export const reporterActionRoutes = new Hono<AppEnv>()
  .post('/:code/confirm', textBodyLimit, validate('param', complaintCodeParam), validate('json', confirmBody), async (c) => {
    const body = c.req.valid('json');
    const { row, to } = await reporterComplaint(c, c.req.valid('param').code, 'confirm', body.version);
    const now = Date.now();
    const ids = await applyComplaintChange(c.env.DB, {
      complaintId: row.complaint.id,
      version: body.version,
      to,
      at: now,
      set: { closedAt: now, rating: body.rating, ratingComment: body.comment },
      events: [{ type: 'confirmed', actorRole: 'citizen', visibility: 'public', fromStatus: row.complaint.status, body: body.comment, data: { rating: body.rating } }],
    });
    return answer(c, row, ids);
  })
  .post('/:code/reopen', textBodyLimit, validate('param', complaintCodeParam), validate('json', reopenBody), async (c) => {
    const body = c.req.valid('json');
    const { row, to } = await reporterComplaint(c, c.req.valid('param').code, 'reopen', body.version);
    const now = Date.now();
    const ids = await applyComplaintChange(c.env.DB, {
      complaintId: row.complaint.id,
      version: body.version,
      to,
      at: now,
      // Back to the same agency, with a fresh target for its answer.
      set: { dueAt: responseDueAt(now, row.complaint.priority, await loadTargets(c.get('db'))) },
      events: [{ type: 'reopened', actorRole: 'citizen', visibility: 'public', fromStatus: row.complaint.status, agencyId: row.complaint.agencyId, body: body.reason }],
    });
    return answer(c, row, ids);
  });
