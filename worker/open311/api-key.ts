// Filing through Open311 takes an api_key an administrator issued (/api/admin/api-keys).
// Each key has its own rate limit, so one app cannot crowd out the others, and a bridge
// filing for many citizens from one server is not held to one citizen's limit.
import type { Context } from 'hono';
import { sha256Hex } from '../auth/tokens';
import { findApiKeyByHash } from '../db/api-keys';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { enforceRateLimit, type RateLimit } from '../http/rate-limit';

export const API_KEY_PREFIX = 'ntbcare_';
const keyShape = /^ntbcare_[0-9a-f]{32}$/;

export const apiKeyLimit: RateLimit = { name: 'open311-key', limit: 60, windowSeconds: 600 };

/** The key's record, counted against its limit; 403 when missing, unknown or revoked. */
export async function admitApiKey(c: Context<AppEnv>, key: string | undefined) {
  if (!key) throw new ApiError('forbidden', 'api_key required: NTB Care’s administrators issue them');
  const row = keyShape.test(key) ? await findApiKeyByHash(c.get('db'), await sha256Hex(key)) : undefined;
  if (!row) throw new ApiError('forbidden', 'Invalid api_key');
  if (row.revokedAt) throw new ApiError('forbidden', 'This api_key was revoked');
  await enforceRateLimit(c, apiKeyLimit, String(row.id));
  return row;
}
