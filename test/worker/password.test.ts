import { describe, expect, it } from 'vitest';
import { hashPassword, MAX_PBKDF2_ITERATIONS, verifyPassword } from '../../worker/auth/password';

describe('staff password hashing', () => {
  it('uses PBKDF2-SHA256 with 100,000 iterations, the most deployed Workers allow', async () => {
    expect(MAX_PBKDF2_ITERATIONS).toBe(100_000);
    const stored = await hashPassword('rahasia-sekali');
    const [scheme, iterations, salt, hash] = stored.split('$');
    expect(scheme).toBe('pbkdf2-sha256');
    expect(Number(iterations)).toBe(100_000);
    expect(atob(salt!)).toHaveLength(16);
    expect(atob(hash!)).toHaveLength(32);
    await expect(hashPassword('x', 100_001)).rejects.toThrow(RangeError);
  });

  it('salts each hash, and verifies only the right password', async () => {
    const a = await hashPassword('sandi yang sama');
    const b = await hashPassword('sandi yang sama');
    expect(a).not.toBe(b);
    expect(await verifyPassword('sandi yang sama', a)).toBe(true);
    expect(await verifyPassword('sandi yang sama', b)).toBe(true);
    expect(await verifyPassword('sandi yang lain', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('refuses stored hashes it cannot trust', async () => {
    const good = await hashPassword('pw');
    const [, , salt, hash] = good.split('$');
    expect(await verifyPassword('pw', `md5$1$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword('pw', `pbkdf2-sha256$1000000$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword('pw', 'garbage')).toBe(false);
  });
});
