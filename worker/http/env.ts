import type { Database } from '../db/client';

/** Hono's environment for every route: bindings from wrangler.toml plus per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: { requestId: string; db: Database };
}
