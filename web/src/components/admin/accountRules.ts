// What the API accepts for a staff account, checked here first so the admin hears it at once;
// the server checks again and its answer wins.

/** 3 to 40 characters: a-z, 0-9, dot, underscore, hyphen. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/;
export const PASSWORD_MIN = 12;

// No 0/O, 1/l/I: the password is read out or copied by hand when it is handed over.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 5;
const GROUP_LENGTH = 4;

/**
 * A random password such as "Xk7p-Qm3z-…": 20 characters from 56 (about 116 bits) in groups
 * of four, 24 characters with the hyphens. Bytes that would bias the choice are drawn again.
 */
export function generatePassword(): string {
  const wanted = GROUPS * GROUP_LENGTH;
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < wanted) {
    for (const byte of crypto.getRandomValues(new Uint8Array(wanted * 2))) {
      if (byte < limit && chars.length < wanted) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  const groups: string[] = [];
  for (let i = 0; i < wanted; i += GROUP_LENGTH) groups.push(chars.slice(i, i + GROUP_LENGTH).join(''));
  return groups.join('-');
}
