import type { StaffUser } from '../auth/session';
import type { Database } from '../db/client';
import type { PendingCount } from './rate-limit';

/** Hono's environment for every route: bindings from wrangler.toml plus per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: { requestId: string; db: Database; staff?: StaffUser; sessionHash?: string; pendingCount?: PendingCount };
}
