// A citizen on a phone files a complaint with a real photo, keeps the tracking link, and
// follows it; the public feed shows verified complaints and never a reporter's identity.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ComplaintView } from '../../worker/domain/api';
import { inspectImage } from '../../worker/domain/images';
import { seriousA11yViolations } from './axe';
import { collectPageErrors, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const demoReporters = ['Baiq Rahmawati', 'Lalu Hendra', 'Muhammad Zainul', 'Siti Aminah'];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let filed: { code: string; link: string };

/** A 3000×2000 photo encoded by Chromium's own JPEG encoder, with an EXIF block holding a GPS position. */
async function cameraPhoto(): Promise<Buffer> {
  const scratch = await context.newPage();
  await scratch.goto(`${baseUrl}/api/health`);
  const base64 = await scratch.evaluate(async () => {
    const canvas = new OffscreenCanvas(3000, 2000);
    const g = canvas.getContext('2d')!;
    const gradient = g.createLinearGradient(0, 0, 3000, 2000);
    gradient.addColorStop(0, '#2b6cb0');
    gradient.addColorStop(1, '#c05621');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 3000, 2000);
    g.fillStyle = '#fff';
    g.font = 'bold 200px sans-serif';
    g.fillText('Jalan berlubang', 200, 1000);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  });
  await scratch.close();
  const jpeg = Buffer.from(base64, 'base64');
  const exifData = Buffer.concat([Buffer.from('Exif\0\0MM\0*', 'latin1'), Buffer.from('GPSLatitude=-8.5833;GPSLongitude=116.1167', 'latin1')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exifData.length + 2) >> 8, (exifData.length + 2) & 0xff]), exifData]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext(phone);
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('a citizen on a phone', () => {
  it('files a complaint with a photo and gets the code and a private tracking link', async () => {
    const photo = await cameraPhoto();
    expect(inspectImage(photo)).toMatchObject({ ok: true, width: 3000, height: 2000 });
    expect(photo.includes(Buffer.from('GPSLatitude'))).toBe(true);

    await page.goto(`${baseUrl}/lapor`, { waitUntil: 'networkidle' });
    await page.locator('input[name="category"][value="jalan-jembatan"]').check();
    await page.fill('#report-title', 'Jalan berlubang di depan SDN 1 Ampenan');
    await page.fill('#report-description', 'Lubang besar di tengah jalan, sudah dua minggu. Motor sering jatuh saat malam karena lampu jalan mati.');
    await page.locator('select[name="regency"]').selectOption({ label: 'Kota Mataram' });
    await expect.poll(() => page.locator('select[name="district"] option', { hasText: 'Ampenan' }).count()).toBe(1);
    await page.locator('select[name="district"]').selectOption({ label: 'Ampenan' });
    await expect.poll(() => page.locator('select[name="village"] option', { hasText: 'Ampenan Selatan' }).count()).toBe(1);
    await page.locator('select[name="village"]').selectOption({ label: 'Ampenan Selatan' });
    await page.setInputFiles('#report-photo-gallery', { name: 'jalan.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.fill('#report-name', 'Lalu Pengadu E2E');
    await page.fill('#report-email', 'pengadu@example.id');

    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    const outcome = await Promise.race([
      page.locator('#report-success-title').waitFor({ timeout: 30_000 }).then(() => 'sent'),
      page.locator('[role="alert"]').first().waitFor({ timeout: 30_000 }).then(async () => `refused: ${await page.locator('[role="alert"]').allTextContents()}`),
    ]);
    if (outcome !== 'sent') await page.screenshot({ path: 'test/e2e/artifacts/report-refused.png', fullPage: true });
    expect(outcome).toBe('sent');

    const link = await page.locator('#tracking-link').inputValue();
    const match = /\/lacak\/(NTB-[0-9A-HJKMNP-TV-Z]{8})#t=([0-9a-f]{32})$/.exec(link);
    expect(match, link).not.toBeNull();
    const code = match![1]!;
    expect(await page.textContent('body')).toContain(code);
    filed = { code, link };
    expect(pageErrors).toEqual([]);
  });

  it('uploaded the photo shrunk to 1,600 px, re-encoded as JPEG, without its EXIF and GPS', async () => {
    const token = filed.link.split('#t=')[1]!;
    const view = (await (await fetch(`${baseUrl}/api/complaints/${filed.code}`, { headers: { 'X-Tracking-Token': token } })).json()) as ComplaintView;
    expect(view.photos).toHaveLength(1);
    // Until a moderator lets the complaint through, its photo is for its reporter (and staff) only.
    expect((await fetch(`${baseUrl}${view.photos[0]!.url}`)).status).toBe(404);
    const res = await fetch(`${baseUrl}${view.photos[0]!.url}`, { headers: { 'X-Tracking-Token': token } });
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(inspectImage(bytes)).toMatchObject({ ok: true, type: 'image/jpeg', width: 1600, height: 1067 });
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('GPSLatitude'))).toBe(false);
  });

  it('opens the tracking page and finds the status, the photo and the submitted event', async () => {
    await page.goto(filed.link, { waitUntil: 'networkidle' });
    await page.getByText('Pengaduan dikirim').first().waitFor();
    const body = (await page.textContent('body'))!;
    expect(body).toContain(filed.code);
    expect(body).toContain('Jalan berlubang di depan SDN 1 Ampenan');
    expect(body).toContain('Diterima');
    // The reporter sees their own details.
    expect(body).toContain('Lalu Pengadu E2E');
    // The token leaves the address bar once read.
    expect(page.url()).not.toContain('#t=');
    const img = page.locator('img[src^="/api/photos/"], img[src^="blob:"]').first();
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1600);
    expect(pageErrors).toEqual([]);
  });

  it('shows the public feed with verified complaints and no reporter identity', async () => {
    await page.goto(`${baseUrl}/pengaduan`, { waitUntil: 'networkidle' });
    await page.getByText('Air PDAM tidak mengalir sejak tiga hari').waitFor();
    const body = (await page.textContent('body'))!;
    expect(body).toContain('Jalan berlubang di depan SDN 1');
    expect(body).toContain('Anonim');
    for (const name of [...demoReporters, 'Lalu Pengadu E2E', 'pengadu@example.id']) expect(body).not.toContain(name);
    // Not yet verified by a moderator: not public.
    expect(body).not.toContain(filed.code);
    expect(body).not.toContain('Jalan berlubang di depan SDN 1 Ampenan');

    // The map draws the pinned complaints even with no tile server reachable.
    await page.getByRole('button', { name: 'Peta' }).click();
    await expect.poll(() => page.locator('.leaflet-interactive').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(pageErrors.filter((e) => !/tile|Failed to load resource/i.test(e))).toEqual([]);
  });
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  let scan: BrowserContext;
  beforeAll(async () => {
    // axe is injected as a script, which the CSP would block: scan in a context that bypasses it.
    scan = await browser.newContext({ ...phone, bypassCSP: true });
  });

  const pages = () => [
    ['the complaint form', '/lapor'],
    ['the tracking page', filed.link.replace(baseUrl, '')],
    ['the public feed', '/pengaduan'],
  ];
  it('finds no serious or critical violation on the form, the tracking page and the feed', async () => {
    for (const [what, path] of pages()) {
      const p = await scan.newPage();
      await p.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      await p.locator('h1').first().waitFor();
      expect(await seriousA11yViolations(p), what).toEqual([]);
      await p.close();
    }
  });
});
