// The public feed and the public's view of a complaint are remembered for a few seconds per
// isolate (worker/http/micro-cache.ts): what a write elsewhere changes shows within that time,
// what a write through this Worker changes shows at once, and `Cache-Control: no-cache` always
// reads D1. Whoever carries a tracking token or a cookie always gets D1's answer.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ComplaintView, FeedResponse } from '../../worker/domain/api';
import { FEED_MEMORY_MS, PAGE_MEMORY_MS } from '../../worker/routes/complaints';
import { newCitizen, validComplaint } from './citizen';
import { eventsDelivered } from './event-log';
import { call, expectError } from './helpers';
import { login, signIn } from './staff';

const feed = async (query = '', headers: Record<string, string> = {}) => {
  const res = await call(`/api/complaints${query}`, { headers });
  expect(res.status).toBe(200);
  return { cacheControl: res.headers.get('Cache-Control'), codes: (await res.json<FeedResponse>()).items.map((i) => i.code) };
};

/** A change made where this isolate cannot see it (another isolate, another location). */
const forwardInD1 = (code: string) =>
  env.DB.prepare(
    `UPDATE complaints SET status = 'forwarded', agency_id = (SELECT id FROM agencies WHERE slug = 'pdam-giri-menang'), forwarded_at = submitted_at WHERE code = ?`,
  )
    .bind(code)
    .run();

/** Filed, and the queue consumer done with it (its batch, too, forgets what was remembered). */
async function filedAndRouted() {
  const { code } = await newCitizen().fileOk();
  return filedAndRoutedCode(code);
}

async function filedAndRoutedCode(code: string) {
  await eventsDelivered(code);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return code;
}

describe('the feed remembered for a few seconds', () => {
  it('shows a change made elsewhere within its time, at once when asked with no-cache, and tells browsers to keep nothing', async () => {
    const first = await filedAndRouted();
    const before = await feed('?limit=50');
    expect(before.codes).not.toContain(first);
    // Browsers keep no copy of their own: it would outlive the Worker's forgetting after a write.
    expect(before.cacheControl).toBe('no-cache');

    await forwardInD1(first);
    expect((await feed('?limit=50')).codes).not.toContain(first);
    // Another URL is another answer, read now.
    expect((await feed('?limit=49')).codes).toContain(first);
    expect((await feed('?limit=50', { 'Cache-Control': 'no-cache' })).codes).toContain(first);
    // The fresh answer replaced the remembered one.
    expect((await feed('?limit=50')).codes).toContain(first);

    const second = await filedAndRouted();
    const filledAt = Date.now();
    expect((await feed('?limit=48')).codes).not.toContain(second);
    await forwardInD1(second);
    expect((await feed('?limit=48')).codes).not.toContain(second);
    await new Promise((resolve) => setTimeout(resolve, FEED_MEMORY_MS - (Date.now() - filledAt) + 200));
    expect((await feed('?limit=48')).codes).toContain(second);
  });

  it('forgets the feed after a write through this Worker: a moderator forwards and the public sees it at once', async () => {
    const moderator = (await signIn('moderator')).cookie;
    const { code } = await newCitizen().fileOk();
    expect((await feed()).codes).not.toContain(code);
    const res = await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'normal' }),
    });
    expect(res.status).toBe(200);
    expect((await feed()).codes[0]).toBe(code);
  });

  it('keeps what it shares across refused writes, which change nothing anyone reads, and forgets it after an accepted one', async () => {
    const code = await filedAndRouted();
    expect((await feed('?limit=47')).codes).not.toContain(code);
    await forwardInD1(code);
    await expectError(await login('tidak-ada-orangnya', 'salah-salah'), 401, 'unauthenticated');
    await expectError(await newCitizen().file(validComplaint({ category: 'tidak-ada' })), 422, 'unprocessable');
    expect((await feed('?limit=47')).codes).not.toContain(code);
    await newCitizen().fileOk();
    expect((await feed('?limit=47')).codes).toContain(code);
  });

  it('keeps no refusal: a bad query is answered afresh every time', async () => {
    const res = await call('/api/complaints?limit=0');
    expect(res.status).toBe(400);
    // Not the feed's `no-cache`: a refusal is kept by no cache at all.
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});

describe("a complaint's public page remembered for a few seconds", () => {
  const page = async (code: string, headers: Record<string, string> = {}) => {
    const res = await call(`/api/complaints/${code}`, { headers });
    expect(res.status).toBe(200);
    return { cacheControl: res.headers.get('Cache-Control'), view: await res.json<ComplaintView>() };
  };
  const retitle = (code: string, title: string) => env.DB.prepare('UPDATE complaints SET title = ? WHERE code = ?').bind(title, code).run();

  it('shares the public view only: the reporter, staff and a no-cache re-read get it as it is now', async () => {
    const moderator = (await signIn('moderator')).cookie; // signing in is a write: before anything is remembered
    const { code, trackingToken } = await newCitizen().fileOk({ title: 'Lampu jalan padam di gang mawar' });
    await filedAndRoutedCode(code);
    const filledAt = Date.now();
    expect((await page(code)).view.title).toBe('Lampu jalan padam di gang mawar');

    await retitle(code, 'Lampu jalan padam di gang melati');
    const remembered = await page(code);
    expect(remembered.view.title).toBe('Lampu jalan padam di gang mawar');
    // Browsers are not told to keep it: the answer depends on who asks.
    expect(remembered.cacheControl).toBe('private, no-store');
    expect(remembered.view.reporter).toBeNull();

    const own = await page(code, { 'X-Tracking-Token': trackingToken });
    expect(own.view).toMatchObject({ title: 'Lampu jalan padam di gang melati', viewerIsReporter: true });
    expect((await page(code, { Cookie: moderator })).view.title).toBe('Lampu jalan padam di gang melati');
    // The public view did not pick up the reporter's or the moderator's answer.
    expect((await page(code)).view).toMatchObject({ title: 'Lampu jalan padam di gang mawar', reporter: null, viewerIsReporter: false });

    expect((await page(code, { 'Cache-Control': 'no-cache' })).view.title).toBe('Lampu jalan padam di gang melati');
    await retitle(code, 'Lampu jalan padam di gang kenanga');
    expect((await page(code)).view.title).toBe('Lampu jalan padam di gang melati');
    await new Promise((resolve) => setTimeout(resolve, PAGE_MEMORY_MS - (Date.now() - filledAt) + 200));
    expect((await page(code)).view.title).toBe('Lampu jalan padam di gang kenanga');
  });

  it('keeps no refusal: a confidential complaint stays unknown to the public, and shows to its reporter', async () => {
    const { code, trackingToken } = await newCitizen().fileOk({ confidential: true });
    expect((await call(`/api/complaints/${code}`)).status).toBe(404);
    expect((await call(`/api/complaints/${code}`)).status).toBe(404);
    expect((await page(code, { 'X-Tracking-Token': trackingToken })).view.code).toBe(code);
  });
});
