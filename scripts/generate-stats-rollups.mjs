#!/usr/bin/env node
// Writes migrations/0009_stats_rollups.sql: the dashboard's per-day rollups and the SQLite
// triggers that keep them in step with `complaints`, whatever code (or seed script) writes a
// complaint. Each trigger takes the old row's contribution out and puts the new row's in, so
// the rollups always equal an aggregate over the complaints themselves.
//
// Generated because the duration histograms have one column per bucket (edges from
// worker/domain/stats-histogram.ts). Deterministic: `npm run data:stats-rollups` after a
// change gives the same file for the same input. Node 22 runs the TypeScript imports as is.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bucketEdgesMs, HISTOGRAM_BUCKETS } from '../worker/domain/stats-histogram.ts';
import { responseTargetMs } from '../worker/domain/vocabulary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'migrations', '0009_stats_rollups.sql');

const WITA_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const buckets = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => `b${i}`);
const BREAK = '--> statement-breakpoint';

/** The WITA day number (days since 1970-01-01 in UTC+8) a complaint was submitted on. */
const day = (x) => `((${x}.submitted_at + ${WITA_MS}) / ${DAY_MS})`;

/** The histogram bucket of a duration in milliseconds, as one CASE. */
const bucketCase = (d) =>
  `CASE ${bucketEdgesMs
    .slice(1)
    .map((edge, i) => `WHEN ${d} < ${edge} THEN ${i}`)
    .join(' ')} ELSE ${HISTOGRAM_BUCKETS - 1} END`;

/** The response target for a row's priority: the admins' setting, else NTB Care's default. */
const target = (x) =>
  `coalesce((SELECT json_extract(value, '$.responseMs.' || ${x}.priority) FROM settings WHERE key = 'targets'),
    CASE ${x}.priority WHEN 'urgent' THEN ${responseTargetMs.urgent} WHEN 'important' THEN ${responseTargetMs.important} ELSE ${responseTargetMs.normal} END)`;

const withinTarget = (x) =>
  `CASE WHEN ${x}.first_response_at IS NULL OR ${x}.forwarded_at IS NULL THEN NULL
    ELSE (${x}.first_response_at - ${x}.forwarded_at <= ${target(x)}) END`;

const forwarded = (x) => `${x}.agency_id IS NOT NULL AND ${x}.forwarded_at IS NOT NULL`;
const agencyFigures = ['received', 'within_target', 'resolved', 'rating_sum', 'rating_count'];
const histograms = [
  { table: 'stats_first_response_daily', at: 'first_response_at' },
  { table: 'stats_resolution_daily', at: 'resolved_at' },
];
const addUp = (cols) => cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');

/** The statements that add row `x` (NEW or OLD) to the rollups with sign `s` (1 or -1). */
function contribution(x, s) {
  const statements = [
    `INSERT INTO stats_status_daily (day, status, n) VALUES (${day(x)}, ${x}.status, ${s})
      ON CONFLICT (day, status) DO UPDATE SET n = n + excluded.n;`,
    `INSERT INTO stats_category_daily (day, category_id, n) VALUES (${day(x)}, ${x}.category_id, ${s})
      ON CONFLICT (day, category_id) DO UPDATE SET n = n + excluded.n;`,
    `INSERT INTO stats_regency_daily (day, regency_code, n) VALUES (${day(x)}, ${x}.regency_code, ${s})
      ON CONFLICT (day, regency_code) DO UPDATE SET n = n + excluded.n;`,
    `INSERT INTO stats_agency_daily (day, agency_id, ${agencyFigures.join(', ')})
      SELECT ${day(x)}, ${x}.agency_id, ${s}, ${s} * coalesce(${x}.response_within_target, 0), ${s} * (${x}.status IN ('resolved', 'closed')),
        ${s} * coalesce(${x}.rating, 0), ${s} * (${x}.rating IS NOT NULL)
      WHERE ${forwarded(x)}
      ON CONFLICT (day, agency_id) DO UPDATE SET ${addUp(agencyFigures)};`,
  ];
  for (const h of histograms) {
    statements.push(
      `INSERT INTO ${h.table} (day, agency_id, ${buckets.join(', ')})
      SELECT ${day(x)}, ${x}.agency_id, ${buckets.map((_, i) => `${s} * (b = ${i})`).join(', ')}
      FROM (SELECT ${bucketCase(`(${x}.${h.at} - ${x}.forwarded_at)`)} AS b)
      WHERE ${forwarded(x)} AND ${x}.${h.at} IS NOT NULL
      ON CONFLICT (day, agency_id) DO UPDATE SET ${addUp(buckets)};`,
    );
  }
  return statements.join('\n  ');
}

const watched = ['status', 'category_id', 'regency_code', 'submitted_at', 'agency_id', 'forwarded_at', 'first_response_at', 'resolved_at', 'rating', 'response_within_target'];
const dailyCount = (table, key, type) =>
  `CREATE TABLE ${table} (day integer NOT NULL, ${key} ${type} NOT NULL, n integer NOT NULL DEFAULT 0, PRIMARY KEY (day, ${key})) WITHOUT ROWID;`;
const perAgency = (table, cols) =>
  `CREATE TABLE ${table} (day integer NOT NULL, agency_id integer NOT NULL, ${cols.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(', ')}, PRIMARY KEY (day, agency_id)) WITHOUT ROWID;`;

const statements = [
  dailyCount('stats_status_daily', 'status', 'text'),
  dailyCount('stats_category_daily', 'category_id', 'integer'),
  dailyCount('stats_regency_daily', 'regency_code', 'text'),
  perAgency('stats_agency_daily', agencyFigures),
  ...histograms.map((h) => perAgency(h.table, buckets)),

  // What is already there: the flag first, then every rollup from the complaints as they are.
  `UPDATE complaints SET response_within_target = ${withinTarget('complaints')} WHERE first_response_at IS NOT NULL;`,
  `INSERT INTO stats_status_daily (day, status, n) SELECT ${day('complaints')}, status, count(*) FROM complaints GROUP BY 1, 2;`,
  `INSERT INTO stats_category_daily (day, category_id, n) SELECT ${day('complaints')}, category_id, count(*) FROM complaints GROUP BY 1, 2;`,
  `INSERT INTO stats_regency_daily (day, regency_code, n) SELECT ${day('complaints')}, regency_code, count(*) FROM complaints GROUP BY 1, 2;`,
  `INSERT INTO stats_agency_daily (day, agency_id, ${agencyFigures.join(', ')})
  SELECT ${day('complaints')}, agency_id, count(*), sum(coalesce(response_within_target, 0)), sum(status IN ('resolved', 'closed')),
    sum(coalesce(rating, 0)), count(rating)
  FROM complaints WHERE ${forwarded('complaints')} GROUP BY 1, 2;`,
  ...histograms.map(
    (h) => `INSERT INTO ${h.table} (day, agency_id, ${buckets.join(', ')})
  SELECT day, agency_id, ${buckets.map((_, i) => `sum(b = ${i})`).join(', ')}
  FROM (SELECT ${day('complaints')} AS day, agency_id, ${bucketCase(`(${h.at} - forwarded_at)`)} AS b
        FROM complaints WHERE ${forwarded('complaints')} AND ${h.at} IS NOT NULL)
  GROUP BY 1, 2;`,
  ),

  // From now on: the flag when the first response is recorded, and the rollups on every write.
  `CREATE TRIGGER complaints_within_target_insert AFTER INSERT ON complaints
WHEN NEW.first_response_at IS NOT NULL AND NEW.response_within_target IS NULL
BEGIN
  UPDATE complaints SET response_within_target = ${withinTarget('NEW')} WHERE id = NEW.id;
END;`,
  `CREATE TRIGGER complaints_within_target_update AFTER UPDATE OF first_response_at ON complaints
WHEN NEW.first_response_at IS NOT OLD.first_response_at
BEGIN
  UPDATE complaints SET response_within_target = ${withinTarget('NEW')} WHERE id = NEW.id;
END;`,
  `CREATE TRIGGER complaints_stats_insert AFTER INSERT ON complaints
BEGIN
  ${contribution('NEW', 1)}
END;`,
  `CREATE TRIGGER complaints_stats_update AFTER UPDATE OF ${watched.join(', ')} ON complaints
WHEN ${watched.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}
BEGIN
  ${contribution('OLD', -1)}
  ${contribution('NEW', 1)}
END;`,
  `CREATE TRIGGER complaints_stats_delete AFTER DELETE ON complaints
BEGIN
  ${contribution('OLD', -1)}
END;`,
];

const header = `-- Generated by scripts/generate-stats-rollups.mjs: do not edit by hand.
-- Per-day rollups of the complaints for the public dashboard, kept by triggers.
`;
writeFileSync(out, header + statements.join(`\n${BREAK}\n`) + '\n');
console.log(`wrote ${out}`);
