import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../worker/domain/images';
import { jpeg, notAnImage, png, webp } from '../support/images';

describe('inspectImage (by content, not by name)', () => {
  it('reads the type and size of JPEG, PNG and WebP', () => {
    expect(inspectImage(jpeg(4000, 3000))).toEqual({ ok: true, type: 'image/jpeg', width: 4000, height: 3000 });
    expect(inspectImage(png(640, 480))).toEqual({ ok: true, type: 'image/png', width: 640, height: 480 });
    expect(inspectImage(webp(1600, 1200))).toEqual({ ok: true, type: 'image/webp', width: 1600, height: 1200 });
  });

  it('refuses HTML, SVG, programs and empty bodies', () => {
    for (const bytes of [notAnImage.html, notAnImage.svg, notAnImage.elf, new Uint8Array()]) {
      expect(inspectImage(bytes)).toEqual({ ok: false, reason: 'not_an_image' });
    }
  });

  it('refuses a cut-off image of each format', () => {
    for (const whole of [jpeg(100, 100), png(100, 100), webp(100, 100)]) {
      const cut = whole.subarray(0, Math.floor(whole.length * 0.8));
      expect(inspectImage(cut), String(whole[0])).toMatchObject({ ok: false });
    }
    expect(inspectImage(jpeg(100, 100).subarray(0, 40))).toEqual({ ok: false, reason: 'truncated' });
  });

  it('refuses an image that claims no pixels', () => {
    expect(inspectImage(png(0, 10))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
