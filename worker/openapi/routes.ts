// The API as the app registers it: every operation (method and path) with what its
// middleware does, read from Hono's own route list, the one that answers requests.
import type { RouterRoute } from 'hono/types';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import { middlewareInfo, type MiddlewareInfo } from '../http/described';
import { httpMethods, type HttpMethod } from './types';

export interface RegisteredOperation {
  method: HttpMethod;
  /** In OpenAPI's form: `/api/complaints/{code}`. */
  path: string;
  /** What the middleware on its way does (validation, staff check, rate limit), in order. */
  guards: MiddlewareInfo[];
}

/** Hono's `/complaints/:code` (or `:id{[0-9]+}`) as OpenAPI's `/complaints/{code}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

/** Whether middleware registered with `use(pattern)` runs for the route at `path`. */
export function patternCovers(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const have = path.split('/');
  for (const [i, segment] of want.entries()) {
    if (segment === '*' && i === want.length - 1) return true; // `/inbox/*` covers `/inbox` too
    const got = have[i];
    if (got === undefined) return false;
    const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
    if (segment === '*' || (param && (!param[1] || got.startsWith(':')))) continue;
    if (param ? !new RegExp(`^(?:${param[1]})$`).test(got) : segment !== got) return false;
  }
  return want.length === have.length;
}

/** The info of a handler, also when Hono wrapped it to apply a sub-app's own error handler. */
const infoOf = (handler: RouterRoute['handler']) =>
  middlewareInfo(handler) ?? middlewareInfo((handler as unknown as Record<string, object>)[COMPOSED_HANDLER] ?? {});

const isMethod = (method: string): method is HttpMethod => (httpMethods as readonly string[]).includes(method);

/** The operations under `prefix`, in the order they were registered. */
export function registeredOperations(routes: readonly RouterRoute[], prefix = '/api'): RegisteredOperation[] {
  const operations = new Map<string, RegisteredOperation & { first: number }>();
  routes.forEach((route, index) => {
    const method = route.method.toLowerCase();
    if (!isMethod(method) || !(route.path === prefix || route.path.startsWith(`${prefix}/`))) return;
    const key = `${method} ${route.path}`;
    const operation = operations.get(key) ?? { method, path: route.path, guards: [], first: index };
    operations.set(key, operation);
    const info = infoOf(route.handler);
    if (info) operation.guards.push(info);
  });
  return [...operations.values()].map(({ method, path, guards, first }) => ({
    method,
    path: openApiPath(path),
    // `use(...)` middleware runs before a handler only if registered before it.
    guards: [
      ...routes
        .slice(0, first)
        .filter((r) => r.method === 'ALL' && patternCovers(r.path, path))
        .flatMap((r) => infoOf(r.handler) ?? []),
      ...guards,
    ],
  }));
}
