import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { UploadResponse } from '../../worker/domain/api';
import { jpeg, notAnImage, png, webp } from '../support/images';
import { countR2, countRows, newCitizen } from './citizen';
import { expectError } from './helpers';

describe('POST /api/uploads', () => {
  it('stores a JPEG, PNG or WebP in quarantine and returns its id', async () => {
    const citizen = newCitizen();
    for (const [bytes, type] of [
      [jpeg(1600, 1200), 'image/jpeg'],
      [png(800, 600), 'image/png'],
      [webp(1024, 768), 'image/webp'],
    ] as const) {
      const res = await citizen.upload(bytes, type);
      expect(res.status).toBe(201);
      const body = (await res.json()) as UploadResponse;
      expect(body).toMatchObject({ contentType: type, size: bytes.length });
      expect(body.id).toMatch(/^[0-9a-f]{32}$/);
      const stored = await env.PHOTOS.get(`uploads/${body.id}`);
      expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
      expect(stored!.httpMetadata?.contentType).toBe(type);
      const row = await env.DB.prepare('SELECT claimed_at, width FROM uploads WHERE id = ?').bind(body.id).first();
      expect(row).toMatchObject({ claimed_at: null });
    }
  });

  it('stores the type found in the bytes, not the one declared', async () => {
    const body = await (await newCitizen().upload(png(10, 10), 'image/jpeg')).json<UploadResponse>();
    expect(body.contentType).toBe('image/png');
  });

  const refusals: [string, Uint8Array, string, number][] = [
    ['HTML renamed .jpg', notAnImage.html, 'image/jpeg', 415],
    ['a program renamed .jpg', notAnImage.elf, 'image/jpeg', 415],
    ['an SVG', notAnImage.svg, 'image/svg+xml', 415],
    ['an SVG sent as PNG', notAnImage.svg, 'image/png', 415],
    ['a truncated JPEG', jpeg(800, 600).subarray(0, 60), 'image/jpeg', 415],
    ['a zero-byte body', new Uint8Array(), 'image/jpeg', 415],
    ['no content type', jpeg(10, 10), 'application/octet-stream', 415],
    ['over 40 megapixels', jpeg(8000, 6000), 'image/jpeg', 413],
  ];
  for (const [what, bytes, type, status] of refusals) {
    it(`refuses ${what} with ${status}, leaving nothing behind`, async () => {
      const [rows, objects] = [await countRows('uploads'), await countR2()];
      await expectError(await newCitizen().upload(bytes, type), status, status === 413 ? 'payload_too_large' : 'unsupported_media_type');
      expect([await countRows('uploads'), await countR2()]).toEqual([rows, objects]);
    });
  }

  it('refuses a body over 10 MB, with and without a Content-Length header', async () => {
    const [rows, objects] = [await countRows('uploads'), await countR2()];
    const big = jpeg(1000, 1000, { padding: 10 * 1024 * 1024 });
    await expectError(await newCitizen().upload(big), 413, 'payload_too_large');

    // Streamed without a length: the Worker stops reading at the limit.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
        controller.close();
      },
    });
    const res = await newCitizen().upload(stream as unknown as Uint8Array, 'image/jpeg');
    await expectError(res, 413, 'payload_too_large');
    expect([await countRows('uploads'), await countR2()]).toEqual([rows, objects]);
  });

  it('limits uploads per client with 429 and Retry-After', async () => {
    const citizen = newCitizen();
    const tiny = png(1, 1);
    for (let i = 0; i < 100; i++) expect((await citizen.upload(tiny, 'image/png')).status).toBe(201);
    const res = await citizen.upload(tiny, 'image/png');
    await expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await newCitizen().upload(tiny, 'image/png')).status).toBe(201);
  });
});
