#!/usr/bin/env node
// Creates the first administrator of a deployed NTB Care (no migration creates accounts):
//   ADMIN_PASSWORD='a long secret' npm run admin:create -- <username> [--local]
// Runs on the project's Node 22 (through npm), which reads the TypeScript hasher directly.
import { spawnSync } from 'node:child_process';
import { hashPassword } from '../worker/auth/password.ts';
import { node22, offlineEnv, root } from './local-stack.mjs';

const args = process.argv.slice(2);
const username = args.find((a) => !a.startsWith('--'));
const where = args.includes('--local') ? '--local' : '--remote';
const password = process.env.ADMIN_PASSWORD ?? '';

if (!username || !/^[a-z][a-z0-9._-]{2,39}$/.test(username)) {
  console.error('usage: ADMIN_PASSWORD=... npm run admin:create -- <username: a-z, 0-9, . _ -> [--local]');
  process.exit(2);
}
if (password.length < 12) {
  console.error('ADMIN_PASSWORD must hold at least 12 characters');
  process.exit(2);
}

const hash = await hashPassword(password);
const sql = `INSERT INTO users (username, display_name, role, password_hash) VALUES ('${username}', 'Administrator', 'admin', '${hash}')`;
const result = spawnSync(
  node22,
  ['node_modules/wrangler/bin/wrangler.js', 'd1', 'execute', 'DB', where, '--command', sql],
  { cwd: root, env: where === '--local' ? offlineEnv : process.env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
