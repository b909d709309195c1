// Secrets handed to clients (tracking tokens, session tokens) are random and stored only
// as their SHA-256 hash, so a leaked database reveals none of them.

/** 128 random bits as 32 hex characters: tracking tokens, upload ids. */
export function randomToken(bytes = 16): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += HEX[b];
  return hex;
}
