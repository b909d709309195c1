// A failed settings action in the admin's words. Unlike on the accounts page, what went
// missing is an agency, a category, a rule or a message, and a 422 means the server no
// longer knows something the form named (an agency or category changed meanwhile).
import { ApiError } from '../../../api/client';
import type { MessageKey } from '../../../i18n';
import { actionErrorKey } from '../accountErrors';

export function settingsErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : undefined;
  if (code === 'not_found') return 'admin.settings.gone';
  if (code === 'unprocessable') return 'admin.error.invalid';
  // Switching off an agency that still holds complaints being handled.
  if (code === 'conflict' && (error as ApiError).details.some((issue) => issue.path === 'active')) return 'admin.agencies.stillHolding';
  return actionErrorKey(error);
}

/** The fields among `fields` that a 400's details name (by the first part of their path). */
export function refusedFields<F extends string>(error: unknown, fields: readonly F[]): F[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const named = new Set(error.details.map((issue) => issue.path.split('.')[0]));
  return fields.filter((field) => named.has(field));
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'conflict';
