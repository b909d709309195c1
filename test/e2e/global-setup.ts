// Once for all end-to-end tests: the built client and a fresh local stack on a free port,
// exactly as `npm start` runs it, with its own database.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations, buildClient, freePort, root, seedDemo, startWrangler } from '../../scripts/local-stack.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const persistTo = join(root, '.wrangler', 'e2e-state');
  rmSync(persistTo, { recursive: true, force: true });
  buildClient();
  applyMigrations(persistTo);
  await seedDemo(persistTo);
  const server = await startWrangler({ port: await freePort(), persistTo, quiet: true });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
  };
}
