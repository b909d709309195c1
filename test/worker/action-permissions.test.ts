// Role × action × own/other agency: each cell the answer DESIGN.md gives. 401 without a
// session, 403 for a role the action is not for, 404 for a complaint outside the caller's
// reach, 200 where the lifecycle allows it.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { newCitizen } from './citizen';
import { call } from './helpers';
import { signIn } from './staff';

type Who = 'nobody' | 'moderator' | 'admin' | 'own agency' | 'other agency';
const cookies: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  cookies.moderator = (await signIn('moderator')).cookie;
  cookies.admin = (await signIn('admin')).cookie;
  cookies['own agency'] = (await signIn('agency', 'pdam-giri-menang')).cookie;
  cookies['other agency'] = (await signIn('agency', 'dinas-pupr-ntb')).cookie;
});

/** A fresh complaint in the status the action starts from. */
async function complaintFor(action: string) {
  const { code } = await newCitizen().fileOk();
  if (action === 'return') {
    await env.DB.prepare("UPDATE complaints SET status = 'forwarded', agency_id = (SELECT id FROM agencies WHERE slug = 'pdam-giri-menang') WHERE code = ?")
      .bind(code)
      .run();
  }
  return code;
}

const bodies: Record<string, Record<string, unknown>> = {
  forward: { version: 1, agency: 'pdam-giri-menang', priority: 'normal' },
  reject: { version: 1, reason: 'spam' },
  correct: { version: 1, title: 'Judul yang sudah dibetulkan' },
  return: { version: 1, reason: 'Bukan tanggung jawab kami' },
};

const expected: Record<string, Record<Who, number>> = {
  forward: { nobody: 401, moderator: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
  reject: { nobody: 401, moderator: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
  correct: { nobody: 401, moderator: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
  return: { nobody: 401, moderator: 403, admin: 403, 'own agency': 200, 'other agency': 404 },
};

describe('staff action permission matrix', () => {
  for (const [action, row] of Object.entries(expected)) {
    for (const [who, status] of Object.entries(row) as [Who, number][]) {
      it(`${action} by ${who} → ${status}`, async () => {
        const code = await complaintFor(action);
        const res = await call(`/api/complaints/${code}/${action}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(cookies[who] ? { Cookie: cookies[who] } : {}) },
          body: JSON.stringify(bodies[action]),
        });
        expect(res.status).toBe(status);
        const after = await env.DB.prepare('SELECT version FROM complaints WHERE code = ?').bind(code).first<{ version: number }>();
        expect(after!.version).toBe(status === 200 ? 2 : 1);
      });
    }
  }
});
