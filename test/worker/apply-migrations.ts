import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Storage is isolated per test file; every file starts from the migrated schema and the
// reference data, exactly as `wrangler d1 migrations apply` leaves a new database.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
