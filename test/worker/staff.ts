// Staff accounts for tests, and their signed-in requests.
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { hashPassword } from '../../worker/auth/password';
import type { StaffRole } from '../../worker/domain/vocabulary';
import { call } from './helpers';
import { sessionCookie } from '../support/session-cookie';

let counter = 0;
const passwordHashes = new Map<string, Promise<string>>();

export async function createStaff(role: StaffRole, agencySlug?: string, password = 'sandi-rahasia-123') {
  counter++;
  const username = `${role}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
  const hash = await (passwordHashes.get(password) ?? passwordHashes.set(password, hashPassword(password)).get(password)!);
  await env.DB.prepare(
    'INSERT INTO users (username, display_name, role, agency_id, password_hash) VALUES (?, ?, ?, (SELECT id FROM agencies WHERE slug = ?), ?)',
  )
    .bind(username, `Petugas ${counter}`, role, agencySlug ?? null, hash)
    .run();
  return { username, password };
}

export function login(username: string, password: string, headers: Record<string, string> = {}) {
  return call('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

/** Signs in and returns the Cookie header value for later requests. */
export async function signIn(role: StaffRole, agencySlug?: string): Promise<{ cookie: string; username: string }> {
  const { username, password } = await createStaff(role, agencySlug);
  const res = await login(username, password);
  expect(res.status).toBe(200);
  return { cookie: sessionCookie(res), username };
}
