#!/usr/bin/env node
// `npm start`: NTB Care on this machine with all its parts. Installs what is missing,
// builds the client, applies the D1 migrations, seeds the demo accounts, starts
// `wrangler dev` (D1, R2, queue and dead-letter queue, LiveInbox, cron) and prints where.
// Safe to run again: migrations and seed only add what is missing.
// Runs first on whatever Node is on PATH (20 on a fresh machine) and only installs; the
// rest runs on the project's pinned Node 22.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  console.log('› Installing dependencies (npm ci)…');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (npm.status !== 0) process.exit(npm.status ?? 1);
}

const node22 = join(root, 'node_modules', '.bin', 'node');
if (Number(process.versions.node.split('.')[0]) < 22) {
  const again = spawnSync(node22, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const { applyMigrations, buildClient, driveCron, seedDemo, startWrangler } = await import('./local-stack.mjs');
const { DEMO_API_KEY, DEMO_PASSWORD, demoLogins } = await import('./seed-demo.mjs');

const port = Number(process.env.PORT ?? 8787);
const persistTo = join(root, '.wrangler', 'state');

console.log('› Building the client…');
buildClient();
console.log('› Applying D1 migrations…');
applyMigrations(persistTo);
console.log('› Seeding demo accounts…');
await seedDemo(persistTo);
console.log('› Starting wrangler dev…');
const server = await startWrangler({ port, persistTo });
driveCron(server.url);

const logins = demoLogins();
const agencies = logins.filter((l) => l.role === 'agency');
const agencyExamples = [...agencies.filter((l) => l.username === 'pdam-giri-menang'), ...agencies].slice(0, 3);
console.log(`
NTB Care is running at ${server.url}
  API:        ${server.url}/api/meta
  Health:     ${server.url}/api/health

Demo logins (password for all: ${DEMO_PASSWORD})
  moderator   ${logins.find((l) => l.role === 'moderator').username}
  admin       ${logins.find((l) => l.role === 'admin').username}
  agencies    ${agencyExamples.map((l) => l.username).join(', ')}, … (${logins.length - 2} in all, one per agency slug)

Open311 GeoReport v2: ${server.url}/open311/v2/discovery.json
  demo api_key  ${DEMO_API_KEY}
  try           curl ${server.url}/open311/v2/requests.json
                curl -d api_key=${DEMO_API_KEY} -d service_code=air-bersih -d 'attribute[village]=52.71.01.1004' \\
                     -d address_string='Jl. Saleh Sungkar' -d description='Air PDAM tidak mengalir sejak tiga hari.' \\
                     ${server.url}/open311/v2/requests.json

The cron (outbox re-send, upload clean-up) runs every minute. Ctrl+C stops it.\nData stays in .wrangler/state.
`);

const shutdown = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.child.once('exit', (code) => process.exit(code ?? 0));
