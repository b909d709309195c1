import { describe, expect, it } from 'vitest';
import { homeOf, safeNextPath, signInFor } from '../../../web/src/staff/destination';
import { agencyUser, moderator } from './fake-staff-api';

describe('where a signed-in staff member goes', () => {
  it('follows ?lanjut= only to a path of this site', () => {
    expect(safeNextPath('/moderasi')).toBe('/moderasi');
    expect(safeNextPath('/lacak/NTB-7K3M9Q2X?x=1#top')).toBe('/lacak/NTB-7K3M9Q2X?x=1#top');
    for (const unsafe of [
      null,
      '',
      'moderasi',
      '//evil.example/masuk',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/masuk', // would only come back here
    ]) {
      expect(safeNextPath(unsafe)).toBeNull();
    }
  });

  it('sends moderators and admins to the desk, agency staff to their inbox', () => {
    expect(homeOf(moderator)).toBe('/moderasi');
    expect(homeOf({ ...moderator, role: 'admin' })).toBe('/moderasi');
    expect(homeOf(agencyUser)).toBe('/instansi');
  });

  it('names the page to come back to in the sign-in address, readably', () => {
    expect(signInFor('/moderasi')).toBe('/masuk?lanjut=/moderasi');
    expect(signInFor('/admin/akun?q=a&b')).toBe('/masuk?lanjut=/admin/akun%3Fq%3Da%26b');
  });
});
