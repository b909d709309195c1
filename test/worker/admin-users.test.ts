import { describe, expect, it } from 'vitest';
import type { StaffAccount } from '../../worker/domain/api';
import { call, expectError } from './helpers';
import { login, signIn } from './staff';

const adminCall = (cookie: string, path: string, body?: unknown) =>
  call(`/api/admin/users${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ip = () => ({ 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

describe('/api/admin/users', () => {
  it('creates an agency account that can sign in, and refuses a taken username', async () => {
    const { cookie } = await signIn('admin');
    const res = await adminCall(cookie, '', { username: 'pdam-staf-2', displayName: 'Staf PDAM 2', role: 'agency', agency: 'pdam-giri-menang', password: 'kata-sandi-panjang-1' });
    expect(res.status).toBe(201);
    expect(await res.json<StaffAccount>()).toMatchObject({ username: 'pdam-staf-2', role: 'agency', agency: { slug: 'pdam-giri-menang' }, disabled: false });
    expect((await login('pdam-staf-2', 'kata-sandi-panjang-1', ip())).status).toBe(200);
    const taken = await expectError(
      await adminCall(cookie, '', { username: 'pdam-staf-2', displayName: 'X', role: 'moderator', password: 'kata-sandi-panjang-1' }),
      409,
      'conflict',
    );
    expect(taken.error.details?.[0]?.path).toBe('username');
  });

  it('validates roles, agencies and password length', async () => {
    const { cookie } = await signIn('admin');
    const base = { username: 'baru-satu', displayName: 'Baru', password: 'kata-sandi-panjang-1' };
    for (const [body, path] of [
      [{ ...base, role: 'agency' }, 'agency'],
      [{ ...base, role: 'moderator', agency: 'pdam-giri-menang' }, 'agency'],
      [{ ...base, role: 'boss' }, 'role'],
      [{ ...base, role: 'moderator', password: 'pendek' }, 'password'],
      [{ ...base, username: 'A B', role: 'moderator' }, 'username'],
    ] as const) {
      const err = await expectError(await adminCall(cookie, '', body), 400, 'validation_failed');
      expect(err.error.details?.map((d) => d.path)).toContain(path);
    }
  });

  it('disables an account, signing it out at once, and enables it again', async () => {
    const { cookie } = await signIn('admin');
    const target = await signIn('moderator');
    const res = await adminCall(cookie, `/${target.username}/disable`, {});
    expect((await res.json<StaffAccount>()).disabled).toBe(true);
    await expectError(await call('/api/auth/me', { headers: { Cookie: target.cookie } }), 401, 'unauthenticated');
    expect((await (await adminCall(cookie, `/${target.username}/enable`, {})).json<StaffAccount>()).disabled).toBe(false);
    // The old session stays ended.
    await expectError(await call('/api/auth/me', { headers: { Cookie: target.cookie } }), 401, 'unauthenticated');
  });

  it('resets a password, signing the account out', async () => {
    const { cookie } = await signIn('admin');
    const target = await signIn('agency', 'rsud-provinsi-ntb');
    expect((await adminCall(cookie, `/${target.username}/password`, { password: 'sandi-baru-yang-panjang' })).status).toBe(204);
    await expectError(await call('/api/auth/me', { headers: { Cookie: target.cookie } }), 401, 'unauthenticated');
    expect((await login(target.username, 'sandi-baru-yang-panjang', ip())).status).toBe(200);
  });

  it('lists and filters accounts', async () => {
    const { cookie } = await signIn('admin');
    await signIn('agency', 'bpbd-ntb');
    const all = await (await adminCall(cookie, '?agency=bpbd-ntb')).json<{ users: StaffAccount[] }>();
    expect(all.users.length).toBeGreaterThan(0);
    expect(all.users.every((u) => u.agency?.slug === 'bpbd-ntb')).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/pbkdf2|password/i);
  });

  it('is for administrators only, and an admin cannot disable themself', async () => {
    const admin = await signIn('admin');
    await expectError(await adminCall(admin.cookie, `/${admin.username}/disable`, {}), 409, 'conflict');
    await expectError(await adminCall(admin.cookie, '/tidak-ada-orang/disable', {}), 404, 'not_found');
    for (const role of ['moderator', 'agency'] as const) {
      const { cookie } = await signIn(role, role === 'agency' ? 'bpbd-ntb' : undefined);
      await expectError(await adminCall(cookie, ''), 403, 'forbidden');
    }
    await expectError(await call('/api/admin/users'), 401, 'unauthenticated');
  });
});
