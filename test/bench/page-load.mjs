// Page weight and load in headless Chromium against `wrangler dev`, cold cache:
// - each page's first load: HTML, JS and CSS it fetches (and, apart, the API data), each
//   body gzipped at level 9, as the phone would receive them from the edge;
// - the time until the complaint form (/lapor) is usable on a throttled 3G profile
//   (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency), target under 3 s, beside its
//   physical floor: the bytes received before that moment / bandwidth, plus round trips
//   × latency (one TCP connect, then the depth of the request chain: HTML → entry JS/CSS →
//   page chunk → API data, see `parentOf`).
//   npm run bench:page-load           (RUNS_3G=3)
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../e2e/browser.ts';
import { apiStack } from './throughput.mjs';
import { printRows } from './report.mjs';
import { isMain, kb, median, ms } from './stack.mjs';

export const PAGES = ['/', '/lapor', '/lacak', '/pengaduan', '/statistik', '/masuk'];
const RUNS = Number(process.env.RUNS_3G ?? 3);
export const THREE_G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const TARGET_MS = 3000;

/**
 * "Usable", in the page: the complaint form's first field (its first `.field`: today the
 * category choice, which waits for `/api/meta`) holds a control that is visible and
 * enabled, and the submit button is in the form. Runs before the page's own scripts and
 * stamps the moment, in ms since navigation start, on `window.__formUsableAt`.
 */
function watchFormUsable() {
  const usable = () => {
    const form = document.querySelector('form.report-form');
    const first = form?.querySelector('.field')?.querySelector('input, select, textarea');
    const submit = form?.querySelector('button[type="submit"]');
    if (!first || !submit || first.disabled || first.closest('fieldset:disabled')) return false;
    const box = first.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && first.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const check = () => {
    if (window.__formUsableAt === undefined && usable()) window.__formUsableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => {
    check();
    if (window.__formUsableAt === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function coldPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page, cdp };
}

/** What one page fetches on its first load, gzipped, by kind. */
async function pageWeight(browser, url) {
  const { context, page } = await coldPage(browser);
  const origin = new URL(url).origin;
  const bodies = [];
  page.on('response', (response) => {
    const kind = response.request().resourceType();
    if (response.url().startsWith(origin) && response.status() < 300) {
      bodies.push(response.body().then((body) => ({ kind, url: response.url(), gzip: gzipSync(body, { level: 9 }).length })).catch(() => null));
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const files = (await Promise.all(bodies)).filter(Boolean);
  await context.close();
  const sum = (kinds) => files.filter((f) => kinds.includes(f.kind)).reduce((s, f) => s + f.gzip, 0);
  return {
    code: sum(['document', 'script', 'stylesheet']),
    codeFiles: files.filter((f) => ['document', 'script', 'stylesheet'].includes(f.kind)).length,
    data: sum(['fetch', 'xhr']),
    dataFiles: files.filter((f) => ['fetch', 'xhr'].includes(f.kind)).length,
  };
}

/**
 * /lapor on 3G, cold: ms until usable, bytes received by then, and the chain of requests
 * that each had to wait for the one before (the depth in round trips).
 */
async function formOn3G(browser, url) {
  const { context, page, cdp } = await coldPage(browser);
  await page.addInitScript(watchFormUsable);
  await cdp.send('Network.emulateNetworkConditions', THREE_G);
  const requests = new Map(); // requestId -> { url, type, depth, parent, started, wall, finished, bytes }
  let document;
  /**
   * What a request had to wait for: the document or stylesheet the parser found it in, or,
   * when a script asked (module imports, preloads, fetches), the deepest script loaded by
   * then: code asks only once it has arrived and run. (Stacks are no guide: a fetch made in
   * a promise callback names the framework's chunk, not the page chunk that led to it.)
   */
  const parentOf = (e) => {
    const known = [...requests.values()];
    if (e.initiator.type === 'script') {
      const loaded = known.filter((r) => r.type === 'Script' && r.finished !== undefined && r.finished <= e.timestamp);
      if (loaded.length) return loaded.reduce((a, b) => (b.depth > a.depth ? b : a));
    }
    return known.find((r) => r.url === e.initiator.url) ?? document;
  };
  cdp.on('Network.requestWillBeSent', (e) => {
    const parent = e.type === 'Document' ? null : parentOf(e);
    const request = { url: e.request.url, type: e.type, depth: parent ? parent.depth + 1 : 1, parent, started: e.timestamp, wall: e.wallTime };
    if (e.type === 'Document') document = request;
    requests.set(e.requestId, request);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request) Object.assign(request, { finished: e.timestamp, bytes: e.encodedDataLength });
  });
  await page.goto(`${url}/lapor`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__formUsableAt !== undefined, null, { timeout: 60_000 });
  const { usableAt, timeOrigin } = await page.evaluate(() => ({ usableAt: window.__formUsableAt, timeOrigin: performance.timeOrigin }));
  await context.close();
  // CDP timestamps are monotonic seconds; the document request's wall time ties them to the page's clock.
  const usableTs = document.started + (timeOrigin + usableAt - document.wall * 1000) / 1000;
  const before = [...requests.values()].filter((r) => r.finished !== undefined && r.finished <= usableTs + 0.001);
  const deepest = before.reduce((a, b) => (b.depth > a.depth ? b : a));
  const chain = [];
  for (let at = deepest; at; at = at.parent) chain.unshift(new URL(at.url).pathname);
  return { usableMs: usableAt, bytes: before.reduce((s, r) => s + r.bytes, 0), requests: before.length, depth: deepest.depth, chain };
}

/** Page weights, then the form on 3G RUNS times (medians). */
export async function measurePageLoad(url, { log = () => {} } = {}) {
  const browser = await launchBrowser();
  try {
    const weights = [];
    for (const path of PAGES) {
      weights.push({ path, ...(await pageWeight(browser, `${url}${path}`)) });
      log(`  ${path}: ${kb(weights.at(-1).code)} code, ${kb(weights.at(-1).data)} data`);
    }
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await formOn3G(browser, url));
      const run = runs.at(-1);
      log(`  /lapor on 3G: usable at ${ms(run.usableMs)} ms, ${kb(run.bytes)} in ${run.requests} requests, chain ${run.chain.join(' → ')}`);
    }
    const deepest = runs.reduce((a, b) => (b.depth > a.depth ? b : a));
    const bytes = median(runs.map((r) => r.bytes));
    const roundTrips = 1 + deepest.depth; // TCP connect, then the chain
    const floorMs = (1000 * bytes) / THREE_G.downloadThroughput + roundTrips * THREE_G.latency;
    return {
      weights,
      form: { usableMs: median(runs.map((r) => r.usableMs)), runs: runs.map((r) => r.usableMs), bytes, roundTrips, chain: deepest.chain, floorMs },
    };
  } finally {
    await browser.close();
  }
}

/** Rows of the one table (see report.mjs). */
export function pageLoadRows(p) {
  const rows = p.weights.map((w) => ({
    group: 'Page weight (first load, gzip -9)',
    measure: w.path,
    result: `${kb(w.code)} HTML+JS+CSS (${w.codeFiles} files) + ${kb(w.data)} API data (${w.dataFiles})`,
    target: '',
    met: null,
  }));
  const f = p.form;
  rows.push({
    group: 'Page load, 3G, cold cache',
    measure: '/lapor: complaint form usable',
    result: `${ms(f.usableMs)} ms (runs ${f.runs.map(ms).join(', ')}); floor ${ms(f.floorMs)} ms = ${kb(f.bytes)} / 1.6 Mbit/s + ${f.roundTrips} round trips × 150 ms (TCP connect → ${f.chain.join(' → ')})`,
    target: `< ${TARGET_MS} ms`,
    met: f.usableMs < TARGET_MS,
  });
  return rows;
}

if (isMain(import.meta)) {
  const stack = await apiStack();
  try {
    printRows(pageLoadRows(await measurePageLoad(stack.url, { log: console.log })));
  } finally {
    await stack.close();
  }
}
