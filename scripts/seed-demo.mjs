// Demo data for a local run only, never a production migration: staff accounts for the
// moderators, an admin, and one account per agency named after its slug, as at NTB Care's
// launch. Idempotent: running it again adds nothing and changes no password.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../worker/auth/password.ts';
import { root } from './local-stack.mjs';

export const DEMO_PASSWORD = 'ntbcare-demo';

const sqlText = (value) => `'${String(value).replaceAll("'", "''")}'`;

export function demoLogins() {
  const agencies = JSON.parse(readFileSync(join(root, 'data', 'agencies.json'), 'utf8'));
  return [
    { username: 'moderator', displayName: 'Moderator Diskominfotik', role: 'moderator' },
    { username: 'admin', displayName: 'Admin NTB Care', role: 'admin' },
    ...agencies.map((a) => ({ username: a.slug, displayName: a.shortName ?? a.name, role: 'agency', agency: a.slug })),
  ];
}

export async function demoSeedSql() {
  const statements = [];
  for (const login of demoLogins()) {
    const hash = await hashPassword(DEMO_PASSWORD);
    const values = [sqlText(login.username), sqlText(login.displayName), sqlText(login.role)];
    statements.push(
      login.agency
        ? `INSERT INTO users (username, display_name, role, agency_id, password_hash)
  SELECT ${values.join(', ')}, id, ${sqlText(hash)} FROM agencies WHERE slug = ${sqlText(login.agency)}
  ON CONFLICT (username) DO NOTHING;`
        : `INSERT INTO users (username, display_name, role, password_hash)
  VALUES (${values.join(', ')}, ${sqlText(hash)}) ON CONFLICT (username) DO NOTHING;`,
    );
  }
  return `${statements.join('\n')}\n`;
}
