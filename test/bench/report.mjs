// The one table of `npm run bench`: rows { group, measure, result, target, met } from every
// benchmark, the machine they ran on, and RESULTS.md, whose generated part sits between two
// markers so that the hand-written notes around it survive each run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/local-stack.mjs';

export const RESULTS = join(root, 'test', 'bench', 'RESULTS.md');
const BEGIN = '<!-- bench:results (written by `npm run bench`; edit the notes outside) -->';
const END = '<!-- /bench:results -->';

const output = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
};

/** What the figures depend on besides the code: the machine, its load and the runtimes. */
export function machine() {
  const wrangler = JSON.parse(readFileSync(join(root, 'node_modules', 'wrangler', 'package.json'), 'utf8')).version;
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    ramGiB: totalmem() / 2 ** 30,
    load: loadavg()[0],
    node: process.version,
    wrangler,
    chromium: output(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version']).replace(/ built on.*/, ''),
    commit: output('git', ['rev-parse', '--short', 'HEAD']),
  };
}

const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const verdict = (met) => (met === true ? 'met' : met === false ? '**not met**' : '');

/** One markdown table; a group's name is written on its first row only. */
export function markdownTable(rows) {
  const lines = ['| Benchmark | Measure | Result | Target | |', '|---|---|---|---|---|'];
  let group = null;
  for (const row of rows) {
    lines.push(`| ${row.group === group ? '' : cell(row.group)} | ${cell(row.measure)} | ${cell(row.result)} | ${cell(row.target)} | ${verdict(row.met)} |`);
    group = row.group;
  }
  return lines.join('\n');
}

/** The rows as plain lines, for one benchmark run alone; the exit code says if all were met. */
export function printRows(rows) {
  for (const row of rows) console.log(`${row.met === false ? '✗' : row.met ? '✓' : ' '} ${row.group} | ${row.measure} | ${row.result} | ${row.target}`);
  process.exitCode = rows.some((r) => r.met === false) ? 1 : 0;
}

/** The line above the table: when, where, on what. */
export function runLine({ started, minutes, before, after }) {
  const date = started.toISOString().replace('T', ' ').slice(0, 16);
  return (
    `Run ${date} UTC at commit ${before.commit} (the working tree as it was at the start, run from a copy), ${minutes.toFixed(0)} min. ` +
    `Machine: ${before.cores} cores (${before.cpu}), ${before.ramGiB.toFixed(1)} GiB RAM, ` +
    `load average ${before.load.toFixed(1)} at the start and ${after.load.toFixed(1)} at the end; ` +
    `Node ${before.node}, wrangler ${before.wrangler}, ${before.chromium}.`
  );
}

/** Replaces the generated part of RESULTS.md (or puts it under the title the first time). */
export function writeResults(text) {
  const current = readFileSync(RESULTS, 'utf8');
  const block = `${BEGIN}\n${text}\n${END}`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  let next;
  if (start >= 0 && end > start) next = current.slice(0, start) + block + current.slice(end + END.length);
  else {
    const afterTitle = current.indexOf('\n') + 1;
    next = `${current.slice(0, afterTitle)}\n${block}\n${current.slice(afterTitle)}`;
  }
  writeFileSync(RESULTS, next);
}
