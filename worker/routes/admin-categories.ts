// `/api/admin/categories`: administrators add, rename, re-prioritise and deactivate
// complaint categories. A deactivated category leaves /api/meta (citizens no longer see
// it) and new complaints in it are refused; existing ones keep it.
import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { slug } from './slug';
import { findCategoryBySlug } from '../db/complaints';
import { categories } from '../db/schema';
import { priorities } from '../domain/vocabulary';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';

const name = z.string().trim().min(2).max(80);
const description = z.string().trim().max(300);
const icon = z.string().trim().max(16).nullish();
const sortOrder = z.number().int().min(0).max(9999);

const createBody = z
  .object({ slug, nameId: name, nameEn: name, descriptionId: description.optional(), descriptionEn: description.optional(), defaultPriority: z.enum(priorities), icon, sortOrder: sortOrder.optional() })
  .strict();
const patchBody = z
  .object({ nameId: name.optional(), nameEn: name.optional(), descriptionId: description.optional(), descriptionEn: description.optional(), defaultPriority: z.enum(priorities).optional(), icon, sortOrder: sortOrder.optional(), active: z.boolean().optional() })
  .strict();

const shape = ({ id: _id, ...c }: typeof categories.$inferSelect) => c;

export const adminCategoryRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('admin'))
  .get('/', async (c) => {
    const rows = await c.get('db').select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.nameId));
    return c.json({ categories: rows.map(shape) });
  })
  .post('/', validate('json', createBody), async (c) => {
    const b = c.req.valid('json');
    const [row] = await c
      .get('db')
      .insert(categories)
      .values({ slug: b.slug, nameId: b.nameId, nameEn: b.nameEn, descriptionId: b.descriptionId ?? '', descriptionEn: b.descriptionEn ?? '', defaultPriority: b.defaultPriority, icon: b.icon ?? null, sortOrder: b.sortOrder ?? 500 })
      .onConflictDoNothing({ target: categories.slug })
      .returning();
    if (!row) throw new ApiError('conflict', 'A category with this slug exists', { details: [{ path: 'slug', message: 'Taken' }] });
    return c.json(shape(row), 201);
  })
  .patch('/:slug', validate('param', z.object({ slug })), validate('json', patchBody), async (c) => {
    const db = c.get('db');
    const category = await findCategoryBySlug(db, c.req.valid('param').slug);
    if (!category) throw notFound('Category');
    const changes = Object.fromEntries(Object.entries(c.req.valid('json')).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length) await db.update(categories).set(changes).where(eq(categories.id, category.id));
    return c.json(shape((await findCategoryBySlug(db, category.slug))!));
  });
