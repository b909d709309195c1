// Scale: the dashboard API, the public feed and an agency inbox with 1,000 and then
// 100,000 complaints seeded, measured in the same run on `wrangler dev`. Prints median and
// p95 latency (single connection) and the ratio 100k / 1k. Targets: feed and inbox within
// 1.5x, dashboard within 3x.
//   npm run bench:scale            (SMALL=1000 LARGE=100000 by default)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, freePort, node22, offlineEnv, root, seedDemo, startWrangler } from '../../scripts/local-stack.mjs';
import { DEMO_PASSWORD } from '../../scripts/seed-demo.mjs';

const SMALL = Number(process.env.SMALL ?? 1000);
const LARGE = Number(process.env.LARGE ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const persistTo = join(root, '.wrangler', 'bench-scale');
const DAY = 86_400_000;

rmSync(persistTo, { recursive: true, force: true });
applyMigrations(persistTo);
await seedDemo(persistTo);

/** Complaints spread over the last 80 days, most verified and forwarded round the agencies. */
function seed(from, to) {
  const now = Date.now();
  const statuses = ['forwarded', 'in_progress', 'resolved', 'closed', 'submitted', 'rejected'];
  const villages = ["'52.71', '52.71.01', '52.71.01.1004'", "'52.01', '52.01.01', '52.01.01.1001'", "'52.72', '52.72.01', '52.72.01.1001'"];
  const chunks = [];
  for (let start = from; start < to; start += 200) {
    const values = [];
    for (let i = start; i < Math.min(to, start + 200); i++) {
      const submitted = now - Math.floor((i * 7919) % (80 * DAY));
      const status = statuses[i % statuses.length];
      const forwarded = status === 'submitted' || status === 'rejected' ? 'NULL' : submitted + 3_600_000;
      const response = status === 'in_progress' || status === 'resolved' || status === 'closed' ? submitted + 3_600_000 * (2 + (i % 60)) : 'NULL';
      const agency = forwarded === 'NULL' ? 'NULL' : 1 + (i % 54);
      values.push(
        `('NTB-S${String(i).padStart(7, '0')}', 'Pengaduan skala ${i}', 'Uraian pengaduan untuk uji skala nomor ${i}.', ${1 + (i % 16)}, ${villages[i % 3]}, '${['urgent', 'important', 'normal'][i % 3]}', '${status}', ${agency}, ${i % 10 === 0 ? 1 : 0}, '${'0'.repeat(64)}', ${submitted}, ${forwarded}, ${response}, ${submitted + 3_600_000 * 48}, ${submitted})`,
      );
    }
    chunks.push(
      `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, priority, status, agency_id, confidential, tracking_token_hash, submitted_at, forwarded_at, first_response_at, due_at, updated_at) VALUES\n${values.join(',\n')};`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'ntbcare-scale-'));
  const file = join(dir, 'seed.sql');
  writeFileSync(file, chunks.join('\n'));
  const started = Date.now();
  const result = spawnSync(node22, [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file], {
    cwd: root,
    env: offlineEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`seeding failed: ${String(result.stderr).slice(-2000)}`);
  return Date.now() - started;
}

async function measure(url, cookie) {
  const headers = cookie ? { Cookie: cookie } : {};
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm up
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

async function round(server, cookie) {
  return {
    dashboard: await measure(`${server.url}/api/stats`),
    feed: await measure(`${server.url}/api/complaints?limit=20`),
    inbox: await measure(`${server.url}/api/inbox?limit=50`, cookie),
  };
}

async function signIn(server) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'pdam-giri-menang', password: DEMO_PASSWORD }),
  });
  return res.headers.get('set-cookie').split(';')[0];
}

const seedSmallMs = seed(0, SMALL);
let server = await startWrangler({ port: await freePort(), persistTo, quiet: true });
const small = await round(server, await signIn(server));
await server.stop();
const seedLargeMs = seed(SMALL, LARGE);
server = await startWrangler({ port: await freePort(), persistTo, quiet: true });
const large = await round(server, await signIn(server));
await server.stop();

const targets = { dashboard: 3, feed: 1.5, inbox: 1.5 };
console.log(`\nScale on wrangler dev: ${SMALL} vs ${LARGE} complaints (seeded in ${(seedSmallMs / 1000).toFixed(1)} s + ${(seedLargeMs / 1000).toFixed(1)} s), ${ROUNDS} requests each, one connection`);
console.log('  route       p50 small   p50 large   p95 small   p95 large   ratio p50   target');
let ok = true;
for (const key of Object.keys(targets)) {
  const ratio = large[key].p50 / small[key].p50;
  ok &&= ratio <= targets[key];
  console.log(
    `  ${key.padEnd(10)}  ${small[key].p50.toFixed(1).padStart(8)} ms ${large[key].p50.toFixed(1).padStart(8)} ms ${small[key].p95.toFixed(1).padStart(8)} ms ${large[key].p95.toFixed(1).padStart(8)} ms ${ratio.toFixed(2).padStart(9)}x   <= ${targets[key]}x ${ratio <= targets[key] ? 'ok' : 'OVER'}`,
  );
}
process.exitCode = ok ? 0 : 1;
