// Live inbox latency on `wrangler dev`: one socket per agency (signed in as the agency's
// own account) plus 5 moderators on `moderation`; 200 complaints forwarded round-robin to
// the agencies; for each, the time from the forward request's response to the message's
// arrival on that agency's socket. Prints p50, p95 and max, and checks that every message
// arrived exactly once, on the right socket only. Target: p95 under 250 ms.
//   npm run bench:live
import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { applyMigrations, freePort, node22, offlineEnv, root, seedDemo, startWrangler } from '../../scripts/local-stack.mjs';
import { DEMO_PASSWORD, demoLogins } from '../../scripts/seed-demo.mjs';

const COMPLAINTS = Number(process.env.COMPLAINTS ?? 200);
const MODERATORS = 5;
const persistTo = join(root, '.wrangler', 'bench-live');

rmSync(persistTo, { recursive: true, force: true });
applyMigrations(persistTo);
await seedDemo(persistTo);
seedComplaints(COMPLAINTS);
const server = await startWrangler({ port: await freePort(), persistTo, quiet: true });
const wsUrl = server.url.replace('http', 'ws');

try {
  const agencies = demoLogins().filter((l) => l.role === 'agency');
  const sessions = await Promise.all(agencies.map((a) => signIn(a.username)));
  const moderatorCookie = await signIn('moderator');

  const arrivals = new Map(); // code -> [{ topic, at }]
  const sockets = await Promise.all([
    ...sessions.map((s) => openSocket(`agency:${s.user.agencyId}`, s.cookie, arrivals)),
    ...Array.from({ length: MODERATORS }, () => openSocket('moderation', moderatorCookie.cookie, null)),
  ]);

  const queue = await getJson('/api/moderation/queue?limit=100', moderatorCookie.cookie);
  let items = queue.items;
  const codes = [];
  let cursor = queue.nextCursor;
  while (cursor) {
    const next = await getJson(`/api/moderation/queue?limit=100&cursor=${cursor}`, moderatorCookie.cookie);
    items = items.concat(next.items);
    cursor = next.nextCursor;
  }
  items = items.filter((i) => i.title.startsWith('Bench'));

  const latencies = [];
  const expected = new Map();
  for (const [n, item] of items.entries()) {
    const target = sessions[n % sessions.length];
    expected.set(item.code, `agency:${target.user.agencyId}`);
    const res = await fetch(`${server.url}/api/complaints/${item.code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderatorCookie.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: item.version, agency: target.user.agency.slug, priority: 'normal' }),
    });
    if (res.status !== 200) throw new Error(`forward ${item.code}: ${res.status} ${await res.text()}`);
    const answered = performance.now();
    latencies.push(await arrival(arrivals, item.code, answered));
    codes.push(item.code);
  }
  await new Promise((r) => setTimeout(r, 1500)); // let any duplicate show itself

  let wrongSocket = 0;
  let duplicates = 0;
  for (const code of codes) {
    const got = arrivals.get(code) ?? [];
    if (got.length !== 1) duplicates += Math.max(0, got.length - 1);
    wrongSocket += got.filter((g) => g.topic !== expected.get(code)).length;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const table = [
    ['sockets', `${sessions.length} agencies + ${MODERATORS} moderators`],
    ['complaints forwarded', String(codes.length)],
    ['p50 (ms)', pct(50).toFixed(1)],
    ['p95 (ms)', pct(95).toFixed(1)],
    ['max (ms)', sorted.at(-1).toFixed(1)],
    ['arrived exactly once', `${codes.filter((c) => (arrivals.get(c) ?? []).length === 1).length}/${codes.length}`],
    ['on a wrong socket', String(wrongSocket)],
  ];
  console.log('\nLive inbox latency (forward response → agency socket), wrangler dev');
  for (const [k, v] of table) console.log(`  ${k.padEnd(22)} ${v}`);
  const ok = pct(95) < 250 && duplicates === 0 && wrongSocket === 0 && codes.every((c) => (arrivals.get(c) ?? []).length === 1);
  console.log(ok ? '\nWithin target (p95 < 250 ms, exactly once).' : '\nOUTSIDE TARGET.');
  for (const s of sockets) s.close();
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
}

function seedComplaints(n) {
  // Straight into D1: the public API would rate-limit one client at 20 filings.
  const statements = [];
  for (let i = 0; i < n; i++) {
    const code = `NTB-B${String(i).padStart(7, '0')}`;
    statements.push(
      `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, tracking_token_hash, submitted_at, updated_at)
       SELECT '${code}', 'Bench ${i}', 'Pengaduan uji kecepatan nomor ${i}, isinya cukup panjang.', id, '52.71', '52.71.01', '52.71.01.1004', '${'0'.repeat(64)}', ${Date.now() - (n - i) * 1000}, ${Date.now()} FROM categories WHERE slug = 'lainnya';`,
      `INSERT INTO events (complaint_id, type, actor_role, visibility, to_status, delivered_at) SELECT id, 'submitted', 'citizen', 'public', 'submitted', 1 FROM complaints WHERE code = '${code}';`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'ntbcare-bench-'));
  const file = join(dir, 'bench.sql');
  writeFileSync(file, statements.join('\n'));
  const result = spawnSync(node22, [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file], {
    cwd: root,
    env: offlineEnv,
    stdio: 'ignore',
  });
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) throw new Error('seeding bench complaints failed');
}

async function signIn(username) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return { cookie, user: (await res.json()).user };
}

async function getJson(path, cookie) {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

function openSocket(topic, cookie, arrivals) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/api/live?topic=${encodeURIComponent(topic)}`, { headers: { Cookie: cookie } });
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === 'ready') return resolve(ws);
      if (arrivals && m.type === 'event' && m.eventType === 'forwarded') {
        const list = arrivals.get(m.complaintCode) ?? [];
        list.push({ topic, at: performance.now() });
        arrivals.set(m.complaintCode, list);
      }
    };
    ws.onerror = () => reject(new Error(`socket ${topic} failed`));
  });
}

async function arrival(arrivals, code, since) {
  const deadline = since + 10_000;
  for (;;) {
    const got = arrivals.get(code);
    if (got?.length) return Math.max(0, got[0].at - since);
    if (performance.now() > deadline) return 10_000;
    await new Promise((r) => setTimeout(r, 1));
  }
}
