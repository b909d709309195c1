// Where the Worker's time goes under load: a CPU profile of the Worker's isolate (requests,
// queue consumer and cron all run in it; D1 and the Durable Object run in isolates of their
// own) taken through the DevTools inspector of `wrangler dev` while autocannon loads one route
// at 50 connections, as the throughput benchmark does. Prints the functions with the most
// self time, and the scripts (the Worker is one bundle, index.js: its line numbers are the
// bundle's; the runtime's own JavaScript, such as the D1 binding, shows apart), and writes the
// profile for Chrome DevTools (Performance → Load profile), which maps the bundle to sources.
// Every step in test/bench/RESULTS.md "What moved them" was found this way.
//   npm run bench:profile -- create        (routes: bare feed page create feed-fresh page-fresh; PROFILE_SECONDS=10)
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, root } from '../../scripts/local-stack.mjs';
import { demoComplaints } from '../../scripts/seed-demo.mjs';
import { apiRoutes, apiStack, bare } from './throughput.mjs';
import { sleep } from './stack.mjs';

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const routeKey = process.argv[2] ?? 'create';

const routes = [bare, ...apiRoutes(demoComplaints[2].code)];
const route = routes.find((r) => r.key === routeKey);
if (!route) {
  console.error(`no route "${routeKey}": one of ${routes.map((r) => r.key).join(', ')}`);
  process.exit(2);
}

/** The Chrome DevTools protocol over the inspector's WebSocket (which wants a DevTools origin). */
async function inspect(port) {
  const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const target = targets.find((t) => t.webSocketDebuggerUrl) ?? targets[0];
  const ws = new WebSocket(target.webSocketDebuggerUrl, { headers: { Origin: 'https://devtools.devprod.cloudflare.dev' } });
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error(`cannot reach the inspector at ${target.webSocketDebuggerUrl}`));
  });
  let id = 0;
  const waiting = new Map();
  ws.onmessage = (message) => {
    const data = JSON.parse(String(message.data));
    const reply = data.id !== undefined && waiting.get(data.id);
    if (!reply) return;
    waiting.delete(data.id);
    if (data.error) reply.reject(new Error(`${data.error.message} (${JSON.stringify(data.error)})`));
    else reply.resolve(data.result);
  };
  return {
    title: target.title,
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        waiting.set(++id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** Self time per function and per file, from the profile's samples. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const functions = new Map();
  const files = new Map();
  for (const [id, count] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url ? url.replace(/^.*\/(worker|node_modules)\//, '$1/') : '(native)';
    const fn = `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + count);
    files.set(file, (files.get(file) ?? 0) + count);
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => `  ${((100 * count) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  return { total, functions: top(functions, 30), files: top(files, 12) };
}

const inspectorPort = await freePort();
const stack = await apiStack({ inspectorPort });
try {
  const inspector = await inspect(inspectorPort);
  try {
    await autocannon({ url: stack.url, connections: CONNECTIONS, duration: 2, requests: [route.request] }); // warm up
    await sleep(1000);
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.send('Profiler.start');
    const result = await autocannon({ url: stack.url, connections: CONNECTIONS, duration: SECONDS, requests: [route.request] });
    const { profile } = await inspector.send('Profiler.stop');
    const file = join(root, '.wrangler', `profile-${route.key}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const { total, functions, files } = summarise(profile);
    const failed = result.non2xx + result.errors;
    console.log(`${route.label}: ${CONNECTIONS} connections for ${SECONDS} s, ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms`);
    if (failed) {
      console.log(`NOT 2xx: ${result.non2xx} answers, ${result.errors} errors: the profile shows those, not the route's work`);
      process.exitCode = 1;
    }
    console.log(`Worker isolate (${inspector.title}): ${total} samples every 0.2 ms; "(idle)" is time it waited for D1, the queue or the network.`);
    console.log(`\nSelf time by function:\n${functions}\n\nSelf time by script:\n${files}\n\nProfile: ${file}`);
  } finally {
    inspector.close();
  }
} finally {
  await stack.close();
}
