// The public feed is remembered for a few seconds per isolate (worker/http/micro-cache.ts):
// what a write elsewhere changes shows within that time, what a write through this Worker
// changes shows at once, and `Cache-Control: no-cache` always reads D1.
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { FeedResponse } from '../../worker/domain/api';
import { FEED_MEMORY_MS } from '../../worker/routes/complaints';
import { newCitizen } from './citizen';
import { call } from './helpers';
import { signIn } from './staff';

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
  await vi.waitFor(
    async () => {
      const row = await env.DB.prepare(
        `SELECT count(*) AS n FROM events WHERE delivered_at IS NULL AND complaint_id = (SELECT id FROM complaints WHERE code = ?)`,
      )
        .bind(code)
        .first<{ n: number }>();
      expect(row!.n).toBe(0);
    },
    { timeout: 10_000, interval: 50 },
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  return code;
}

describe('the feed remembered for a few seconds', () => {
  it('shows a change made elsewhere within its time, at once when asked with no-cache, and tells browsers how long it keeps', async () => {
    const first = await filedAndRouted();
    const before = await feed('?limit=50');
    expect(before.codes).not.toContain(first);
    expect(before.cacheControl).toBe(`public, max-age=${FEED_MEMORY_MS / 1000}`);

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

  it('keeps no refusal: a bad query is answered afresh every time', async () => {
    const res = await call('/api/complaints?limit=0');
    expect(res.status).toBe(400);
    expect(res.headers.get('Cache-Control')).toBeNull();
  });
});
