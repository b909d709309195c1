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
 * What a person typed, as a code: upper case, `NTB-` optional, and the letters people
 * confuse (O→0, I/L→1) read as Crockford does. Undefined when it cannot be a code.
 */
export function normaliseComplaintCode(input: string): string | undefined {
  let body = input.trim().toUpperCase().replace(/\s+/g, '');
  if (body.startsWith('NTB-')) body = body.slice(4);
  else if (body.startsWith('NTB')) body = body.slice(3);
  body = body.replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `NTB-${body}`;
  return COMPLAINT_CODE.test(code) ? code : undefined;
}

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
