// Cross-site request forgery: a state-changing request from a browser must come from our
// own pages, whatever its content type (hono/csrf alone skips JSON bodies). A request with
// neither Sec-Fetch-Site nor Origin is not from a browser and is judged by its credentials.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { ApiError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOriginOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const ownOrigin = new URL(c.req.url).origin;
    const crossSite = site ? site !== 'same-origin' && site !== 'none' : origin ? origin !== ownOrigin : false;
    if (crossSite) throw new ApiError('forbidden', 'Cross-site request refused');
  }
  await next();
});
