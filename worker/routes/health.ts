import { Hono } from 'hono';
import type { HealthResponse } from '../domain/api';
import type { AppEnv } from '../http/env';

export const healthRoutes = new Hono<AppEnv>().get('/', (c) =>
  c.json<HealthResponse>({ status: 'ok', time: new Date().toISOString() }),
);
