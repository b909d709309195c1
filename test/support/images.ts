// Small images with the real structure of each format, for upload tests. (The end-to-end
// test uploads a photo encoded by Chromium itself.)

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const bytesOf = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

export function jpeg(width: number, height: number, opts: { exifGps?: boolean; padding?: number } = {}): Uint8Array {
  const segment = (marker: number, data: number[]) => [0xff, marker, ...u16be(data.length + 2), ...data];
  const app0 = segment(0xe0, [...bytesOf('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const exif = opts.exifGps ? segment(0xe1, [...bytesOf('Exif'), 0, 0, ...bytesOf('MM'), 0, 42, ...bytesOf('GPS-8.58,116.1')]) : [];
  const sof0 = segment(0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]);
  const sos = segment(0xda, [1, 1, 0, 0, 63, 0]);
  const scan = Array.from({ length: 64 + (opts.padding ?? 0) }, (_, i) => (i * 7) % 0xfe);
  return new Uint8Array([0xff, 0xd8, ...app0, ...exif, ...sof0, ...sos, ...scan, 0xff, 0xd9]);
}

export function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: number[]) => [...u32be(data.length), ...bytesOf(type), ...data, 0, 0, 0, 0];
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [...u32be(width), ...u32be(height), 8, 2, 0, 0, 0]),
    ...chunk('IDAT', [0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]),
    ...chunk('IEND', []),
  ]);
}

export function webp(width: number, height: number): Uint8Array {
  const vp8x = [...bytesOf('VP8X'), ...u32le(10), 0, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)];
  const body = [...bytesOf('WEBP'), ...vp8x];
  return new Uint8Array([...bytesOf('RIFF'), ...u32le(body.length), ...body]);
}

export const notAnImage = {
  html: new TextEncoder().encode('<!doctype html><script>alert(1)</script>'),
  svg: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
  elf: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
};
