// `/api/admin/agencies` and `/api/admin/routing-rules`: administrators add, rename and
// deactivate agencies (a deactivated one gets no new complaints: routing skips it and a
// forward to it is refused; its staff are signed out of it; one still holding complaints
// being handled is not switched off), and keep the routing rules, with a preview of where a
// complaint of a category and regency would go.
import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { slug } from './slug';
import { deactivateAgency, findAgencyBySlug } from '../db/agencies';
import { findCategoryBySlug, findRegionsByCode } from '../db/complaints';
import { listRoutingRules } from '../db/routing';
import { agencies, categories, routingRules } from '../db/schema';
import { pickRoutingRule } from '../domain/routing';
import { agencyKinds } from '../domain/vocabulary';
import type { Database } from '../db/client';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';
import { liveInbox } from '../live/topics';
import { regionCode } from './regions';

const agencyBody = z
  .object({
    slug,
    name: z.string().trim().min(3).max(200),
    shortName: z.string().trim().max(60).nullish(),
    kind: z.enum(agencyKinds),
    regencyCode: regionCode.nullish(),
  })
  .strict();
const agencyPatch = z
  .object({ name: z.string().trim().min(3).max(200).optional(), shortName: z.string().trim().max(60).nullish(), active: z.boolean().optional() })
  .strict();
const ruleBody = z
  .object({ category: slug, regencyCode: regionCode.nullish(), agency: slug, rank: z.number().int().min(0).max(99).default(0), autoForward: z.boolean().default(false) })
  .strict();

const unknown = (path: string, what: string) => new ApiError('unprocessable', `Unknown ${what}`, { details: [{ path, message: `Unknown ${what}` }] });

/** 422 unless `code` (when given) names one of NTB's regencies: a district's code never matches a complaint's regency. */
async function checkRegency(db: Database, code: string | null | undefined) {
  if (!code) return;
  const [region] = await findRegionsByCode(db, [code]);
  if (region?.level !== 'regency') throw unknown('regencyCode', 'regency');
}

export const adminRoutingRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('admin'))

  .get('/agencies', async (c) => {
    const rows = await c.get('db').select().from(agencies).orderBy(asc(agencies.name));
    return c.json({ agencies: rows.map(({ id: _id, createdAt, ...a }) => ({ ...a, createdAt: createdAt.toISOString() })) });
  })
  .post('/agencies', validate('json', agencyBody), async (c) => {
    const body = c.req.valid('json');
    await checkRegency(c.get('db'), body.regencyCode);
    const [row] = await c
      .get('db')
      .insert(agencies)
      .values({ slug: body.slug, name: body.name, shortName: body.shortName ?? null, kind: body.kind, regencyCode: body.regencyCode ?? null })
      .onConflictDoNothing({ target: agencies.slug })
      .returning({ slug: agencies.slug });
    if (!row) throw new ApiError('conflict', 'An agency with this slug exists', { details: [{ path: 'slug', message: 'Taken' }] });
    return c.json({ slug: row.slug }, 201);
  })
  .patch('/agencies/:slug', validate('param', z.object({ slug })), validate('json', agencyPatch), async (c) => {
    const agency = await findAgencyBySlug(c.get('db'), c.req.valid('param').slug);
    if (!agency) throw notFound('Agency');
    const body = c.req.valid('json');
    const db = c.get('db');
    // Switched off first: refused, nothing else in the patch is written either.
    if (body.active === false && agency.active) {
      const holding = await deactivateAgency(db, agency.id);
      if (holding > 0) {
        throw new ApiError('conflict', 'The agency still holds complaints being handled', {
          details: [{ path: 'active', message: `Holds ${holding} complaint(s) forwarded or in progress: forward them to another agency first` }],
        });
      }
      // Its staff are signed out of it at once: open inbox sockets close (their next request
      // and every reconnect are refused while it is off; a socket this misses is closed at the
      // next message it would be told). Moderators watching the inbox reconnect.
      c.executionCtx.waitUntil(
        liveInbox(c.env, `agency:${agency.id}`)
          .disconnect(null, 'agency deactivated')
          .catch((err) => console.error('closing the inbox sockets failed', err)),
      );
    }
    const changes = { ...(body.name ? { name: body.name } : {}), ...(body.shortName !== undefined ? { shortName: body.shortName } : {}), ...(body.active ? { active: true } : {}) };
    // A patch naming nothing changes nothing (an UPDATE with no column is an error in drizzle).
    if (Object.keys(changes).length) await db.update(agencies).set(changes).where(eq(agencies.id, agency.id));
    return c.json(await findAgencyBySlug(db, agency.slug));
  })

  .get('/routing-rules', async (c) => {
    const rows = await c
      .get('db')
      .select({ id: routingRules.id, category: categories.slug, regencyCode: routingRules.regencyCode, agency: agencies.slug, rank: routingRules.rank, autoForward: routingRules.autoForward })
      .from(routingRules)
      .innerJoin(categories, eq(categories.id, routingRules.categoryId))
      .innerJoin(agencies, eq(agencies.id, routingRules.agencyId))
      .orderBy(asc(categories.sortOrder), asc(routingRules.regencyCode), asc(routingRules.rank));
    return c.json({ rules: rows });
  })
  .post('/routing-rules', validate('json', ruleBody), async (c) => {
    const body = c.req.valid('json');
    const db = c.get('db');
    const [category, agency] = await Promise.all([findCategoryBySlug(db, body.category), findAgencyBySlug(db, body.agency)]);
    if (!category) throw unknown('category', 'category');
    if (!agency) throw unknown('agency', 'agency');
    await checkRegency(db, body.regencyCode);
    // Routing passes an inactive agency by: a rule to it would never route anything.
    if (!agency.active) throw new ApiError('unprocessable', 'Inactive agency', { details: [{ path: 'agency', message: 'Inactive agency: activate it first' }] });
    const [row] = await db
      .insert(routingRules)
      .values({ categoryId: category.id, regencyCode: body.regencyCode ?? null, agencyId: agency.id, rank: body.rank, autoForward: body.autoForward })
      .returning({ id: routingRules.id });
    return c.json({ id: row!.id }, 201);
  })
  .delete('/routing-rules/:id', validate('param', z.object({ id: z.coerce.number().int().min(1) })), async (c) => {
    const [row] = await c.get('db').delete(routingRules).where(eq(routingRules.id, c.req.valid('param').id)).returning({ id: routingRules.id });
    if (!row) throw notFound('Routing rule');
    return c.body(null, 204);
  })
  // "A road complaint in Kabupaten Dompu goes to ..."
  .get('/routing-preview', validate('query', z.object({ category: slug, regency: regionCode })), async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    const category = await findCategoryBySlug(db, q.category);
    if (!category) throw unknown('category', 'category');
    const rule = pickRoutingRule(await listRoutingRules(db, category.id), { categoryId: category.id, regencyCode: q.regency });
    if (!rule) return c.json({ agency: null, autoForward: false, ruleScope: null });
    const [agency] = await db.select({ slug: agencies.slug, name: agencies.name, shortName: agencies.shortName }).from(agencies).where(eq(agencies.id, rule.agencyId));
    return c.json({ agency, autoForward: rule.autoForward, ruleScope: rule.regencyCode ? 'regency' : 'province' });
  });
