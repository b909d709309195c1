// The API reference in Chromium against `wrangler dev`: the document the Worker generates,
// rendered as text on a phone under the strict CSP, every operation of it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OpenApiDocument } from '../../worker/openapi/types';
import { seriousA11yViolations } from './axe';
import { collectPageErrors, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('/dokumentasi-api', () => {
  it('shows every operation of /api/openapi.json, and one opens into its body and answers', async () => {
    const spec = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenApiDocument;
    const operations = Object.values(spec.paths).flatMap((byMethod) => Object.keys(byMethod));
    expect(operations.length).toBeGreaterThan(40);

    const page = await (await browser.newContext(phone)).newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl}/dokumentasi-api`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Dokumentasi API' }).waitFor();
    await expect.poll(() => page.locator('details.api-op').count()).toBe(operations.length);

    const create = page.locator('details#postComplaints');
    await create.locator('summary').click();
    await create.getByRole('heading', { name: 'Isi permintaan' }).waitFor();
    await expect(create.locator('code.api-name', { hasText: /^villageCode$/ }).count()).resolves.toBe(1);
    await expect(create.getByText('Isian lain ditolak.').count()).resolves.toBeGreaterThan(0);
    // Long paths and patterns wrap: nothing sticks out sideways on a 360 px screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility problem', async () => {
    // axe is injected as a script, which the CSP would block: scan in a context that bypasses it.
    const page = await (await browser.newContext({ ...phone, bypassCSP: true })).newPage();
    await page.goto(`${baseUrl}/dokumentasi-api`, { waitUntil: 'networkidle' });
    await page.locator('details.api-op').first().waitFor();
    await page.locator('details#postComplaints summary').click();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
