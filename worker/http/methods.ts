// 405 Method Not Allowed: a path the API knows, asked with a method it does not answer there.
import type { Hono } from 'hono';
import type { RouterRoute } from 'hono/types';
import { ApiError } from './errors';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods some route of `app` answers at `path`, HEAD with GET. Middleware and catch-alls
 * (`use`, `all`: method ALL) answer every method and count for none.
 */
export function methodsAt(app: Hono<any>, path: string): string[] {
  const answered = METHODS.filter((method) => {
    const [matches] = app.router.match(method, path) as [[[unknown, RouterRoute], unknown][]];
    return matches.some(([[, route]]) => route.method === method);
  });
  return answered.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
}

/** The 405 for a request whose path `app` knows under other methods; undefined when it knows none. */
export function methodNotAllowed(app: Hono<any>, method: string, path: string): ApiError | undefined {
  const allowed = methodsAt(app, path);
  if (allowed.length === 0) return undefined;
  return new ApiError('method_not_allowed', `${method} is not answered at ${path}: use ${allowed.join(', ')}`, {
    headers: { Allow: allowed.join(', ') },
  });
}
