// `GET /api/stats?from=YYYY-MM-DD&to=YYYY-MM-DD`: the public dashboard's figures for a
// period of WITA days (default: the last 90), from the per-day rollups (db/stats.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import { loadStats } from '../db/stats';
import type { StatsResponse } from '../domain/api';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { DAY_MS, witaDate, witaMidnight } from '../domain/wita';
import { calendarDay } from './calendar-day';


export const statsRoutes = new Hono<AppEnv>().get('/', validate('query', z.object({ from: calendarDay.optional(), to: calendarDay.optional() })), async (c) => {
  const q = c.req.valid('query');
  const now = Date.now();
  const to = q.to ?? witaDate(now);
  const from = q.from ?? witaDate(witaMidnight(to) - 89 * DAY_MS);
  const fromMs = witaMidnight(from);
  const toMs = witaMidnight(to) + DAY_MS; // the whole last day
  if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs >= toMs) {
    throw new ApiError('validation_failed', 'Invalid period', { details: [{ path: 'from', message: 'from must be a real date on or before to' }] });
  }
  if (toMs - fromMs > 3 * 366 * DAY_MS) {
    throw new ApiError('validation_failed', 'Period too long', { details: [{ path: 'from', message: 'At most three years' }] });
  }
  const figures = await loadStats(c.env.DB, { fromMs, toMs }, now);
  const body: StatsResponse = {
    from,
    to,
    computedAt: new Date(now).toISOString(),
    total: Object.values(figures.byStatus).reduce((a, b) => a + (b ?? 0), 0),
    ...figures,
  };
  c.header('Cache-Control', 'public, max-age=60');
  return c.json(body);
});
