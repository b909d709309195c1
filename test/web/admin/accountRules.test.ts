import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatePassword, PASSWORD_MIN, USERNAME_PATTERN } from '../../../web/src/components/admin/accountRules';

afterEach(() => vi.restoreAllMocks());

describe('generatePassword', () => {
  it('makes 20 random characters in groups of four, none easily misread', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{4}(-[A-HJ-NP-Za-km-np-z2-9]{4}){4}$/);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN);
  });

  it('differs every time', () => {
    const passwords = new Set(Array.from({ length: 200 }, generatePassword));
    expect(passwords.size).toBe(200);
  });

  it('draws again rather than favour the first characters (no modulo bias)', () => {
    // 56 characters: bytes from 224 up would wrap onto the first 32 and must be skipped.
    let call = 0;
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const bytes = array as unknown as Uint8Array;
      bytes.fill(call++ === 0 ? 250 : 57); // 57 % 56 = 1: "B"
      return array;
    });
    expect(generatePassword()).toBe('BBBB-BBBB-BBBB-BBBB-BBBB');
    expect(call).toBe(2);
  });
});

describe('USERNAME_PATTERN', () => {
  it('takes what the API takes', () => {
    for (const ok of ['pdam-giri-menang', 'baiq.nurul', 'admin_1', 'abc']) expect(USERNAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ['ab', 'Baiq', 'baiq nurul', 'a'.repeat(41), 'budi@ntb']) {
      expect(USERNAME_PATTERN.test(bad)).toBe(false);
    }
  });
});
