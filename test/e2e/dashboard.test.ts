// The public dashboard in Chromium: its charts draw marks for the seeded complaints (not
// an empty SVG), with no console error.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('/statistik', () => {
  it('draws the weekly trend and the agency bars from the seeded complaints', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${baseUrl}/statistik`, { waitUntil: 'networkidle' });
    const line = page.locator('[data-chart="weekly"] path.stats-weekly-line');
    await line.waitFor();
    const d = (await line.getAttribute('d')) ?? '';
    // A line through at least two points, drawn with real coordinates.
    expect(d.match(/[ML]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(await line.evaluate((el: SVGPathElement) => el.getTotalLength())).toBeGreaterThan(10);

    const bars = page.locator('[data-chart="agencies"] rect[data-bar]');
    expect(await bars.count()).toBeGreaterThan(0);
    const widths = await bars.evaluateAll((els) => els.map((el) => (el as SVGRectElement).getBBox().width));
    expect(widths.some((w) => w > 0)).toBe(true);
    // The demo agencies appear by name.
    expect(await page.textContent('body')).toContain('PDAM Giri Menang');
    expect(errors).toEqual([]);
  });
});
