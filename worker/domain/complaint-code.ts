// Public complaint codes: `NTB-` and 8 Crockford base32 characters (no I, L, O, U), easy
// to read aloud and type on a phone; 40 random bits, so codes are not enumerable.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const COMPLAINT_CODE = /^NTB-[0-9A-HJKMNP-TV-Z]{8}$/;

export function newComplaintCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(5); // 40 bits = 8 characters of 5 bits
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 7; i >= 0; i--) code += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `NTB-${code}`;
}

/**
 * What a person typed or a link held, as the canonical code, or null when it cannot be one.
 * Accepts lower case, spaces and dashes, the code without its `NTB-` prefix, and the letters
 * Crockford's alphabet reads as digits (O as 0, I and L as 1).
 */
export function normaliseComplaintCode(input: string): string | null {
  let body = input.toUpperCase().replace(/[\s-]/g, '');
  if (body.length === 11 && body.startsWith('NTB')) body = body.slice(3);
  body = body.replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `NTB-${body}`;
  return COMPLAINT_CODE.test(code) ? code : null;
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
