import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

// Three projects, one `vitest run`:
// - worker: the API, queue consumer, cron and Durable Object in workerd with real bindings;
// - web: SolidJS components in jsdom;
// - e2e: the built client in headless Chromium against `wrangler dev`.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                APP_ENV: 'test',
                // Retry failing queue messages at once, so a poison message reaches the
                // dead-letter queue within a test.
                QUEUE_RETRY_BASE_SECONDS: '0',
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // Some tests send a hundred requests (rate limits); CI's machine is shared and slow.
          testTimeout: 30_000,
          setupFiles: ['test/worker/apply-migrations.ts'],
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'web',
          environment: 'jsdom',
          testTimeout: 15_000,
          include: ['test/web/**/*.test.{ts,tsx}'],
          setupFiles: ['test/web/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
