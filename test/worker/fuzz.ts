// Shared pieces of the property-based tests: bodies near a valid one, odd query strings and
// headers, and the check every answer must pass (never a 5xx; a 4xx in the one error shape).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ErrorBody } from '../../worker/domain/api';

/** What a generated body does to a valid one: replace, drop or add a field, or be anything. */
export type Mutation =
  | { kind: 'replace'; key: string; value: fc.JsonValue }
  | { kind: 'drop'; key: string }
  | { kind: 'extra'; key: string; value: fc.JsonValue }
  | { kind: 'anything'; value: fc.JsonValue };

/** Mutations of a body whose fields are `keys`. */
export function mutation(keys: string[]): fc.Arbitrary<Mutation> {
  const key = fc.constantFrom(...keys);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), key, value: fc.jsonValue() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), key }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), key: fc.string({ maxLength: 12 }), value: fc.jsonValue() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('anything' as const), value: fc.jsonValue() }) },
  );
}

export function applyMutation(valid: Record<string, unknown>, m: Mutation): unknown {
  switch (m.kind) {
    case 'replace':
    case 'extra':
      return { ...valid, [m.key]: m.value };
    case 'drop': {
      const { [m.key]: _dropped, ...rest } = valid;
      return rest;
    }
    case 'anything':
      return m.value;
  }
}

/** Anything JSON, or a valid body (from `valid()`) changed by one mutation. */
export const nearValidJson = (valid: () => object) =>
  mutation(Object.keys(valid())).map((m) => applyMutation(valid() as Record<string, unknown>, m));

/** `arbitrary` in one case out of `n`, null otherwise. */
export const oneIn = <T>(n: number, arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** How a body travels: as JSON with an odd content type, or as text that may not be JSON. */
export const bodyEncoding = fc.record({
  contentType: fc.oneof(
    { weight: 4, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '', 'multipart/form-data; boundary=x') },
  ),
  /** Replaces the JSON text with these characters (a truncated or foreign body). */
  raw: oneIn(6, fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '{"version":', 'null', '[]', '""', '\u0000'))),
});

/** Values for query parameters: short strings, numbers as text, and base64 of anything (cursors). */
export const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.jsonValue().map((v) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(v) ?? ''))).replace(/=+$/, '')),
  fc.tuple(fc.integer(), fc.integer()).map(([a, b]) => btoa(`${a}.${b}`)),
);

/** A query string built from some of `names` (and stray ones), every value generated. */
export const queryString = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), queryValue), { maxLength: 4 })
    .map((pairs) => new URLSearchParams(pairs).toString());

/** Where a browser request says it comes from: our own pages, no browser, or elsewhere. */
export const requestSite = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Record<string, string>>({}, { 'Sec-Fetch-Site': 'same-origin' }, { Origin: 'https://ntbcare.test' }) },
  { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }, { Origin: 'null' }) },
);

/** Never a 5xx; a 4xx is the one error shape. Reads the body either way. */
export async function expectShape(res: Response) {
  expect(res.status, `${res.status}: ${await res.clone().text()}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as ErrorBody;
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
  } else {
    await res.arrayBuffer();
  }
}

let ip = 0;
/** A new client address for each request, so that generated requests do not share rate limits. */
export const freshClient = (extra: Record<string, string> = {}) => ({ 'CF-Connecting-IP': `198.18.${(++ip >> 8) & 255}.${ip & 255}`, ...extra });
