// What an uploaded file really is, read from its bytes rather than its name or header:
// JPEG, PNG or WebP with their pixel size, or the reason it is refused.

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type ImageInfo = { ok: true; type: ImageType; width: number; height: number };
export type ImageRefusal = { ok: false; reason: 'not_an_image' | 'truncated' | 'corrupt' };

const be16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const be32 = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const le16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const le24 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const le32 = (b: Uint8Array, i: number) => (le24(b, i) + (b[i + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

export function inspectImage(bytes: Uint8Array): ImageInfo | ImageRefusal {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return inspectJpeg(bytes);
  if (bytes.length >= 8 && be32(bytes, 0) === 0x89504e47 && be32(bytes, 4) === 0x0d0a1a0a) return inspectPng(bytes);
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return inspectWebp(bytes);
  return { ok: false, reason: 'not_an_image' };
}

const sized = (type: ImageType, width: number, height: number): ImageInfo | ImageRefusal =>
  width > 0 && height > 0 ? { ok: true, type, width, height } : { ok: false, reason: 'corrupt' };

function inspectJpeg(b: Uint8Array): ImageInfo | ImageRefusal {
  let i = 2;
  let size: { width: number; height: number } | undefined;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { ok: false, reason: 'corrupt' };
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) break; // EOI before any scan
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = be16(b, i + 2);
    if (length < 2) return { ok: false, reason: 'corrupt' };
    if (i + 2 + length > b.length) return { ok: false, reason: 'truncated' };
    // Start-of-frame markers carry the size (C4 is DHT, C8 reserved, CC is DAC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7) return { ok: false, reason: 'corrupt' };
      size = { height: be16(b, i + 5), width: be16(b, i + 7) };
    }
    if (marker === 0xda) {
      // Start of scan: the compressed data runs to the end-of-image marker.
      if (!size) return { ok: false, reason: 'corrupt' };
      const end = lastIndexOfEoi(b, i + 2 + length);
      return end < 0 ? { ok: false, reason: 'truncated' } : sized('image/jpeg', size.width, size.height);
    }
    i += 2 + length;
  }
  return { ok: false, reason: size ? 'truncated' : 'corrupt' };
}

function lastIndexOfEoi(b: Uint8Array, from: number): number {
  for (let i = b.length - 2; i >= from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return i;
  return -1;
}

function inspectPng(b: Uint8Array): ImageInfo | ImageRefusal {
  if (b.length < 33) return { ok: false, reason: 'truncated' };
  if (ascii(b, 12, 4) !== 'IHDR') return { ok: false, reason: 'corrupt' };
  // Walk the chunks to IEND: a cut file stops short of it.
  let i = 8;
  while (i + 12 <= b.length) {
    const length = be32(b, i);
    const type = ascii(b, i + 4, 4);
    if (i + 12 + length > b.length) return { ok: false, reason: 'truncated' };
    if (type === 'IEND') return sized('image/png', be32(b, 16), be32(b, 20));
    i += 12 + length;
  }
  return { ok: false, reason: 'truncated' };
}

function inspectWebp(b: Uint8Array): ImageInfo | ImageRefusal {
  const riffSize = le32(b, 4);
  if (riffSize + 8 > b.length) return { ok: false, reason: 'truncated' };
  if (b.length < 30) return { ok: false, reason: 'corrupt' };
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Key frame start code, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return { ok: false, reason: 'corrupt' };
    return sized('image/webp', le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return { ok: false, reason: 'corrupt' };
    const bits = le32(b, 21);
    return sized('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return sized('image/webp', le24(b, 24) + 1, le24(b, 27) + 1);
  return { ok: false, reason: 'corrupt' };
}
