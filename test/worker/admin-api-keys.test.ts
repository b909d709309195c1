// Administrators issue, list and revoke Open311 API keys; nobody else may.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../worker/auth/tokens';
import type { ApiKeyInfo, ApiKeyListResponse } from '../../worker/domain/api';
import { call, expectError } from './helpers';
import { expectErrors, issueApiKey, postRequest, requestForm } from './open311';
import { signIn } from './staff';

let admin: { cookie: string; username: string };
beforeAll(async () => {
  admin = await signIn('admin');
});

const keysCall = (cookie: string, path = '', body?: unknown, headers: Record<string, string> = {}) =>
  call(`/api/admin/api-keys${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const list = async () => (await (await keysCall(admin.cookie)).json<ApiKeyListResponse>()).apiKeys;

describe('/api/admin/api-keys', () => {
  it('issues a key shown once, and keeps only its hash and prefix', async () => {
    const issued = await issueApiKey(admin.cookie, 'Meja data Tempo');
    expect(issued.key).toMatch(/^ntbcare_[0-9a-f]{32}$/);
    expect(issued).toMatchObject({ name: 'Meja data Tempo', prefix: issued.key.slice(0, 12), createdBy: admin.username, lastUsedAt: null, revokedAt: null });

    const listed = (await list()).find((k) => k.id === issued.id)!;
    const { key: _key, ...shown } = issued;
    expect(listed).toEqual(shown);
    expect(JSON.stringify(await list())).not.toContain(issued.key);
    const stored = await env.DB.prepare('SELECT * FROM api_keys WHERE id = ?').bind(issued.id).first<Record<string, unknown>>();
    expect(JSON.stringify(stored)).not.toContain(issued.key);
    expect(stored!.key_hash).toBe(await sha256Hex(issued.key));
  });

  it('records when a key was last used', async () => {
    const issued = await issueApiKey(admin.cookie);
    expect((await postRequest('json', requestForm(issued.key))).status).toBe(201);
    const listed = (await list()).find((k) => k.id === issued.id)!;
    expect(Date.now() - Date.parse(listed.lastUsedAt!)).toBeLessThan(60_000);
  });

  it('revokes a key: Open311 refuses it from then on, and a second revoke keeps the first time', async () => {
    const issued = await issueApiKey(admin.cookie);
    expect((await postRequest('json', requestForm(issued.key))).status).toBe(201);
    const res = await keysCall(admin.cookie, `/${issued.id}/revoke`, {});
    expect(res.status).toBe(200);
    const revoked = await res.json<ApiKeyInfo>();
    expect(revoked.revokedAt).not.toBeNull();

    const [description] = await expectErrors(await postRequest('json', requestForm(issued.key)), await postRequest('xml', requestForm(issued.key)), 403);
    expect(description).toContain('revoked');
    const again = await (await keysCall(admin.cookie, `/${issued.id}/revoke`, {})).json<ApiKeyInfo>();
    expect(again.revokedAt).toBe(revoked.revokedAt);
    await expectError(await keysCall(admin.cookie, '/999999/revoke', {}), 404, 'not_found');
    await expectError(await keysCall(admin.cookie, '/nol/revoke', {}), 400, 'validation_failed');
  });

  it('wants a name', async () => {
    for (const body of [{}, { name: ' ' }, { name: 'x'.repeat(101) }, { name: 'Tempo', extra: 1 }]) {
      await expectError(await keysCall(admin.cookie, '', body), 400, 'validation_failed');
    }
  });

  it('is for administrators only, and only from our own pages', async () => {
    const issued = await issueApiKey(admin.cookie);
    for (const role of ['moderator', 'agency'] as const) {
      const { cookie } = await signIn(role, role === 'agency' ? 'pdam-giri-menang' : undefined);
      await expectError(await keysCall(cookie), 403, 'forbidden');
      await expectError(await keysCall(cookie, '', { name: 'Curian' }), 403, 'forbidden');
      await expectError(await keysCall(cookie, `/${issued.id}/revoke`, {}), 403, 'forbidden');
    }
    await expectError(await call('/api/admin/api-keys'), 401, 'unauthenticated');
    await expectError(await keysCall(admin.cookie, '', { name: 'Dari situs lain' }, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }), 403, 'forbidden');
    expect((await list()).find((k) => k.id === issued.id)?.revokedAt).toBeNull();
  });
});
