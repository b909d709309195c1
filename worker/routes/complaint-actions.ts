// Staff actions on a complaint. Each names the version it saw; the lifecycle table in
// worker/domain decides what is allowed; the change and its events are one D1 batch.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { slug } from './slug';
import { viewFor } from '../db/complaint-views';
import { applyComplaintChange, type ComplaintChange } from '../db/complaint-actions';
import { OPEN_ORIGINAL_STATUSES } from '../domain/duplicates';
import { findAgencyBySlug } from '../db/agencies';
import { listRoutingRules } from '../db/routing';
import { type ComplaintRow, type ViewedComplaintRow, findCategoryBySlug, findComplaintByCode, findRegionsByCode, loadComplaintByCode } from '../db/complaints';
import { staffReaches } from '../domain/access';
import { rejectReasons } from '../domain/api';
import { type ComplaintAction, transition } from '../domain/lifecycle';
import { pickRoutingRule } from '../domain/routing';
import { type ComplaintStatus, priorities } from '../domain/vocabulary';
import { moderationDueAt, responseDueAt } from '../domain/sla';
import { loadTargets } from '../db/settings';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';
import { sendEvents } from '../queue/producer';
import { complaintCodeParam } from './complaint-schemas';
import { regionCode } from './regions';

const note = z.string().max(2000).nullish().transform((s) => (s?.trim() ? s : null));
const version = z.number().int().min(1);

const forwardBody = z.object({ version, agency: slug, priority: z.enum(priorities), note }).strict();
const rejectBody = z.object({ version, reason: z.enum(rejectReasons), message: note }).strict();
const duplicateBody = z.object({ version, of: complaintCodeParam.shape.code }).strict();
const correctBody = z
  .object({
    version,
    title: z.string().max(150).refine((s) => s.trim().length >= 5, 'At least 5 characters').optional(),
    category: slug.optional(),
    regencyCode: regionCode.optional(),
    districtCode: regionCode.optional(),
    villageCode: regionCode.optional(),
  })
  .strict()
  .refine((b) => b.title !== undefined || b.category !== undefined || b.villageCode !== undefined, 'Nothing to correct')
  .refine(
    (b) => [b.regencyCode, b.districtCode, b.villageCode].every((v) => v === undefined) || [b.regencyCode, b.districtCode, b.villageCode].every((v) => v !== undefined),
    { message: 'Give regency, district and village together', path: ['villageCode'] },
  );

/** The complaint, if the signed-in staff member reaches it (404 otherwise, so it cannot be probed). */
async function reachableComplaint(c: Context<AppEnv>, code: string): Promise<ComplaintRow> {
  const staff = c.get('staff')!;
  const row = await findComplaintByCode(c.get('db'), code);
  if (!row || !staffReaches({ kind: 'staff', role: staff.role, agencyId: staff.agencyId }, row.complaint)) throw notFound('Complaint');
  return row;
}

/** The status the action leads to, or 409 when the lifecycle or the version says no. */
function checkAction(c: Context<AppEnv>, row: ComplaintRow, action: ComplaintAction, seenVersion: number) {
  const staff = c.get('staff')!;
  const { status, version: current } = row.complaint;
  if (seenVersion !== current) throw stale(row);
  const to = transition(status, action, staff.role);
  if (!to) throw new ApiError('conflict', `Cannot ${action} a complaint that is ${status}`, { details: [{ path: 'status', message: status }] });
  return to;
}

const stale = (row: ViewedComplaintRow) =>
  new ApiError('conflict', 'The complaint was changed by someone else: reload it', {
    details: [{ path: 'version', message: `Now at version ${row.complaint.version}, status ${row.complaint.status}` }],
  });

/** Applies the change, queues its events and answers with the complaint as the caller now sees it. */
async function commit(c: Context<AppEnv>, row: ComplaintRow, change: Omit<ComplaintChange, 'complaintId' | 'version' | 'at'> & { version: number }) {
  const db = c.get('db');
  const staff = c.get('staff')!;
  const eventIds = await applyComplaintChange(c.env.DB, { ...change, complaintId: row.complaint.id, at: Date.now() });
  const fresh = (await loadComplaintByCode(db, row.complaint.code))!;
  if (!eventIds) throw stale(fresh.row);
  c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, eventIds).catch((err) => console.error('queue send failed', err)));
  return c.json(viewFor(fresh, { kind: 'staff', role: staff.role, agencyId: staff.agencyId }));
}

const actor = (c: Context<AppEnv>) => {
  const staff = c.get('staff')!;
  return { actorRole: staff.role, actorUserId: staff.id, agencyId: staff.agencyId };
};

export const moderatorActionRoutes = new Hono<AppEnv>()
  .use('/:code/:action{forward|reject|duplicate|correct}', requireStaff('moderator', 'admin'))

  .post('/:code/forward', validate('param', complaintCodeParam), validate('json', forwardBody), async (c) => {
    const body = c.req.valid('json');
    const row = await reachableComplaint(c, c.req.valid('param').code);
    const to = checkAction(c, row, 'forward', body.version);
    const agency = await findAgencyBySlug(c.get('db'), body.agency);
    if (!agency?.active) throw new ApiError('unprocessable', 'Unknown agency', { details: [{ path: 'agency', message: 'Unknown or inactive agency' }] });
    const now = Date.now();
    const from = row.complaint.status;
    return commit(c, row, {
      version: body.version,
      to,
      set: { agencyId: agency.id, priority: body.priority, forwardedAt: now, dueAt: responseDueAt(now, body.priority, await loadTargets(c.get('db'))) },
      events: [
        { ...actor(c), type: 'forwarded', visibility: 'public', fromStatus: from, agencyId: agency.id, data: { agency: agency.slug, priority: body.priority } },
        ...(body.note ? [{ ...actor(c), type: 'note', visibility: 'internal' as const, fromStatus: from, agencyId: agency.id, body: body.note }] : []),
      ],
    });
  })

  .post('/:code/reject', validate('param', complaintCodeParam), validate('json', rejectBody), async (c) => {
    const body = c.req.valid('json');
    const row = await reachableComplaint(c, c.req.valid('param').code);
    const to = checkAction(c, row, 'reject', body.version);
    return commit(c, row, {
      version: body.version,
      to,
      set: { closedAt: Date.now(), dueAt: null },
      events: [{ ...actor(c), type: 'rejected', visibility: 'public', fromStatus: row.complaint.status, body: body.message, data: { reason: body.reason } }],
    });
  })

  .post('/:code/duplicate', validate('param', complaintCodeParam), validate('json', duplicateBody), async (c) => {
    const body = c.req.valid('json');
    const row = await reachableComplaint(c, c.req.valid('param').code);
    const to = checkAction(c, row, 'duplicate', body.version);
    const original = await findComplaintByCode(c.get('db'), body.of);
    if (!original || original.complaint.id === row.complaint.id) {
      throw new ApiError('unprocessable', 'Unknown complaint', { details: [{ path: 'of', message: 'No other complaint with this code' }] });
    }
    // An original nobody handles any more would close both: two complaints marked duplicates
    // of each other, or of a rejected or resolved one, leave the problem with no agency. The
    // detail names the original's status (the desk words it); the batch checks it again.
    const refuseOriginal = (status: ComplaintStatus) =>
      new ApiError('unprocessable', `${original.complaint.code} is ${status}: choose a complaint still being handled`, {
        details: [{ path: 'of', message: status }],
      });
    if (!OPEN_ORIGINAL_STATUSES.includes(original.complaint.status)) throw refuseOriginal(original.complaint.status);
    try {
      return await commit(c, row, {
        version: body.version,
        to,
        set: { duplicateOfId: original.complaint.id, closedAt: Date.now(), dueAt: null },
        events: [{ ...actor(c), type: 'duplicate', visibility: 'public', fromStatus: row.complaint.status, data: { of: original.complaint.code } }],
      });
    } catch (err) {
      // Refused by the batch: this complaint may be unchanged and the original closed meanwhile
      // (another moderator): then that is the reason, not a stale version.
      const now = err instanceof ApiError && err.code === 'conflict' ? await findComplaintByCode(c.get('db'), body.of) : undefined;
      if (now && !OPEN_ORIGINAL_STATUSES.includes(now.complaint.status)) throw refuseOriginal(now.complaint.status);
      throw err;
    }
  })

  .post('/:code/correct', validate('param', complaintCodeParam), validate('json', correctBody), async (c) => {
    const body = c.req.valid('json');
    const db = c.get('db');
    const row = await reachableComplaint(c, c.req.valid('param').code);
    const to = checkAction(c, row, 'correct', body.version);
    const set: ComplaintChange['set'] = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (body.title !== undefined && body.title !== row.complaint.title) {
      Object.assign(set, { title: body.title });
      before.title = row.complaint.title;
      after.title = body.title;
    }
    if (body.category !== undefined && body.category !== row.category.slug) {
      const category = await findCategoryBySlug(db, body.category);
      if (!category?.active) throw new ApiError('unprocessable', 'Unknown category', { details: [{ path: 'category', message: 'Unknown category' }] });
      Object.assign(set, { categoryId: category.id });
      before.category = row.category.slug;
      after.category = category.slug;
    }
    if (body.villageCode !== undefined && body.villageCode !== row.complaint.villageCode) {
      const places = new Map((await findRegionsByCode(db, [body.regencyCode!, body.districtCode!, body.villageCode])).map((p) => [p.code, p]));
      const district = places.get(body.districtCode!);
      const village = places.get(body.villageCode);
      if (places.get(body.regencyCode!)?.level !== 'regency' || district?.parentCode !== body.regencyCode || village?.parentCode !== body.districtCode || village?.level !== 'village') {
        throw new ApiError('unprocessable', 'No such place', { details: [{ path: 'villageCode', message: 'Region codes do not nest' }] });
      }
      Object.assign(set, { regencyCode: body.regencyCode, districtCode: body.districtCode, villageCode: body.villageCode });
      before.villageCode = row.complaint.villageCode;
      after.villageCode = body.villageCode;
    }
    if (Object.keys(set).length === 0) throw new ApiError('unprocessable', 'Nothing changes', { details: [{ path: '', message: 'Same values as now' }] });
    // A new category or regency is routed anew: the desk must not suggest the agency of the
    // category the moderator has just corrected away from.
    if (set.categoryId !== undefined || (set.regencyCode !== undefined && set.regencyCode !== row.complaint.regencyCode)) {
      const categoryId = set.categoryId ?? row.complaint.categoryId;
      const rule = pickRoutingRule(await listRoutingRules(db, categoryId), { categoryId, regencyCode: set.regencyCode ?? row.complaint.regencyCode });
      set.suggestedAgencyId = rule?.agencyId ?? null;
    }
    // The original stays in the event log.
    return commit(c, row, {
      version: body.version,
      to,
      set,
      events: [{ ...actor(c), type: 'corrected', visibility: 'internal', fromStatus: row.complaint.status, data: { before, after } }],
    });
  });

const returnBody = z
  .object({ version, reason: z.string().max(2000).refine((r) => r.trim().length >= 5, 'Say why, in at least 5 characters') })
  .strict();
const textBody = z
  .object({ version, body: z.string().max(4000).refine((b) => b.trim().length >= 1, 'Required') })
  .strict();
const versionBody = z.object({ version }).strict();

/** The first public answer of the agency starts the clock of its response time once. */
const firstResponse = (row: ComplaintRow, now: number) => row.complaint.firstResponseAt?.getTime() ?? now;

/**
 * One step of the agency's work: check reach, lifecycle and version, then write the change
 * and its one event. `set` says what the step changes on the complaint besides its status.
 */
async function agencyStep(
  c: Context<AppEnv>,
  code: string,
  request: { version: number; text?: string },
  step: { action: ComplaintAction; event: string; visibility: 'public' | 'internal'; set?: (row: ComplaintRow, now: number) => Promise<ComplaintChange['set']> | ComplaintChange['set'] },
) {
  const row = await reachableComplaint(c, code);
  const to = checkAction(c, row, step.action, request.version);
  return commit(c, row, {
    version: request.version,
    to,
    set: await step.set?.(row, Date.now()),
    events: [{ ...actor(c), type: step.event, visibility: step.visibility, fromStatus: row.complaint.status, body: request.text ?? null }],
  });
}

export const agencyActionRoutes = new Hono<AppEnv>()
  .use('/:code/:action{return|acknowledge|respond|resolve}', requireStaff('agency'))
  .use('/:code/note', requireStaff())

  // "Not our responsibility": back to the moderators' desk, flagged with the reason.
  .post('/:code/return', validate('param', complaintCodeParam), validate('json', returnBody), async (c) => {
    const { version, reason } = c.req.valid('json');
    return agencyStep(c, c.req.valid('param').code, { version, text: reason }, {
      action: 'return',
      event: 'returned',
      visibility: 'internal',
      set: async (_row, now) => ({ agencyId: null, dueAt: moderationDueAt(now, await loadTargets(c.get('db'))) }),
    });
  })

  .post('/:code/acknowledge', validate('param', complaintCodeParam), validate('json', versionBody), async (c) =>
    agencyStep(c, c.req.valid('param').code, c.req.valid('json'), { action: 'acknowledge', event: 'acknowledged', visibility: 'public' }),
  )

  .post('/:code/respond', validate('param', complaintCodeParam), validate('json', textBody), async (c) => {
    const { version, body } = c.req.valid('json');
    return agencyStep(c, c.req.valid('param').code, { version, text: body }, {
      action: 'respond',
      event: 'response',
      visibility: 'public',
      // The answer owed is given: no target runs until the complaint is reopened.
      set: (row, now) => ({ firstResponseAt: firstResponse(row, now), dueAt: null }),
    });
  })

  .post('/:code/resolve', validate('param', complaintCodeParam), validate('json', textBody), async (c) => {
    const { version, body } = c.req.valid('json');
    return agencyStep(c, c.req.valid('param').code, { version, text: body }, {
      action: 'resolve',
      event: 'resolved',
      visibility: 'public',
      set: (row, now) => ({ firstResponseAt: firstResponse(row, now), resolvedAt: now, dueAt: null }),
    });
  })

  // Internal words between the agency and the moderators; the status stays.
  .post('/:code/note', validate('param', complaintCodeParam), validate('json', textBody), async (c) => {
    const { version, body } = c.req.valid('json');
    return agencyStep(c, c.req.valid('param').code, { version, text: body }, { action: 'note', event: 'note', visibility: 'internal' });
  });
