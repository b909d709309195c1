// A few seconds of memory for answers that are the same for everyone who gets them (the
// public feed; a complaint's page as the public sees it). Under a burst (a link shared in a
// WhatsApp group, a news story) each isolate asks D1 once per URL and answers the rest from
// memory. Every write this isolate handles (a request other than GET that was not refused
// with a 4xx, a queue batch, the cron) forgets it all at once; writes elsewhere (other
// isolates, other locations) show within the route's time. A request with `Cache-Control:
// no-cache` is always answered fresh, and its answer refreshes the memory: the client's live
// re-reads send it.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { SizedMemory } from '../domain/sized-memory';
import type { AppEnv } from './env';

interface Entry {
  body: string;
  headers: [string, string][];
  expires: number;
}

/**
 * Bounds the memory by bytes (an isolate has 128 MB, and anyone can make new URLs by adding to
 * the query): the feed's filters and the complaints make many URLs, few of them hot.
 */
export const MAX_CHARS = 4 * 1024 * 1024;
/** What it remembers, by URL; one answer may not take more than an eighth. */
const entries = new SizedMemory<string, Entry>(MAX_CHARS, (_, entry) => entry.body.length, MAX_CHARS / 8);
/** Moves on with every write: an answer read before a write is not kept after it. */
let generation = 0;

/** Forgets every remembered answer; called after each write this isolate handles. */
export function forgetSharedAnswers(): void {
  generation++;
  entries.clear();
}

const wantsFresh = (cacheControl: string | undefined) => !!cacheControl && /no-cache|no-store|max-age=0/i.test(cacheControl);
/** The answer's headers worth replaying (the rest are set per request by the app's middleware). */
const KEPT_HEADERS = ['content-type', 'cache-control'];

/**
 * Remembers a route's 200 answers for `ttlMs`, keyed by the whole URL (path and query), for
 * the requests `shared` accepts (by default all): a route whose answer depends on who asks
 * must let only the anonymous through.
 */
export const sharedFor = (ttlMs: number, shared: (c: Context<AppEnv>) => boolean = () => true) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!shared(c)) return next();
    const key = c.req.url;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now && !wantsFresh(c.req.header('Cache-Control'))) {
      return c.body(hit.body, 200, Object.fromEntries(hit.headers));
    }
    const readAt = generation;
    await next();
    if (c.res.status !== 200) return;
    const body = await c.res.clone().text();
    if (readAt !== generation) return; // a write landed while this was read
    const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
      const value = c.res.headers.get(name);
      return value === null ? [] : [[name, value]];
    });
    entries.set(key, { body, headers, expires: now + ttlMs });
  });
