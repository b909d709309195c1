import { Hono } from 'hono';
import { loadMeta } from '../db/meta';
import { ntbBounds } from '../domain/api';
import type { AppEnv } from '../http/env';

export const metaRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const meta = await loadMeta(c.get('db'), {
    // Configurable per deployment; an empty value turns the map's tiles off (pins still show).
    tileUrl: c.env.MAP_TILE_URL || null,
    attribution: c.env.MAP_ATTRIBUTION ?? '',
    bounds: ntbBounds,
  });
  // Reference data changes rarely; let phones and the edge keep it for a few minutes.
  c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
  return c.json(meta);
});
