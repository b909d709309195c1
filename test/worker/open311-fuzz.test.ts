// Property-based: whatever an Open311 client sends, the answer is a 2xx or a 4xx in the
// specification's error format (never a 5xx), and a refused POST files nothing.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRows } from './citizen';
import { oneIn, queryString, queryValue } from './fuzz';
import { call } from './helpers';
import { BASE, issueApiKey, readerAddress, requestForm } from './open311';
import { signIn } from './staff';

/** Never a 5xx; a 4xx is the `errors` array whose codes are the status. */
async function expectOpen311Shape(res: Response) {
  expect(res.status, `${res.status}: ${await res.clone().text()}`).toBeLessThan(500);
  if (res.status < 400) return void (await res.arrayBuffer());
  const text = await res.text();
  if (res.headers.get('content-type')?.startsWith('text/xml')) {
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<errors>(<error><code>\d{3}<\/code><description>[^<]+<\/description><\/error>)+<\/errors>\n$/);
  } else {
    const errors = JSON.parse(text) as { code: number; description: string }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e).toEqual({ code: res.status, description: expect.any(String) });
  }
}

// Each key may file 60 times in ten minutes: enough keys that the limit rarely answers.
let keys: string[] = [];
let used = 0;
beforeAll(async () => {
  const admin = (await signIn('admin')).cookie;
  keys = await Promise.all(Array.from({ length: 5 }, async (_, i) => (await issueApiKey(admin, `Kunci uji ${i}`)).key));
});

const fields = Object.keys(requestForm('k'));
const formChange = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), key: fc.constantFrom(...fields), value: fc.oneof(queryValue, fc.string({ unit: 'grapheme', maxLength: 60 })) }),
  fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...fields) }),
  fc.record({ kind: fc.constant('extra' as const), key: fc.oneof(fc.string({ maxLength: 20 }), fc.string({ maxLength: 8 }).map((s) => `attribute[${s}]`)), value: queryValue }),
);

describe('fuzzing Open311', () => {
  it('POST requests never answers 5xx, and a refusal files nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(formChange, { maxLength: 3 }),
        fc.constantFrom('json', 'xml'),
        oneIn(8, fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', '')),
        oneIn(10, fc.string({ maxLength: 60 })),
        async (changes, format, contentType, raw) => {
          const form = new URLSearchParams(requestForm(keys[used++ % keys.length]!));
          for (const change of changes) {
            if (change.kind === 'drop') form.delete(change.key);
            else if (change.kind === 'replace') form.set(change.key, change.value);
            else form.append(change.key, change.value);
          }
          const before = await countRows('complaints');
          const res = await call(`${BASE}/requests.${format}`, {
            method: 'POST',
            headers: { 'Content-Type': contentType ?? 'application/x-www-form-urlencoded' },
            body: raw ?? form.toString(),
          });
          const status = res.status;
          await expectOpen311Shape(res);
          if (status >= 400) expect(await countRows('complaints')).toBe(before);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('query strings and paths of the read resources never answer 5xx', async () => {
    const names = ['service_request_id', 'service_code', 'status', 'start_date', 'end_date', 'jurisdiction_id'];
    const path = fc.oneof(
      fc.constantFrom('requests', 'services', 'discovery'),
      fc.string({ maxLength: 20 }).map((s) => `requests/${encodeURIComponent(s)}`),
      fc.string({ maxLength: 20 }).map((s) => `services/${encodeURIComponent(s)}`),
      fc.string({ maxLength: 20 }).map((s) => `tokens/${encodeURIComponent(s)}`),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('.json', '.xml', ''), queryString(names), async (p, suffix, query) => {
        await expectOpen311Shape(await call(`${BASE}/${p}${suffix}?${query}`, { headers: readerAddress() }));
      }),
      { numRuns: 200 },
    );
  });
});
