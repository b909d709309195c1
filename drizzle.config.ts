import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes migrations/NNNN_*.sql from worker/db/schema.ts;
// wrangler applies them (`wrangler d1 migrations apply DB`).
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './migrations',
});
