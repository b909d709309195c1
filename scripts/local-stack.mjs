// The local stack, shared by `npm start` and the end-to-end tests: build the client, apply
// the D1 migrations, seed the demo data and run `wrangler dev` offline with every binding.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The Node 22 that the project pins as a devDependency (wrangler refuses Node 20). */
export const node22 = join(root, 'node_modules', '.bin', 'node');
const wranglerJs = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const viteJs = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** With these wrangler makes no connection outside this machine. */
export const offlineEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};

/**
 * Runs a Node 22 script; quietly keeps its output and shows the end of it only on failure.
 * `cwd` is the project tree wrangler reads (wrangler.toml, worker/, migrations/): this one,
 * or a copy of it (the benchmarks run a snapshot that others' edits cannot reload).
 */
function run(args, what, { quiet = false, cwd = root } = {}) {
  const result = spawnSync(node22, args, {
    cwd,
    env: offlineEnv,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = quiet ? `:\n${String(result.stdout).slice(-1000)}${String(result.stderr).slice(-2000)}` : '';
    throw new Error(`${what} failed (exit ${result.status ?? result.signal})${output}`);
  }
}

export function buildClient({ quiet = false } = {}) {
  run([viteJs, 'build', '--logLevel', 'warn'], 'client build', { quiet });
}

export function applyMigrations(persistTo, { quiet = false, cwd = root } = {}) {
  run([wranglerJs, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], 'D1 migrations', { quiet, cwd });
}

/** Runs SQL statements against the local D1 database kept in `persistTo`. */
export function executeSql(persistTo, sqlText, what = 'SQL', { quiet = false, cwd = root } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ntbcare-sql-'));
  const file = join(dir, 'statements.sql');
  try {
    writeFileSync(file, sqlText);
    run([wranglerJs, 'd1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', file], what, { quiet, cwd });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function seedDemo(persistTo, { quiet = false, cwd = root } = {}) {
  const { demoSeedSql } = await import('./seed-demo.mjs');
  executeSql(persistTo, await demoSeedSql(), 'demo seed', { quiet, cwd });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `wrangler dev` and resolves once `/api/health` answers. `stop()` sends SIGTERM to
 * wrangler itself (not an npx wrapper), which takes workerd down with it. `env`: variables
 * for wrangler beside offlineEnv (the benchmarks turn its local trace collector off).
 */
export async function startWrangler({ port, persistTo, quiet = false, timeoutMs = 90_000, cwd = root, inspectorPort = 0, env = {} }) {
  const child = spawn(
    node22,
    [
      wranglerJs, 'dev',
      '--ip', '127.0.0.1',
      '--port', String(port),
      '--inspector-port', String(inspectorPort),
      '--persist-to', persistTo,
      '--show-interactive-dev-session=false',
      // Local workerd does not fire cron triggers by itself; this exposes /__scheduled.
      '--test-scheduled',
      ...(quiet ? ['--log-level', 'warn'] : []),
    ],
    { cwd, env: { ...offlineEnv, ...env }, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
  );
  let output = '';
  if (quiet) {
    child.stdout.on('data', (d) => (output = (output + d).slice(-20_000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-20_000)));
  }
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, stop, output: () => output };
}

/** Fires the Worker's cron every minute, as Cloudflare does in production. */
export function driveCron(url, everyMs = 60_000) {
  const fire = () =>
    fetch(`${url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`).catch((err) =>
      console.error('cron trigger failed:', err.message),
    );
  const timer = setInterval(fire, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
