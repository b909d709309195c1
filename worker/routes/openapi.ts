// `GET /api/openapi.json`: the OpenAPI 3.1 document of this API, read off the routes the
// app registers (worker/openapi), so that it says what the API does.
import { Hono } from 'hono';
import type { RouterRoute } from 'hono/types';
import { cookieName } from '../auth/session';
import type { AppEnv } from '../http/env';
import { apiDocument } from '../openapi/document';
import type { OpenApiDocument } from '../openapi/types';

/** `routes` is asked at the first request, when the app has registered them all. */
export function openApiRoutes(routes: () => readonly RouterRoute[]) {
  // The routes never change in a running Worker; the origin and the cookie's name (HTTPS
  // or not) are nearly always the same, so the last document is kept.
  let last: { key: string; document: OpenApiDocument } | undefined;
  return new Hono<AppEnv>().get('/', (c) => {
    const at = { origin: new URL(c.req.url).origin, sessionCookie: cookieName(c) };
    const key = `${at.origin} ${at.sessionCookie}`;
    if (last?.key !== key) last = { key, document: apiDocument(routes(), at) };
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return c.json(last.document);
  });
}
