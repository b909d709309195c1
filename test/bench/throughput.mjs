// API throughput and latency on `wrangler dev` with a real HTTP load generator (autocannon).
// At 50 connections each route runs in short rounds interleaved with the bare health route
// (bare, route, bare, route...), so every share of the ceiling compares two runs that met
// the same load on this shared machine. Then each route alone on one connection: its own
// cost, without queueing. Targets: feed and complaint page ≥ 50% of the ceiling, creation
// ≥ 25%, each p99 within 2x the bare p99; one connection: p50 under 20 ms.
//   npm run bench:throughput      (LOAD_ROUNDS=5 LOAD_SECONDS=5 LOAD_CONNECTIONS=50 SINGLE_SECONDS=4, LOAD_ROUTES=feed,page: those and creation only)
import autocannon from 'autocannon';
import { demoComplaints } from '../../scripts/seed-demo.mjs';
import { printRows } from './report.mjs';
import { benchStack, isMain, median, ms, percentile, sleep, spreadComplaintsSql } from './stack.mjs';

const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 5);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const SINGLE_SECONDS = Number(process.env.SINGLE_SECONDS ?? 4);
/** A pause between runs, so one run's leftovers (queue work after filings) stay in it. */
const SETTLE_MS = 1000;
const PACED_FILINGS = 15;

export const bare = { key: 'bare', label: 'GET /api/health', request: { method: 'GET', path: '/api/health' } };

const fresh = { 'Cache-Control': 'no-cache' };

/** The routes measured against the bare one, with their targets (share of the ceiling; null: none). */
export function apiRoutes(complaintCode) {
  return [
    { key: 'feed', label: 'GET /api/complaints (feed, first page)', request: { method: 'GET', path: '/api/complaints' }, share: 0.5 },
    { key: 'page', label: `GET /api/complaints/${complaintCode} (complaint page)`, request: { method: 'GET', path: `/api/complaints/${complaintCode}` }, share: 0.5 },
    { key: 'create', label: 'POST /api/complaints (creation)', request: filingRequest(), share: 0.25 },
    // The same reads asked for fresh (the client's live re-reads do): what they cost when the
    // Worker's few seconds of shared memory do not answer. For information, no target.
    { key: 'feed-fresh', label: 'GET /api/complaints, read fresh (Cache-Control: no-cache)', request: { method: 'GET', path: '/api/complaints', headers: fresh }, share: null },
    { key: 'page-fresh', label: `GET /api/complaints/${complaintCode}, read fresh (Cache-Control: no-cache)`, request: { method: 'GET', path: `/api/complaints/${complaintCode}`, headers: fresh }, share: null },
  ];
}

const places = [
  { regencyCode: '52.71', districtCode: '52.71.01', villageCode: '52.71.01.1004' },
  { regencyCode: '52.01', districtCode: '52.01.01', villageCode: '52.01.01.1001' },
  { regencyCode: '52.72', districtCode: '52.72.01', villageCode: '52.72.01.1001' },
];
let filed = 0;

/**
 * A complaint filed as the client files it (same-origin browser request, device key,
 * idempotency key), each from another citizen: its own address, as Cloudflare sets
 * CF-Connecting-IP in production, so the per-address limit of 20 filings is never what is
 * measured, and nothing in the Worker is relaxed for the benchmark.
 */
function filingRequest() {
  return {
    method: 'POST',
    path: '/api/complaints',
    setupRequest(request) {
      const n = ++filed;
      return {
        ...request,
        headers: {
          'Content-Type': 'application/json',
          'Sec-Fetch-Site': 'same-origin',
          'CF-Connecting-IP': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          'X-Client-Key': `bench-client-${n}-${Date.now()}`,
          'Idempotency-Key': `bench-filing-${n}-${Date.now()}`,
        },
        body: JSON.stringify({
          title: `Lampu jalan padam di gang ${n}`,
          description: `Lampu penerangan jalan di gang nomor ${n} padam sejak seminggu, gelap dan rawan di malam hari.`,
          category: 'lainnya',
          ...places[n % places.length],
          address: `Gang ${n}`,
          photoIds: [],
          reporter: { name: 'Warga Uji', phone: '+62 812-0000-0000' },
          anonymous: false,
          confidential: false,
        }),
      };
    },
  };
}

/** One autocannon run (`seconds` long, or `amount` requests): 2xx latencies (ms, unrounded), throughput and what failed. */
async function load(url, route, connections, seconds, amount = undefined) {
  const latencies = [];
  const instance = autocannon({ url, connections, ...(amount ? { amount } : { duration: seconds }), timeout: 30, requests: [route.request] });
  instance.on('response', (_client, status, _bytes, time) => {
    if (status >= 200 && status < 300) latencies.push(time);
  });
  const result = await instance;
  const failures = Object.entries(result.statusCodeStats)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${count}× ${status}`);
  if (result.errors) failures.push(`${result.errors} errors (${result.timeouts} timeouts)`);
  return { ok: latencies.length, seconds: result.duration, rps: latencies.length / result.duration, latencies, failures };
}

const pooled = (runs) => runs.flatMap((r) => r.latencies);
const failuresOf = (runs) => runs.flatMap((r) => r.failures);

/**
 * Interleaved rounds at CONNECTIONS, then one connection per route. After every run the
 * queue consumer must catch up (each filing leaves it routing and live fan-out to do in the
 * same workerd), so that no run pays for the one before; the wait is reported.
 */
export async function measureThroughput(stack, { complaintCode = demoComplaints[2].code, log = () => {}, only = undefined } = {}) {
  const url = stack.url;
  const routes = apiRoutes(complaintCode).filter((r) => !only || only.includes(r.key) || r.key === 'create');
  const settle = async () => {
    await sleep(SETTLE_MS);
    return stack.queueDrained(); // { ms, undelivered }
  };
  for (const route of [bare, ...routes]) await load(url, route, CONNECTIONS, 1); // warm up
  await settle();
  const loaded = [];
  for (const route of routes) {
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const base = await load(url, bare, CONNECTIONS, SECONDS);
      await settle();
      const run = await load(url, route, CONNECTIONS, SECONDS);
      const drained = await settle();
      rounds.push({ base, run, share: run.rps / base.rps, drainMs: drained.ms, undelivered: drained.undelivered });
      log(
        `  ${route.key} round ${i + 1}: bare ${base.rps.toFixed(0)} req/s, ${route.key} ${run.rps.toFixed(0)} req/s, ` +
          (drained.undelivered ? `${drained.undelivered} events still unconfirmed after ${(drained.ms / 1000).toFixed(0)} s` : `queue drained ${(drained.ms / 1000).toFixed(1)} s later`),
      );
    }
    loaded.push({ route, rounds });
  }
  const single = [];
  for (const route of [bare, ...routes]) {
    single.push({ route, run: await load(url, route, 1, SINGLE_SECONDS) });
    await settle();
  }
  // Filings one at a time with the consumer idle before each: the route's own cost, apart
  // from the previous filing's routing and fan-out that share the workerd with it.
  const creation = routes.find((r) => r.key === 'create');
  const paced = [];
  for (let i = 0; i < PACED_FILINGS; i++) {
    paced.push(await load(url, creation, 1, undefined, 1));
    await settle();
  }
  return { ...summarise(loaded, single), pacedCreation: { label: creation.label, requests: paced.length, p50: percentile(pooled(paced), 50), p99: percentile(pooled(paced), 99), failures: failuresOf(paced) } };
}

function summarise(loaded, single) {
  const bareRuns = loaded.flatMap((l) => l.rounds.map((r) => r.base));
  const bareAll = pooled(bareRuns);
  const ceiling = {
    rps: bareRuns.reduce((s, r) => s + r.ok, 0) / bareRuns.reduce((s, r) => s + r.seconds, 0),
    p50: percentile(bareAll, 50),
    p99: percentile(bareAll, 99),
    failures: failuresOf(bareRuns),
  };
  const routes = loaded.map(({ route, rounds }) => {
    const runs = rounds.map((r) => r.run);
    const bases = rounds.map((r) => r.base);
    const shares = rounds.map((r) => r.share);
    const p99 = percentile(pooled(runs), 99);
    const bareP99 = percentile(pooled(bases), 99);
    return {
      key: route.key,
      label: route.label,
      shareTarget: route.share,
      rps: runs.reduce((s, r) => s + r.ok, 0) / runs.reduce((s, r) => s + r.seconds, 0),
      bareRps: bases.reduce((s, r) => s + r.ok, 0) / bases.reduce((s, r) => s + r.seconds, 0),
      share: median(shares),
      shareRange: [Math.min(...shares), Math.max(...shares)],
      p50: percentile(pooled(runs), 50),
      p99,
      bareP99,
      p99Ratio: p99 / bareP99,
      failures: failuresOf(runs),
      // Requests answered per second of the run plus the consumer's catching up after it.
      endToEndRps: runs.reduce((s, r) => s + r.ok, 0) / rounds.reduce((s, r) => s + r.run.seconds + r.drainMs / 1000, 0),
      drainSeconds: median(rounds.map((r) => r.drainMs / 1000)),
      undelivered: Math.max(...rounds.map((r) => r.undelivered)),
    };
  });
  const oneConnection = single.map(({ route, run }) => ({
    key: route.key,
    targeted: route.key !== 'bare' && route.share !== null,
    label: route.label,
    requests: run.ok,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    failures: run.failures,
  }));
  return { connections: CONNECTIONS, rounds: ROUNDS, seconds: SECONDS, ceiling, routes, oneConnection };
}

const pct = (x) => `${(100 * x).toFixed(0)}%`;
const failed = (failures) => (failures.length ? `; NOT 2xx: ${failures.join(', ')}` : '');

/** Rows of the one table (see report.mjs). */
export function throughputRows(t) {
  const group = `API, ${t.connections} connections (${t.rounds} × ${t.seconds} s interleaved)`;
  const rows = [
    { group, measure: 'GET /api/health: the ceiling', result: `${t.ceiling.rps.toFixed(0)} req/s, p50 ${ms(t.ceiling.p50)} ms, p99 ${ms(t.ceiling.p99)} ms${failed(t.ceiling.failures)}`, target: '', met: null },
  ];
  for (const r of t.routes) {
    const clean = r.failures.length === 0;
    rows.push(
      {
        group,
        measure: `${r.label}: throughput / ceiling`,
        result: `${pct(r.share)} (rounds ${pct(r.shareRange[0])}–${pct(r.shareRange[1])}; ${r.rps.toFixed(0)} vs ${r.bareRps.toFixed(0)} req/s)${failed(r.failures)}`,
        target: r.shareTarget === null ? '' : `≥ ${pct(r.shareTarget)}`,
        met: r.shareTarget === null ? null : clean && r.share >= r.shareTarget,
      },
      {
        group,
        measure: `${r.label}: p99 / ceiling p99`,
        result: `${r.p99Ratio.toFixed(2)}x (p99 ${ms(r.p99)} vs ${ms(r.bareP99)} ms; p50 ${ms(r.p50)} ms)`,
        target: r.shareTarget === null ? '' : '≤ 2x',
        met: r.shareTarget === null ? null : clean && r.p99Ratio <= 2,
      },
    );
    if (r.drainSeconds >= 0.5) {
      const stuck = r.undelivered ? `; after one round ${r.undelivered} events were still unconfirmed when the wait gave up (no progress for 15 s; left to retries and the outbox sweep)` : '';
      rows.push({
        group,
        measure: `${r.label}: with the queue consumer's work`,
        result: `${r.endToEndRps.toFixed(0)} req/s sustained: the consumer caught up ${r.drainSeconds.toFixed(1)} s after each ${t.seconds} s round (median)${stuck}`,
        target: '',
        met: null,
      });
    }
  }
  for (const r of t.oneConnection) {
    const isBare = r.key === 'bare';
    rows.push({
      group: 'API, 1 connection',
      measure: isBare ? 'GET /api/health' : r.label,
      result: `p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms (${r.requests} requests)${failed(r.failures)}`,
      target: r.targeted ? 'p50 < 20 ms' : '',
      met: r.targeted ? r.failures.length === 0 && r.p50 < 20 : null,
    });
  }
  const paced = t.pacedCreation;
  rows.push({
    group: 'API, 1 connection',
    measure: `${paced.label}, each after the queue consumer went idle`,
    result: `p50 ${ms(paced.p50)} ms, p99 ${ms(paced.p99)} ms (${paced.requests} requests)${failed(paced.failures)}`,
    target: '',
    met: null,
  });
  return rows;
}

/** The stack the API benchmarks (and the page loads) run on: demo data plus a full feed. */
export async function apiStack({ inspectorPort = 0 } = {}) {
  const stack = await benchStack('api');
  try {
    stack.sql(spreadComplaintsSql(0, 1000), 'bench complaints');
    await stack.start({ inspectorPort });
    return stack;
  } catch (err) {
    await stack.close();
    throw err;
  }
}

if (isMain(import.meta)) {
  // LOAD_ROUTES=create,feed: only those routes (creation is always in: the paced filings need
  // it), to compare one change quickly. `npm run bench` measures every route whatever it says.
  const only = process.env.LOAD_ROUTES?.split(',');
  const known = apiRoutes('').map((r) => r.key);
  const unknown = only?.filter((key) => !known.includes(key)) ?? [];
  if (unknown.length) {
    console.error(`LOAD_ROUTES: no route ${unknown.join(', ')}; one of ${known.join(', ')}`);
    process.exit(2);
  }
  const stack = await apiStack();
  try {
    printRows(throughputRows(await measureThroughput(stack, { log: console.log, only })));
  } finally {
    await stack.close();
  }
}
