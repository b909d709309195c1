// `GET/PUT /api/admin/targets`: the service-level targets in hours. A change applies to
// due times set from then on; complaints already due keep the time they were given.
import { Hono } from 'hono';
import { z } from 'zod';
import { loadTargets, saveTargets } from '../db/settings';
import { targetsFromHours, targetsToHours } from '../domain/sla';
import type { AppEnv } from '../http/env';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';

const hours = z.number().min(0.25, 'At least a quarter of an hour').max(24 * 30, 'At most 30 days');
export const targetsBody = z
  .object({ moderation: hours, urgent: hours, important: hours, normal: hours })
  .strict()
  // A more pressing priority never waits longer: urgent ≤ important ≤ normal.
  .superRefine((t, ctx) => {
    if (t.urgent > t.important) ctx.addIssue({ code: 'custom', path: ['urgent'], message: 'Longer than important' });
    if (t.important > t.normal) ctx.addIssue({ code: 'custom', path: ['important'], message: 'Longer than normal' });
  });

export const adminTargetRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('admin'))
  .get('/', async (c) => c.json(targetsToHours(await loadTargets(c.get('db')))))
  .put('/', validate('json', targetsBody), async (c) => {
    const targets = targetsFromHours(c.req.valid('json'));
    await saveTargets(c.get('db'), targets, new Date());
    return c.json(targetsToHours(targets));
  });
