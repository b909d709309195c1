// Live inbox latency on `wrangler dev`: one socket per agency (signed in as the agency's
// own account) plus 5 moderators on `moderation`; 200 complaints forwarded round-robin to
// the agencies; for each, the time from the forward request's response to the message's
// arrival on that agency's socket. Prints p50, p95 and max, and checks that every message
// arrived exactly once, on the right socket only. Target: p95 under 250 ms.
//   npm run bench:live
import { demoLogins } from '../../scripts/seed-demo.mjs';
import { benchStack, isMain, percentile, signIn, sleep } from './stack.mjs';

const COMPLAINTS = Number(process.env.COMPLAINTS ?? 200);
const MODERATORS = 5;
const TARGET_P95_MS = 250;
/** How long a forward waits for its message before counting it as never arrived. */
const GIVE_UP_MS = 10_000;

/** Submitted complaints straight into D1: the public API would rate-limit one client at 20 filings. */
function submittedComplaintsSql(n) {
  const statements = [];
  for (let i = 0; i < n; i++) {
    const code = `NTB-B${String(i).padStart(7, '0')}`;
    statements.push(
      `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, tracking_token_hash, submitted_at, updated_at)
       SELECT '${code}', 'Bench ${i}', 'Pengaduan uji kecepatan nomor ${i}, isinya cukup panjang.', id, '52.71', '52.71.01', '52.71.01.1004', '${'0'.repeat(64)}', ${Date.now() - (n - i) * 1000}, ${Date.now()} FROM categories WHERE slug = 'lainnya';`,
      `INSERT INTO events (complaint_id, type, actor_role, visibility, to_status, delivered_at) SELECT id, 'submitted', 'citizen', 'public', 'submitted', 1 FROM complaints WHERE code = '${code}';`,
    );
  }
  return statements.join('\n');
}

/** Forwards `complaints` seeded complaints one by one and times each arrival on the sockets. */
export async function measureLiveLatency({ complaints = COMPLAINTS } = {}) {
  const stack = await benchStack('live');
  try {
    stack.sql(submittedComplaintsSql(complaints), 'bench complaints');
    const url = await stack.start();
    return await forwardAndListen(url);
  } finally {
    await stack.close();
  }
}

async function forwardAndListen(url) {
  const wsUrl = url.replace('http', 'ws');
  const agencies = demoLogins().filter((l) => l.role === 'agency');
  const sessions = await Promise.all(agencies.map((a) => signIn(url, a.username)));
  const moderator = await signIn(url, 'moderator');

  const arrivals = new Map(); // code -> [{ topic, at }]
  const sockets = await Promise.all([
    ...sessions.map((s) => openSocket(wsUrl, `agency:${s.user.agencyId}`, s.cookie, arrivals)),
    ...Array.from({ length: MODERATORS }, () => openSocket(wsUrl, 'moderation', moderator.cookie, null)),
  ]);

  const getJson = async (path) => {
    const res = await fetch(`${url}${path}`, { headers: { Cookie: moderator.cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return res.json();
  };
  const queue = await getJson('/api/moderation/queue?limit=100');
  let items = queue.items;
  let cursor = queue.nextCursor;
  while (cursor) {
    const next = await getJson(`/api/moderation/queue?limit=100&cursor=${cursor}`);
    items = items.concat(next.items);
    cursor = next.nextCursor;
  }
  items = items.filter((i) => i.title.startsWith('Bench'));

  const latencies = [];
  const codes = [];
  const expected = new Map();
  for (const [n, item] of items.entries()) {
    const target = sessions[n % sessions.length];
    expected.set(item.code, `agency:${target.user.agencyId}`);
    const res = await fetch(`${url}/api/complaints/${item.code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator.cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: item.version, agency: target.user.agency.slug, priority: 'normal' }),
    });
    if (res.status !== 200) throw new Error(`forward ${item.code}: ${res.status} ${await res.text()}`);
    const answered = performance.now();
    latencies.push(await arrival(arrivals, item.code, answered));
    codes.push(item.code);
  }
  await sleep(1500); // let any duplicate show itself
  for (const s of sockets) s.close();

  let wrongSocket = 0;
  for (const code of codes) wrongSocket += (arrivals.get(code) ?? []).filter((g) => g.topic !== expected.get(code)).length;
  return {
    agencies: sessions.length,
    moderators: MODERATORS,
    forwarded: codes.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    exactlyOnce: codes.filter((c) => (arrivals.get(c) ?? []).length === 1).length,
    late: latencies.filter((l) => l >= GIVE_UP_MS).length,
    wrongSocket,
  };
}

function openSocket(wsUrl, topic, cookie, arrivals) {
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
  const deadline = since + GIVE_UP_MS;
  for (;;) {
    const got = arrivals.get(code);
    if (got?.length) return Math.max(0, got[0].at - since);
    if (performance.now() > deadline) return GIVE_UP_MS;
    await sleep(1);
  }
}

const withinTarget = (r) => r.p95 < TARGET_P95_MS && r.wrongSocket === 0 && r.exactlyOnce === r.forwarded;

/** Rows of the one table (see report.mjs). */
export function liveLatencyRows(r) {
  return [
    {
      group: 'Live inbox',
      measure: `forward response → agency socket (${r.agencies} agency + ${r.moderators} moderator sockets)`,
      result: `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; exactly once ${r.exactlyOnce}/${r.forwarded}, on a wrong socket ${r.wrongSocket}${r.late ? `, not within ${GIVE_UP_MS / 1000} s ${r.late}` : ''}`,
      target: `p95 < ${TARGET_P95_MS} ms, exactly once`,
      met: withinTarget(r),
    },
  ];
}

if (isMain(import.meta)) {
  const r = await measureLiveLatency();
  const table = [
    ['sockets', `${r.agencies} agencies + ${r.moderators} moderators`],
    ['complaints forwarded', String(r.forwarded)],
    ['p50 (ms)', r.p50.toFixed(1)],
    ['p95 (ms)', r.p95.toFixed(1)],
    ['max (ms)', r.max.toFixed(1)],
    ['arrived exactly once', `${r.exactlyOnce}/${r.forwarded}`],
    [`not within ${GIVE_UP_MS / 1000} s`, String(r.late)],
    ['on a wrong socket', String(r.wrongSocket)],
  ];
  console.log('\nLive inbox latency (forward response → agency socket), wrangler dev');
  for (const [k, v] of table) console.log(`  ${k.padEnd(22)} ${v}`);
  console.log(withinTarget(r) ? '\nWithin target (p95 < 250 ms, exactly once).' : '\nOUTSIDE TARGET.');
  process.exitCode = withinTarget(r) ? 0 : 1;
}
