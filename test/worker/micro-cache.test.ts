// The Worker's few seconds of shared answers (worker/http/micro-cache.ts), on a route of its
// own in the Workers runtime: bounded by size whatever URLs anyone makes up, and never keeping
// an answer that a write overtook while it was being read.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/http/env';
import { forgetSharedAnswers, MAX_CHARS, sharedFor } from '../../worker/http/micro-cache';

/** A route whose answers are `size` characters, counting how often each URL is really read. */
function bigAnswers(size: number, during?: () => void) {
  const reads = new Map<string, number>();
  const app = new Hono<AppEnv>().get('/big/:n', sharedFor(60_000), (c) => {
    const n = c.req.param('n');
    reads.set(n, (reads.get(n) ?? 0) + 1);
    during?.();
    return c.text(n.padEnd(size, '.'));
  });
  const get = async (n: number) => {
    const res = await app.request(`https://cache.test/big/${n}`);
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBe(size);
  };
  return { get, reads: (n: number) => reads.get(String(n)) ?? 0 };
}

describe('shared answers', () => {
  it('are bounded by size: past the bound the oldest go first, and an answer too large is never kept', async () => {
    forgetSharedAnswers();
    // Eight answers of an eighth each fill it exactly.
    const { get, reads } = bigAnswers(MAX_CHARS / 8);
    for (let n = 1; n <= 8; n++) await get(n);
    for (let n = 1; n <= 8; n++) await get(n);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(reads)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);

    await get(9); // the first one makes room
    for (let n = 2; n <= 9; n++) await get(n);
    expect([2, 3, 4, 5, 6, 7, 8, 9].map(reads)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    await get(1);
    expect(reads(1)).toBe(2);

    const huge = bigAnswers(MAX_CHARS / 8 + 1);
    await huge.get(100);
    await huge.get(100);
    expect(huge.reads(100)).toBe(2);
    forgetSharedAnswers();
  });

  it('do not keep an answer a write overtook while it was read', async () => {
    forgetSharedAnswers();
    let writeLands = true;
    const { get, reads } = bigAnswers(100, () => {
      if (writeLands) forgetSharedAnswers();
    });
    await get(1);
    await get(1);
    expect(reads(1)).toBe(2);
    writeLands = false;
    await get(1);
    await get(1);
    expect(reads(1)).toBe(3);
    forgetSharedAnswers();
  });
});
