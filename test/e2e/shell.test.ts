// The client shell in a real browser against `wrangler dev`: Indonesian first, a language
// switch that is remembered, and the region picker fed by D1 down to a village.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  // A small phone.
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('the client shell on a phone', () => {
  it('opens in Bahasa Indonesia with the categories from the API, under a strict CSP', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const response = await page.goto(baseUrl, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByText('Jalan dan Jembatan').count()).resolves.toBeGreaterThan(0);
    // Nothing sticks out sideways on a 360 px screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English, remembers it after a reload, and picks a village', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(baseUrl, { waitUntil: 'networkidle' });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Roads and bridges').first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByText('Roads and bridges').first().waitFor();

    const regency = page.locator('select[name="regency"]');
    const district = page.locator('select[name="district"]');
    const village = page.locator('select[name="village"]');
    await expect(district.isDisabled()).resolves.toBe(true);

    await regency.selectOption({ label: 'Kota Mataram' });
    await expect.poll(() => district.isEnabled()).toBe(true);
    await expect.poll(() => district.locator('option', { hasText: 'Ampenan' }).count()).toBe(1);
    await district.selectOption({ label: 'Ampenan' });
    await expect.poll(() => village.isEnabled()).toBe(true);
    await expect.poll(() => village.locator('option').count()).toBeGreaterThan(2);

    const firstVillage = (await village.locator('option:not([value=""])').first().textContent())!.trim();
    await village.selectOption({ label: firstVillage });
    const chosen = page.locator('.chosen-place');
    await chosen.waitFor();
    const text = await chosen.textContent();
    expect(text).toContain(firstVillage);
    expect(text).toContain('Ampenan');
    expect(text).toContain('Kota Mataram');
    expect(errors).toEqual([]);

    // Back to Indonesian for whoever uses this phone next.
    await page.getByRole('button', { name: 'Indonesia' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.close();
  });

  it('answers an unknown API path with JSON and an unknown page with the client', async () => {
    const api = await fetch(`${baseUrl}/api/tidak-ada`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');

    const page = await context.newPage();
    await page.goto(`${baseUrl}/halaman-yang-tidak-ada`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('select[name="regency"]').count()).toBe(0);
    await page.close();
  });
});
