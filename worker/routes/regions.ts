import { Hono } from 'hono';
import { z } from 'zod';
import { regionWithChildren } from '../db/regions';
import { notFound } from '../http/errors';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';

/** Official codes: `52`, `52.01`, `52.01.01`, `52.01.01.2001`. */
export const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Expected an official region code like 52.01.01');

export const regionRoutes = new Hono<AppEnv>().get(
  '/:code',
  validate('param', z.object({ code: regionCode })),
  async (c) => {
    const found = await regionWithChildren(c.get('db'), c.req.valid('param').code);
    if (!found) throw notFound('Region');
    c.header('Cache-Control', 'public, max-age=3600, stale-while-revalidate=86400');
    return c.json(found);
  },
);
