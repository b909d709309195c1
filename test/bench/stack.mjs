// What every benchmark shares: a local stack of its own (fresh database directory, migrations,
// demo data, `wrangler dev` without per-request logs), bulk rows, sign-in and percentiles.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { applyMigrations, executeSql, freePort, root, seedDemo, startWrangler } from '../../scripts/local-stack.mjs';
import { DEMO_PASSWORD } from '../../scripts/seed-demo.mjs';

const DAY = 86_400_000;

let snapshot = null;

/**
 * A copy of what `wrangler dev` runs (config, Worker, migrations, built client), taken at
 * the first stack of this process. Others edit this working tree while a benchmark runs,
 * and `wrangler dev` rebuilds on every change: from the copy, every stack runs one version
 * of the code against the migrations it was set up with. Deleted when the process exits.
 */
function codeSnapshot() {
  if (snapshot) return snapshot;
  snapshot = mkdtempSync(join(tmpdir(), 'ntbcare-bench-code-'));
  process.once('exit', () => rmSync(snapshot, { recursive: true, force: true }));
  for (const path of ['wrangler.toml', 'package.json', 'tsconfig.base.json', 'worker', 'migrations', join('web', 'dist')]) {
    cpSync(join(root, path), join(snapshot, path), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(snapshot, 'node_modules'));
  return snapshot;
}

/**
 * `wrangler dev` runs a trace collector for its local dashboard by default: every span of the
 * Worker (each D1 call, queue send, Durable Object call) becomes a tail event handled in the
 * same workerd thread. Production runs no such thing beside the Worker, and it costs a route
 * in proportion to its I/O calls, not its own work (side by side, without it: creation 23%
 * faster, the bare route 7%), so the benchmarks measure without it.
 */
const measuredEnv = { X_LOCAL_OBSERVABILITY: 'false' };

/** Errors the Worker logged in any benchmark's stack during this process: { stack, message }. */
export const workerErrors = [];

/** Collects `wrangler dev`'s [ERROR] lines (it runs with --log-level warn, so little else). */
function watchErrors(name, child) {
  let pending = '';
  const scan = (data) => {
    const lines = (pending + String(data)).split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
      if (plain.includes('[ERROR]')) workerErrors.push({ stack: name, message: plain.replace(/^.*\[ERROR\]\s*/, '').trim() });
    }
  };
  child.stdout?.on('data', scan);
  child.stderr?.on('data', scan);
}

/**
 * A stack in a directory of its own under `.wrangler/` (two runs on one machine never share
 * a database), running the code snapshot. `start()` and `stop()` may alternate (to add rows
 * in between); `close()` stops it and deletes the directory.
 */
export async function benchStack(name) {
  const cwd = codeSnapshot();
  mkdirSync(join(root, '.wrangler'), { recursive: true });
  const persistTo = mkdtempSync(join(root, '.wrangler', `bench-${name}-`));
  let server = null;
  const stack = {
    name,
    persistTo,
    get url() {
      if (!server) throw new Error('the stack is not running');
      return server.url;
    },
    /** `inspectorPort`: where the Worker's DevTools inspector listens (0: any free port). */
    async start({ inspectorPort = 0 } = {}) {
      server = await startWrangler({ port: await freePort(), persistTo, quiet: true, cwd, inspectorPort, env: measuredEnv });
      watchErrors(name, server.child);
      return server.url;
    },
    async stop() {
      await server?.stop();
      server = null;
    },
    /**
     * Waits until the queue consumer has confirmed every event (the outbox is empty), read
     * straight from the stack's own D1 file. Gives up when the count has not moved for
     * `stallMs`: an event whose handling failed waits for its retry (2, 4, 8... s) or, past
     * the retries, for the cron's outbox sweep. Resolves with the ms waited and the events
     * still unconfirmed.
     */
    async queueDrained(stallMs = 15_000) {
      const started = Date.now();
      const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
      const file = readdirSync(dir)
        .filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
        .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
      const db = new DatabaseSync(join(dir, file), { readOnly: true });
      try {
        const undelivered = db.prepare('SELECT count(*) AS n FROM events WHERE delivered_at IS NULL');
        let last = -1;
        let movedAt = started;
        for (;;) {
          const left = undelivered.get().n;
          if (left !== last) [last, movedAt] = [left, Date.now()];
          if (left === 0 || Date.now() - movedAt > stallMs) return { ms: Date.now() - started, undelivered: left };
          await sleep(100);
        }
      } finally {
        db.close();
      }
    },
    /** Adds rows straight into D1 (the public API would rate-limit one client). */
    sql(text, what) {
      const started = Date.now();
      executeSql(persistTo, text, what, { quiet: true, cwd });
      return Date.now() - started;
    },
    async close() {
      await stack.stop();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
  try {
    applyMigrations(persistTo, { quiet: true, cwd });
    await seedDemo(persistTo, { quiet: true, cwd });
  } catch (err) {
    await stack.close();
    throw err;
  }
  return stack;
}

/**
 * Complaints `from` to `to` (exclusive) spread over the last 80 days, most verified and
 * forwarded round the agencies, one in ten confidential: multi-row INSERTs of 200, literal
 * values (no bound parameters, so D1's 100-parameter limit does not apply).
 */
export function spreadComplaintsSql(from, to) {
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
  return chunks.join('\n');
}

let offices = 0;

/**
 * Signs a demo account in; returns its session cookie and the user it names. Each from an
 * address of its own (CF-Connecting-IP, as Cloudflare sets it), as staff sign in from their own
 * offices: every try holds a place in its address's sign-in count until it is answered, so 59
 * accounts at once from one address would meet the limit of 20 tries per client.
 */
export async function signIn(url, username) {
  offices++;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `10.99.${(offices >> 8) & 255}.${offices & 255}` },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ntbcare_session=')).split(';')[0];
  return { cookie, user: (await res.json()).user };
}

/** The value below which `p` per cent of the (unsorted) samples fall. */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const median = (samples) => percentile(samples, 50);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when the module is the script node was started with (not imported by run.mjs). */
export const isMain = (meta) => Boolean(process.argv[1]) && fileURLToPath(meta.url) === resolve(process.argv[1]);

/** Figures as the table prints them. */
export const ms = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
