// Scale: the dashboard API, the public feed and an agency inbox with 1,000 and with
// 100,000 complaints, two databases served side by side by two `wrangler dev`, requests
// alternating between them. Prints median and p95 latency (single connection) and the
// ratio 100k / 1k. Targets: feed and inbox within 1.5x, dashboard within 3x.
//   npm run bench:scale            (SMALL=1000 LARGE=100000 ROUNDS=30 by default)
import { benchStack, isMain, ms, percentile, signIn, spreadComplaintsSql } from './stack.mjs';

const SMALL = Number(process.env.SMALL ?? 1000);
const LARGE = Number(process.env.LARGE ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const TARGETS = { dashboard: 3, feed: 1.5, inbox: 1.5 };
const ROUTES = {
  dashboard: { label: 'GET /api/stats (dashboard, 90 days)', path: '/api/stats' },
  feed: { label: 'GET /api/complaints (feed, first page)', path: '/api/complaints?limit=20' },
  inbox: { label: 'GET /api/inbox (one agency)', path: '/api/inbox?limit=50' }, // signed in as its agency
};

/** One request's time in ms (body read included); throws unless 2xx. */
async function timed(url, cookie) {
  const t = performance.now();
  // Always the database's answer: the feed is otherwise shared from memory for a few seconds,
  // which would measure the memory, not the query at scale.
  const res = await fetch(url, { headers: { 'Cache-Control': 'no-cache', ...(cookie ? { Cookie: cookie } : {}) } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

/**
 * Both databases side by side, each in its own `wrangler dev`: for every route, requests
 * alternate between them (small, large, large, small...), so a busy moment on this shared
 * machine falls on both sides alike.
 */
async function sideBySide(sides) {
  const times = Object.fromEntries(Object.keys(ROUTES).map((key) => [key, sides.map(() => [])]));
  for (const key of Object.keys(ROUTES)) {
    const urlOf = (side) => `${side.url}${ROUTES[key].path}`;
    const cookieOf = (side) => (key === 'inbox' ? side.cookie : undefined);
    for (const side of sides) for (let i = 0; i < 3; i++) await timed(urlOf(side), cookieOf(side)); // warm up
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
      for (const n of order) times[key][n].push(await timed(urlOf(sides[n]), cookieOf(sides[n])));
    }
  }
  return times;
}

/** Seeds SMALL into one database and LARGE into another, then measures them side by side. */
export async function measureScale() {
  const stacks = [];
  try {
    const seeded = [];
    for (const [name, count] of [['small', SMALL], ['large', LARGE]]) {
      const stack = await benchStack(`scale-${name}`);
      stacks.push(stack);
      seeded.push(stack.sql(spreadComplaintsSql(0, count), `scale seed (${name})`));
    }
    const sides = [];
    for (const stack of stacks) {
      const url = await stack.start();
      sides.push({ url, cookie: (await signIn(url, 'pdam-giri-menang')).cookie });
    }
    const times = await sideBySide(sides);
    const stats = (samples) => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) });
    const routes = Object.keys(TARGETS).map((key) => {
      const [small, large] = times[key].map(stats);
      return { key, label: ROUTES[key].label, small, large, ratio: large.p50 / small.p50, target: TARGETS[key] };
    });
    return { small: SMALL, large: LARGE, rounds: ROUNDS, seedSmallMs: seeded[0], seedLargeMs: seeded[1], routes };
  } finally {
    for (const stack of stacks) await stack.close();
  }
}

const thousands = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Rows of the one table (see report.mjs). */
export function scaleRows(s) {
  const group = `Scale, ${thousands(s.small)} vs ${thousands(s.large)} complaints (side by side, 1 connection, ${s.rounds} requests each)`;
  return [
    ...s.routes.map((r) => ({
      group,
      measure: `${r.label}: p50 at ${thousands(s.large)} / at ${thousands(s.small)}`,
      result: `${r.ratio.toFixed(2)}x (p50 ${ms(r.large.p50)} vs ${ms(r.small.p50)} ms; p95 ${ms(r.large.p95)} vs ${ms(r.small.p95)} ms)`,
      target: `≤ ${r.target}x`,
      met: r.ratio <= r.target,
    })),
    {
      group,
      measure: 'seeding (multi-row INSERTs through `wrangler d1 execute`)',
      result: `${thousands(s.large)} in ${(s.seedLargeMs / 1000).toFixed(1)} s, ${thousands(s.small)} in ${(s.seedSmallMs / 1000).toFixed(1)} s`,
      target: '',
      met: null,
    },
  ];
}

if (isMain(import.meta)) {
  const s = await measureScale();
  console.log(
    `\nScale on wrangler dev: ${s.small} vs ${s.large} complaints side by side (seeded in ${(s.seedSmallMs / 1000).toFixed(1)} s and ${(s.seedLargeMs / 1000).toFixed(1)} s), ${s.rounds} requests each, one connection`,
  );
  console.log('  route       p50 small   p50 large   p95 small   p95 large   ratio p50   target');
  for (const r of s.routes) {
    console.log(
      `  ${r.key.padEnd(10)}  ${r.small.p50.toFixed(1).padStart(8)} ms ${r.large.p50.toFixed(1).padStart(8)} ms ${r.small.p95.toFixed(1).padStart(8)} ms ${r.large.p95.toFixed(1).padStart(8)} ms ${r.ratio.toFixed(2).padStart(9)}x   <= ${r.target}x ${r.ratio <= r.target ? 'ok' : 'OVER'}`,
    );
  }
  process.exitCode = s.routes.every((r) => r.ratio <= r.target) ? 0 : 1;
}
