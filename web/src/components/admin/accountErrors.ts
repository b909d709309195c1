// The create form's checks, and the API's refusals put into the admin's words.
import type { CreateStaffRequest } from '../../../../worker/domain/api';
import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { PASSWORD_MIN, USERNAME_PATTERN } from './accountRules';

export const accountFields = ['role', 'agency', 'username', 'displayName', 'password'] as const;
export type AccountField = (typeof accountFields)[number];
export type FieldErrors = Partial<Record<AccountField, MessageKey>>;

export interface AccountDraft {
  role: CreateStaffRequest['role'] | '';
  agency: string;
  username: string;
  displayName: string;
  password: string;
}

export const passwordError = (password: string): MessageKey | undefined =>
  password.length < PASSWORD_MIN ? 'admin.error.passwordShort' : undefined;

export function checkAccount(draft: AccountDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.role) errors.role = 'admin.error.roleMissing';
  if (draft.role === 'agency' && !draft.agency) errors.agency = 'admin.error.agencyMissing';
  if (!USERNAME_PATTERN.test(draft.username)) errors.username = 'admin.error.username';
  if (!draft.displayName.trim()) errors.displayName = 'admin.error.displayNameMissing';
  const password = passwordError(draft.password);
  if (password) errors.password = password;
  return errors;
}

/** What the server's own words mean for each field (its messages are for developers). */
const serverFieldKeys: Record<AccountField, MessageKey> = {
  role: 'admin.error.roleMissing',
  agency: 'admin.error.agency',
  username: 'admin.error.username',
  displayName: 'admin.error.displayName',
  password: 'admin.error.passwordShort',
};

const isField = (name: string | undefined): name is AccountField =>
  (accountFields as readonly (string | undefined)[]).includes(name);

/** A refused creation: errors on the fields it names, or one for the whole form. */
export function createErrors(error: unknown): { fields: FieldErrors; form?: MessageKey } {
  if (error instanceof ApiError && error.code === 'conflict') {
    return { fields: { username: 'admin.error.usernameTaken' } };
  }
  if (error instanceof ApiError && error.code === 'validation_failed') {
    const fields: FieldErrors = {};
    for (const issue of error.details) {
      const field = issue.path.split('.')[0];
      if (isField(field)) fields[field] ??= serverFieldKeys[field];
    }
    if (Object.keys(fields).length > 0) return { fields };
    return { fields, form: 'admin.error.invalid' };
  }
  return { fields: {}, form: actionErrorKey(error) };
}

/** Any admin action that failed. */
export function actionErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'network';
  if (code === 'unauthenticated') return 'admin.error.signedOut';
  if (code === 'forbidden') return 'admin.error.forbidden';
  if (code === 'not_found') return 'admin.error.gone';
  if (code === 'validation_failed') return 'admin.error.invalid';
  return errorMessageKey(error);
}
