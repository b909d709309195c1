#!/usr/bin/env node
// Writes migrations/0001_ntb_reference_data.sql: NTB's regions from the npm package
// `idn-area-data` (province 52) and the agencies, categories and routing rules kept in
// data/*.json. Re-run it (`npm run data:reference`) after changing either; the output is
// deterministic, so an unchanged input gives an unchanged file.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROVINCE = '52';
const ROWS_PER_INSERT = 200;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const areaData = join(dirname(require.resolve('idn-area-data/package.json')), 'data');

/** One CSV line: fields separated by commas, optionally quoted with "" as an escaped quote. */
function splitCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else cell += ch;
  }
  if (quoted) throw new Error(`unterminated quote in ${JSON.stringify(line)}`);
  cells.push(cell);
  return cells;
}

function readCsv(file) {
  const [header, ...lines] = readFileSync(join(areaData, file), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    if (cells.length !== columns.length) throw new Error(`${file}: cannot read line ${JSON.stringify(line)}`);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i].trim()]));
  });
}

const readJson = (file) => JSON.parse(readFileSync(join(root, 'data', file), 'utf8'));

/** A SQL literal: strings quoted with '' escaping, null, booleans and numbers as such. */
function lit(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${String(value).replaceAll("'", "''")}'`;
}

function inserts(table, columns, rows) {
  const statements = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const values = rows
      .slice(i, i + ROWS_PER_INSERT)
      .map((row) => `(${row.map(lit).join(', ')})`)
      .join(',\n  ');
    statements.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n  ${values};`);
  }
  return statements;
}

function byCode(a, b) {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function loadRegions() {
  const province = readCsv('provinces.csv').find((p) => p.code === PROVINCE);
  if (!province) throw new Error(`province ${PROVINCE} is missing from idn-area-data`);
  const regencies = readCsv('regencies.csv').filter((r) => r.province_code === PROVINCE).sort(byCode);
  const regencyCodes = new Set(regencies.map((r) => r.code));
  const districts = readCsv('districts.csv').filter((d) => regencyCodes.has(d.regency_code)).sort(byCode);
  const districtCodes = new Set(districts.map((d) => d.code));
  const villages = readCsv('villages.csv').filter((v) => districtCodes.has(v.district_code)).sort(byCode);
  return [
    [province.code, null, 'province', titleCase(province.name)],
    ...regencies.map((r) => [r.code, r.province_code, 'regency', r.name]),
    ...districts.map((d) => [d.code, d.regency_code, 'district', d.name]),
    ...villages.map((v) => [v.code, v.district_code, 'village', v.name]),
  ];
}

/** `NUSA TENGGARA BARAT` → `Nusa Tenggara Barat` (the package spells provinces in capitals). */
function titleCase(name) {
  return name === name.toUpperCase()
    ? name.toLowerCase().replace(/(^|\s)\p{L}/gu, (m) => m.toUpperCase())
    : name;
}

function checkSlugs(kind, items) {
  const seen = new Set();
  for (const { slug } of items) {
    if (!/^[a-z][a-z0-9-]*$/.test(slug)) throw new Error(`${kind}: bad slug ${slug}`);
    if (seen.has(slug)) throw new Error(`${kind}: duplicate slug ${slug}`);
    seen.add(slug);
  }
  return seen;
}

function main() {
  const regionRows = loadRegions();
  const regionCodes = new Set(regionRows.map((r) => r[0]));
  const agencies = readJson('agencies.json');
  const categories = readJson('categories.json');
  const rules = readJson('routing-rules.json');
  const agencySlugs = checkSlugs('agencies', agencies);
  const categorySlugs = checkSlugs('categories', categories);
  for (const a of agencies) {
    if (a.regencyCode && !regionCodes.has(a.regencyCode)) throw new Error(`agency ${a.slug}: unknown regency ${a.regencyCode}`);
  }
  for (const r of rules) {
    if (!categorySlugs.has(r.category)) throw new Error(`rule: unknown category ${r.category}`);
    if (!agencySlugs.has(r.agency)) throw new Error(`rule: unknown agency ${r.agency}`);
    if (r.regency && !regionCodes.has(r.regency)) throw new Error(`rule: unknown regency ${r.regency}`);
  }

  const statements = [
    ...inserts('regions', ['code', 'parent_code', 'level', 'name'], regionRows),
    ...inserts(
      'agencies',
      ['slug', 'name', 'short_name', 'kind', 'regency_code'],
      agencies.map((a) => [a.slug, a.name, a.shortName ?? null, a.kind, a.regencyCode ?? null]),
    ),
    ...inserts(
      'categories',
      ['slug', 'name_id', 'name_en', 'description_id', 'description_en', 'default_priority', 'icon', 'sort_order'],
      categories.map((c) => [
        c.slug,
        c.nameId,
        c.nameEn,
        c.descriptionId ?? '',
        c.descriptionEn ?? '',
        c.defaultPriority ?? 'normal',
        c.icon ?? null,
        c.sortOrder ?? 0,
      ]),
    ),
    // Rules name categories and agencies by slug: ids are whatever the database gave them.
    ...rules.map(
      (r) =>
        `INSERT INTO routing_rules (category_id, regency_code, agency_id, rank, auto_forward)\n` +
        `  SELECT c.id, ${lit(r.regency ?? null)}, a.id, ${lit(r.rank ?? 0)}, ${lit(Boolean(r.autoForward))}\n` +
        `  FROM categories c, agencies a WHERE c.slug = ${lit(r.category)} AND a.slug = ${lit(r.agency)};`,
    ),
  ];

  const counts = { province: 0, regency: 0, district: 0, village: 0 };
  for (const row of regionRows) counts[row[2]]++;
  const header = [
    '-- Generated by scripts/generate-reference-data.mjs: do not edit by hand.',
    `-- Regions of province ${PROVINCE} from idn-area-data: ${counts.regency} regencies/cities, ` +
      `${counts.district} districts, ${counts.village} villages.`,
    `-- ${agencies.length} agencies, ${categories.length} categories, ${rules.length} routing rules from data/*.json.`,
  ].join('\n');
  const out = join(root, 'migrations', '0001_ntb_reference_data.sql');
  writeFileSync(out, `${header}\n${statements.join('\n--> statement-breakpoint\n')}\n`);
  console.log(`wrote ${out}`);
  console.log(header.split('\n').slice(1).join('\n'));
}

main();
