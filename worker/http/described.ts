// What a middleware does, recorded when it is made, so that the OpenAPI document
// (worker/openapi) is read off the middleware each route really runs and cannot drift.
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { StaffRole } from '../domain/vocabulary';
import type { RateLimit } from './rate-limit';

export type MiddlewareInfo =
  | { kind: 'validate'; target: keyof ValidationTargets; schema: z.ZodType }
  | { kind: 'staff'; roles: StaffRole[] }
  | { kind: 'rateLimit'; rule: RateLimit };

const infos = new WeakMap<object, MiddlewareInfo>();

/** The middleware itself, remembered with what it does. */
export function describedAs<M extends object>(middleware: M, info: MiddlewareInfo): M {
  infos.set(middleware, info);
  return middleware;
}

export const middlewareInfo = (handler: object): MiddlewareInfo | undefined => infos.get(handler);
