// Every GeoReport v2 resource in both formats, chosen by the suffix of the path's last
// part (`services.json`, `requests/NTB-…xml`), errors included.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env';
import { ApiError, toApiError } from '../http/errors';
import { type SparkValue, xmlDocument } from './xml';

export type Format = 'json' | 'xml';

const contentTypes: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};
export const mediaTypes = ['text/xml', 'application/json'] as const;

/** `services.json` → `{ name: 'services', format: 'json' }`; no known suffix → 404. */
export function splitFormat(file: string): { name: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  if (!match) throw new ApiError('not_found', `No resource ${file}: add .json or .xml`);
  return { name: match[1]!, format: match[2] as Format };
}

/** The format a failed request asked for: XML when its path says so, else JSON. */
const formatOfPath = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');

/** `root` names the XML root element; the JSON is the value itself. */
export function render(
  c: Context<AppEnv>,
  format: Format,
  root: string,
  value: SparkValue,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Response {
  const text = format === 'xml' ? xmlDocument(root, value) : JSON.stringify(value);
  return c.body(text, status, { ...headers, 'Content-Type': contentTypes[format] });
}

// The specification's classes: 404 for what does not exist, 403 for a missing or wrong
// api_key, 400 for every other refusal. HTTP's own 405 (with Allow), 429 and 500 keep their meaning.
function statusOf(error: ApiError): ContentfulStatusCode {
  switch (error.code) {
    case 'not_found':
      return 404;
    case 'unauthenticated':
    case 'forbidden':
      return 403;
    case 'method_not_allowed':
      return 405;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    default:
      return 400;
  }
}

/** The `errors` array of the specification, one entry per problem, in the asked format. */
export function renderError(c: Context<AppEnv>, err: unknown): Response {
  const error = toApiError(err);
  if (error.status >= 500) console.error('unhandled error', c.get('requestId'), err);
  const status = statusOf(error);
  const descriptions = error.details?.length ? error.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)) : [error.message];
  const errors = descriptions.map((description) => ({ code: status, description }));
  return render(c, formatOfPath(c.req.path), 'errors', errors, status, { ...error.headers, 'Cache-Control': 'no-store' });
}
