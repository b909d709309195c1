// Property-based: whatever a client sends to the public write endpoints, the answer is a
// 2xx or a 4xx in the one error shape, never a 5xx, and a refused request writes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countR2, countRows, validComplaint } from './citizen';
import { expectShape, freshClient as headers, nearValidJson } from './fuzz';
import { call } from './helpers';

const anyJson = nearValidJson(validComplaint);

describe('fuzzing the citizen endpoints', () => {
  it('POST /api/complaints never answers 5xx, and a refusal writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        const before = await countRows('complaints');
        const res = await call('/api/complaints', { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
        const status = res.status;
        await expectShape(res);
        if (status >= 400) expect(await countRows('complaints')).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/uploads never answers 5xx, and a refusal stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'text/html', 'image/svg+xml', ''),
        async (bytes, type) => {
          const before = [await countRows('uploads'), await countR2()];
          const res = await call('/api/uploads', { method: 'POST', headers: headers(type ? { 'Content-Type': type } : {}), body: bytes });
          const status = res.status;
          await expectShape(res);
          if (status >= 400) expect([await countRows('uploads'), await countR2()]).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('query strings and codes on the read endpoints never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), async (a, b) => {
        for (const path of [
          `/api/complaints?${encodeURIComponent(a)}=${encodeURIComponent(b)}`,
          `/api/complaints?cursor=${encodeURIComponent(a)}`,
          `/api/complaints/${encodeURIComponent(a)}`,
          `/api/regions/${encodeURIComponent(a)}`,
          `/api/photos/${encodeURIComponent(a)}`,
          `/api/stats?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`,
        ]) {
          await expectShape(await call(path));
        }
      }),
      { numRuns: 100 },
    );
  });
});
