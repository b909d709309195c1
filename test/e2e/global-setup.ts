// Once for all end-to-end tests: the built client and a fresh local stack on a free port,
// exactly as `npm start` runs it, with its own database.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations, buildClient, freePort, root, seedDemo, startWrangler } from '../../scripts/local-stack.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // A fresh directory of its own, so that two runs on one machine never share a database.
  mkdirSync(join(root, '.wrangler'), { recursive: true });
  const persistTo = mkdtempSync(join(root, '.wrangler', 'e2e-state-'));
  buildClient();
  applyMigrations(persistTo);
  await seedDemo(persistTo);
  const server = await startWrangler({ port: await freePort(), persistTo, quiet: true });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
