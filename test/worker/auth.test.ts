import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../worker/auth/session';
import { loginLimits } from '../../worker/routes/auth';
import { countRows } from './citizen';
import { call, expectError } from './helpers';
import { sessionCookie } from '../support/session-cookie';
import { createStaff, login, signIn } from './staff';

const me = (cookie: string) => call('/api/auth/me', { headers: { Cookie: cookie } });
const deviceCookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('__Host-ntbcare_device='))!;
const tokenOf = (cookie: string) => cookie.split(';')[0]!.split('=')[1]!;
let clients = 0;
/** An address no other sign-in of this file uses (limits count per client). */
const ip = () => ({ 'CF-Connecting-IP': `198.51.${100 + (++clients >> 8)}.${clients & 255}` });

describe('staff sign-in', () => {
  it('signs in with an HttpOnly session cookie and knows who is signed in', async () => {
    const { username, password } = await createStaff('agency', 'pdam-giri-menang');
    const res = await login(username, password, ip());
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-ntbcare_session='))!;
    expect(cookie).toMatch(/^__Host-ntbcare_session=[0-9a-f]{32};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const body = await res.json<{ user: { username: string; role: string; agency: { slug: string } } }>();
    expect(body.user).toMatchObject({ username, role: 'agency', agency: { slug: 'pdam-giri-menang' } });

    const who = await me(cookie.split(';')[0]!);
    expect(who.status).toBe(200);
    expect((await who.json<{ user: { username: string } }>()).user.username).toBe(username);
    // Only the token's hash is stored.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE token_hash = ?').bind(token).first<{ n: number }>();
    expect(stored!.n).toBe(0);
  });

  it('gives a new token at every sign-in', async () => {
    const { username, password } = await createStaff('moderator');
    const a = sessionCookie(await login(username, password, ip()));
    const b = sessionCookie(await login(username, password, ip()));
    expect(a).not.toBe(b);
  });

  it('says the same for a wrong password and an unknown username', async () => {
    const { username } = await createStaff('moderator');
    const wrong = await expectError(await login(username, 'salah-salah', ip()), 401, 'unauthenticated');
    const unknown = await expectError(await login('tidak-ada-orangnya', 'salah-salah', ip()), 401, 'unauthenticated');
    expect(wrong.error.message).toBe(unknown.error.message);
  });

  it('stops a guesser at one address without locking the staff member out elsewhere', async () => {
    const { username, password } = await createStaff('agency', 'pdam-giri-menang');
    const guesser = ip();
    for (let i = 0; i < loginLimits.perUsernameAndClient; i++) await expectError(await login(username, 'tebakan', guesser), 401, 'unauthenticated');
    const res = await login(username, password, guesser);
    await expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Agency usernames are public: anyone could otherwise keep an agency out of its inbox.
    expect((await login(username, password, ip())).status).toBe(200);
  });

  it('limits failed sign-ins per username across addresses, for guessing from many', async () => {
    const { username, password } = await createStaff('admin');
    const tries = Array.from({ length: loginLimits.perUsername + 10 }, (_, i) => login(username, `tebakan-${i}`, ip()));
    const answers = await Promise.all(tries);
    // Sent at once: each holds its place before its password is checked.
    expect(answers.filter((res) => res.status === 401)).toHaveLength(loginLimits.perUsername);
    expect(answers.filter((res) => res.status === 429)).toHaveLength(10);
    await expectError(await login(username, password, ip()), 429, 'rate_limited');
  });

  it('lets staff in from a browser they signed in from while guessing from many addresses holds their username', async () => {
    const { username, password } = await createStaff('agency', 'pdam-giri-menang');
    const first = await login(username, password, ip());
    expect(first.status).toBe(200);
    const deviceCookie = deviceCookieOf(first);
    expect(deviceCookie).toMatch(/^__Host-ntbcare_device=[0-9a-f]{32};/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) expect(deviceCookie).toContain(flag);
    const fromDevice = (token: string) => ({ ...ip(), Cookie: `__Host-ntbcare_device=${token}` });
    const device = tokenOf(deviceCookie);

    await Promise.all(Array.from({ length: loginLimits.perUsername }, (_, i) => login(username, `tebakan-${i}`, ip())));
    await expectError(await login(username, password, ip()), 429, 'rate_limited');
    // The same browser, at yet another address: in.
    expect((await login(username, password, fromDevice(device))).status).toBe(200);
    // Someone else's known browser, or a made-up token, lifts nothing.
    const colleague = await createStaff('agency', 'pdam-giri-menang');
    const theirs = tokenOf(deviceCookieOf(await login(colleague.username, colleague.password, ip())));
    await expectError(await login(username, password, fromDevice(theirs)), 429, 'rate_limited');
    await expectError(await login(username, password, fromDevice('a'.repeat(32))), 429, 'rate_limited');
  });

  it('lets no more than the limit of guesses sent at once from one address be checked', async () => {
    const { username, password } = await createStaff('agency', 'pdam-giri-menang');
    const guesser = ip();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(username, `tebakan-${i}`, guesser)));
    expect(answers.filter((res) => res.status === 401)).toHaveLength(loginLimits.perUsernameAndClient);
    expect(answers.every((res) => res.status === 401 || res.status === 429)).toBe(true);
    await expectError(await login(username, password, guesser), 429, 'rate_limited');
    // Sign-ins that succeed are no failures: a whole office behind one address signs in.
    const office = ip();
    const staff = await Promise.all(Array.from({ length: 3 }, () => createStaff('agency', 'pdam-giri-menang')));
    for (let i = 0; i < 24; i++) expect((await login(staff[i % 3]!.username, staff[i % 3]!.password, office)).status).toBe(200);
  });

  it('limits failed sign-ins per client, whatever the username', async () => {
    const client = ip();
    for (let i = 0; i < loginLimits.perClient; i++) await login(`orang-${i}`, 'tebakan', client);
    const { username, password } = await createStaff('moderator');
    await expectError(await login(username, password, client), 429, 'rate_limited');
    expect((await login(username, password, ip())).status).toBe(200);
    // Refused, tries write nothing: a flood of new usernames adds no rows to count them.
    const rows = await countRows('rate_limits');
    for (let i = 0; i < 10; i++) await expectError(await login(`lain-${i}`, 'tebakan', client), 429, 'rate_limited');
    expect(await countRows('rate_limits')).toBe(rows);
  });

  it('ends the session at sign-out', async () => {
    const { cookie } = await signIn('moderator');
    expect((await me(cookie)).status).toBe(200);
    const out = await call('/api/auth/logout', { method: 'POST', headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    await expectError(await me(cookie), 401, 'unauthenticated');
  });

  it('ends a session idle too long, one past its absolute expiry, and those of a disabled account', async () => {
    const idle = await signIn('moderator');
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE user_id = (SELECT id FROM users WHERE username = ?)')
      .bind(Date.now() - SESSION_IDLE_MS - 1000, idle.username)
      .run();
    await expectError(await me(idle.cookie), 401, 'unauthenticated');

    const old = await signIn('moderator');
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE username = ?)')
      .bind(Date.now() - 1000, old.username)
      .run();
    await expectError(await me(old.cookie), 401, 'unauthenticated');
    expect(SESSION_ABSOLUTE_MS).toBeGreaterThan(SESSION_IDLE_MS);

    const disabled = await signIn('agency', 'dinas-pupr-ntb');
    await env.DB.prepare('UPDATE users SET disabled_at = ? WHERE username = ?').bind(Date.now(), disabled.username).run();
    await expectError(await me(disabled.cookie), 401, 'unauthenticated');
  });

  it('refuses a cross-site sign-in form post', async () => {
    const { username, password } = await createStaff('moderator');
    await expectError(await login(username, password, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }), 403, 'forbidden');
  });

  it('refuses a malformed sign-in with 400', async () => {
    const res = await call('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":' });
    await expectError(res, 400, 'validation_failed');
  });
});
