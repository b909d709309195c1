// How much a phone downloads before the complaint form (/lapor) is usable: the entry chunk
// that index.html loads, its static imports, and the lazily loaded Report page chunk with its
// static imports, JS and CSS, each gzipped (level 9). Fails above the 80 KB target.
// Run after `vite build` (build.manifest is on): `npm run bench:form-size`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isMain } from './stack.mjs';

const DIST = new URL('../../web/dist/', import.meta.url).pathname;
const TARGET_BYTES = 80 * 1024;
const PAGE = 'src/pages/Report.tsx';

/** The files of the form's first load with their raw and gzip -9 sizes, and the total. */
export function measureFormSize() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');

  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('No entry chunk in the Vite manifest');
  if (!manifest[PAGE]) throw new Error(`${PAGE} is not in the Vite manifest: is it still a route?`);

  // What index.html itself references must be the entry the manifest names.
  const referenced = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  for (const file of [manifest[entryKey].file, ...(manifest[entryKey].css ?? [])]) {
    if (!referenced.includes(file)) throw new Error(`index.html does not load ${file}`);
  }

  /** The chunk, its CSS and, recursively, its static imports (dynamic ones load later). */
  function collect(key, files = new Set(), seen = new Set()) {
    if (seen.has(key)) return files;
    seen.add(key);
    const chunk = manifest[key];
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) collect(imported, files, seen);
    return files;
  }

  const files = [...collect(PAGE, collect(entryKey))].map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const htmlGzip = gzipSync(Buffer.from(html), { level: 9 }).length;
  return { files, total, html: { raw: html.length, gzip: htmlGzip }, target: TARGET_BYTES };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Rows of the one table (see report.mjs). */
export function formSizeRows(f) {
  return [
    {
      group: 'Complaint form weight (Vite manifest)',
      measure: 'JS + CSS /lapor needs before it is usable, gzip -9',
      result: `${kb(f.total.gzip)} in ${f.files.length} files (${kb(f.total.raw)} raw)`,
      target: `≤ ${kb(f.target)}`,
      met: f.total.gzip <= f.target,
    },
  ];
}

if (isMain(import.meta)) {
  const { files: rows, total, html } = measureFormSize();
  const pad = (text, width) => String(text).padStart(width);
  const nameWidth = Math.max(...rows.map((r) => r.file.length), 'file'.length, 'total'.length);
  const line = (file, raw, gzip) => `${file.padEnd(nameWidth)}  ${pad(raw, 12)}  ${pad(gzip, 12)}`;

  console.log(`Files the complaint form (/lapor) needs before it is usable:\n`);
  console.log(line('file', 'raw', 'gzip -9'));
  console.log('-'.repeat(nameWidth + 28));
  for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gzip)));
  console.log('-'.repeat(nameWidth + 28));
  console.log(line('total', kb(total.raw), kb(total.gzip)));
  console.log(`\n(index.html itself: ${kb(html.raw)} raw, ${kb(html.gzip)} gzipped, not counted)`);

  const share = ((100 * total.gzip) / TARGET_BYTES).toFixed(0);
  if (total.gzip > TARGET_BYTES) {
    console.error(`\nOVER TARGET: ${kb(total.gzip)} gzipped > ${kb(TARGET_BYTES)} (${share}%)`);
    process.exit(1);
  }
  console.log(`\nWithin target: ${kb(total.gzip)} gzipped of ${kb(TARGET_BYTES)} (${share}%)`);
}
