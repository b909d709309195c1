// zod at the edge of every route, with one hook that turns a failure into the error shape.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { ErrorIssue } from '../domain/api';
import { describedAs } from './described';
import { ApiError } from './errors';

export function issuesOf(error: z.core.$ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

const zodValidator = <T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new ApiError('validation_failed', `Invalid ${target}`, {
        details: issuesOf(result.error),
      });
    }
  });

/** Validates one part of the request; the OpenAPI document reads its schema from here. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  describedAs(zodValidator(target, schema), { kind: 'validate', target, schema });
