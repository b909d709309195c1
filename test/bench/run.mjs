// `npm run bench`: every benchmark in one run (about 10 minutes), one markdown table at the
// end, also written into test/bench/RESULTS.md with the date and the machine. A benchmark
// that fails leaves a row saying so and the others still run. Exit code 1 when a target
// is missed or a benchmark failed.
import { buildClient } from '../../scripts/local-stack.mjs';
import { formSizeRows, measureFormSize } from './form-size.mjs';
import { liveLatencyRows, measureLiveLatency } from './live-latency.mjs';
import { measurePageLoad, pageLoadRows } from './page-load.mjs';
import { machine, markdownTable, RESULTS, runLine, writeResults } from './report.mjs';
import { measureScale, scaleRows } from './scale.mjs';
import { workerErrors } from './stack.mjs';
import { apiStack, measureThroughput, throughputRows } from './throughput.mjs';

const started = new Date();
const before = machine();
const log = (line) => console.log(line);

/** Runs one benchmark; its rows, or one row that says why there are none. */
async function bench(name, measure) {
  log(`\n▸ ${name}`);
  const t = performance.now();
  const errorsBefore = workerErrors.length;
  try {
    const rows = await measure();
    log(`  done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    return rows;
  } catch (err) {
    console.error(err);
    return [{ group: name, measure: 'did not run', result: String(err.message).split('\n')[0], target: '', met: false }];
  } finally {
    const errors = workerErrors.slice(errorsBefore);
    if (errors.length) log(`  the Worker logged ${errors.length} errors, first: ${errors.slice(0, 3).map((e) => e.message).join(' | ')}`);
  }
}

const rows = [];
log('▸ client build');
buildClient({ quiet: true });
rows.push(...(await bench('complaint form weight', () => formSizeRows(measureFormSize()))));

// Page loads and API throughput share one stack: demo data and 1,000 complaints.
let stack = null;
try {
  stack = await apiStack();
} catch (err) {
  console.error(err);
}
const onApiStack = (measure) => () => {
  if (!stack) throw new Error('the API stack did not start');
  return measure(stack);
};
rows.push(...(await bench('page weight and load (Chromium, 3G)', onApiStack(async ({ url }) => pageLoadRows(await measurePageLoad(url, { log }))))));
rows.push(...(await bench('API throughput (autocannon)', onApiStack(async (api) => throughputRows(await measureThroughput(api, { log }))))));
await stack?.close();

rows.push(...(await bench('live inbox latency', async () => liveLatencyRows(await measureLiveLatency()))));
rows.push(...(await bench('scale (1k vs 100k)', async () => scaleRows(await measureScale()))));
rows.push(errorsRow());

/** What the Worker logged as errors in any stack: a benchmark that provokes them says so. */
function errorsRow() {
  const stacks = [...new Set(workerErrors.map((e) => e.stack))];
  const first = workerErrors[0]?.message.slice(0, 200);
  return {
    group: 'Worker errors logged by `wrangler dev`',
    measure: 'during every benchmark above',
    result: workerErrors.length ? `${workerErrors.length} in the ${stacks.join(', ')} stack(s); first: ${first}` : 'none',
    target: 'none',
    met: workerErrors.length === 0,
  };
}

const text = `${runLine({ started, minutes: (Date.now() - started.getTime()) / 60_000, before, after: machine() })}\n\n${markdownTable(rows)}`;
console.log(`\n${text}\n`);
writeResults(text);
const missed = rows.filter((r) => r.met === false).length;
console.log(`${missed ? `${missed} target(s) not met` : 'Every target met'}; written to ${RESULTS}`);
process.exitCode = missed ? 1 : 0;
