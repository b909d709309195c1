// A few seconds of memory for answers that are the same for everyone (the public feed). Under
// a burst (a link shared in a WhatsApp group, a news story) each isolate asks D1 once per
// URL and answers the rest from memory. Every write this isolate handles (a request other
// than GET, a queue batch, the cron) forgets it all at once; writes elsewhere (other
// isolates, other locations) show within `ttlMs`. A request with `Cache-Control: no-cache`
// is always answered fresh, and its answer refreshes the memory.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

interface Entry {
  body: string;
  contentType: string;
  expires: number;
}

/** Bounds the memory: the feed's filters make many URLs, few of them hot. */
const MAX_ENTRIES = 200;
const entries = new Map<string, Entry>();
/** Moves on with every write: an answer read before a write is not kept after it. */
let generation = 0;

/** Forgets every remembered answer; called after each write this isolate handles. */
export function forgetSharedAnswers(): void {
  generation++;
  entries.clear();
}

const wantsFresh = (cacheControl: string | undefined) => !!cacheControl && /no-cache|no-store|max-age=0/i.test(cacheControl);

/** Remembers a route's 200 answers for `ttlMs`, keyed by the whole URL (path and query). */
export const sharedFor = (ttlMs: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.url;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now && !wantsFresh(c.req.header('Cache-Control'))) {
      return c.body(hit.body, 200, { 'Content-Type': hit.contentType, 'Cache-Control': `public, max-age=${Math.ceil((hit.expires - now) / 1000)}` });
    }
    const readAt = generation;
    await next();
    if (c.res.status !== 200) return;
    c.header('Cache-Control', `public, max-age=${Math.ceil(ttlMs / 1000)}`);
    if (readAt !== generation) return; // a write landed while this was read
    const body = await c.res.clone().text();
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.delete(key);
    entries.set(key, { body, contentType: c.res.headers.get('Content-Type') ?? 'application/json', expires: now + ttlMs });
  });
