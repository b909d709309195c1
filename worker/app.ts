// The Hono app: middleware shared by every route, then one sub-app per resource.
import { Hono } from 'hono';
import type { RouterRoute } from 'hono/types';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { createDb } from './db/client';
import { ApiError, errorResponse, toApiError } from './http/errors';
import type { AppEnv } from './http/env';
import { methodNotAllowed } from './http/methods';
import { healthRoutes } from './routes/health';
import { metaRoutes } from './routes/meta';
import { regionRoutes } from './routes/regions';
import { complaintRoutes } from './routes/complaints';
import { photoRoutes } from './routes/photos';
import { uploadRoutes } from './routes/uploads';
import { authRoutes } from './routes/auth';
import { moderationRoutes } from './routes/moderation';
import { adminUserRoutes } from './routes/admin-users';
import { adminDeadLetterRoutes } from './routes/admin-dead-letters';
import { inboxRoutes } from './routes/inbox';
import { liveRoutes } from './routes/live';
import { reporterActionRoutes } from './routes/reporter-actions';
import { statsRoutes } from './routes/stats';
import { exportRoutes } from './routes/export';
import { adminRoutingRoutes } from './routes/admin-routing';
import { adminTargetRoutes } from './routes/admin-targets';
import { adminCategoryRoutes } from './routes/admin-categories';
import { adminApiKeyRoutes } from './routes/admin-api-keys';
import { agencyActionRoutes, moderatorActionRoutes } from './routes/complaint-actions';
import { openApiRoutes } from './routes/openapi';
import { sameOriginOnly } from './http/same-origin';
import { open311Routes, otherOpen311Routes } from './open311/routes';

const api = new Hono<AppEnv>()
  .route('/health', healthRoutes)
  .route('/meta', metaRoutes)
  .route('/regions', regionRoutes)
  .route('/uploads', uploadRoutes)
  .route('/complaints', complaintRoutes)
  .route('/complaints', moderatorActionRoutes)
  .route('/complaints', agencyActionRoutes)
  .route('/complaints', reporterActionRoutes)
  .route('/photos', photoRoutes)
  .route('/auth', authRoutes)
  .route('/moderation', moderationRoutes)
  .route('/admin/users', adminUserRoutes)
  .route('/admin/dead-letters', adminDeadLetterRoutes)
  .route('/inbox', inboxRoutes)
  .route('/live', liveRoutes)
  .route('/stats', statsRoutes)
  .route('/export', exportRoutes)
  .route('/admin/targets', adminTargetRoutes)
  .route('/admin/categories', adminCategoryRoutes)
  .route('/admin/api-keys', adminApiKeyRoutes)
  .route('/admin', adminRoutingRoutes)
  // Read at the first request, when `app` holds every route (worker/openapi).
  .route('/openapi.json', openApiRoutes((): readonly RouterRoute[] => app.routes));

export const app = new Hono<AppEnv>()
  .use(requestId({ headerName: 'X-Request-Id' }))
  .use(
    '/api/*',
    secureHeaders({
      // API responses (JSON and photos) are data, never documents: nothing in them may
      // run, load or be framed, even when opened directly.
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], sandbox: [] },
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
      // A handler's own choice stands (photos the public may see are cross-origin).
      overwrite: false,
    }),
  )
  .use('/api/*', sameOriginOnly)
  .use('/api/*', async (c, next) => {
    c.set('db', createDb(c.env.DB));
    await next();
  })
  .route('/api', api)
  .use(
    '/open311/*',
    // Data for other sites' apps: nothing in it may run or be framed.
    secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], sandbox: [] }, crossOriginResourcePolicy: 'cross-origin' }),
  )
  .route('/open311/v2', open311Routes)
  .route('/open311', otherOpen311Routes);

app.notFound((c) => {
  const path = new URL(c.req.url).pathname;
  if (path.startsWith('/api/') || path === '/api') {
    return errorResponse(c, methodNotAllowed(app, c.req.method, path) ?? new ApiError('not_found', `No route for ${c.req.method} ${path}`));
  }
  // Everything else is the client's, served from the static assets.
  return c.env.ASSETS.fetch(c.req.raw);
});

app.onError((err, c) => {
  const apiError = toApiError(err);
  if (apiError.status >= 500) console.error('unhandled error', c.get('requestId'), err);
  return errorResponse(c, apiError);
});

export type AppType = typeof api;
