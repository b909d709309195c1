// Public statistics as SQL aggregates over indexed columns: no complaint is loaded into
// the Worker, and confidential complaints count in totals without revealing anything.
import type { ComplaintStatus } from '../domain/vocabulary';
import type { Targets } from '../domain/sla';

/** WITA is UTC+8: days and weeks are NTB's. */
const WITA = "'+8 hours'";
const HOUR_MS = 3_600_000;

export interface Period {
  fromMs: number;
  toMs: number;
}

export async function loadStats(d1: D1Database, p: Period, now: number, targets: Targets) {
  const responseTargetMs = targets.responseMs;
  const inPeriod = 'c.submitted_at >= ?1 AND c.submitted_at < ?2';
  const targetCase = `CASE c.priority WHEN 'urgent' THEN ${responseTargetMs.urgent} WHEN 'important' THEN ${responseTargetMs.important} ELSE ${responseTargetMs.normal} END`;
  const [status, category, regency, weekly, agencies, firstResponse, resolution] = await d1.batch([
    d1.prepare(`SELECT c.status AS key, count(*) AS n FROM complaints c WHERE ${inPeriod} GROUP BY c.status`).bind(p.fromMs, p.toMs),
    d1
      .prepare(
        `SELECT cat.slug, cat.name_id, cat.name_en, count(*) AS n FROM complaints c JOIN categories cat ON cat.id = c.category_id
         WHERE ${inPeriod} GROUP BY cat.id ORDER BY n DESC, cat.sort_order`,
      )
      .bind(p.fromMs, p.toMs),
    d1
      .prepare(
        `SELECT r.code, r.name, count(*) AS n FROM complaints c JOIN regions r ON r.code = c.regency_code
         WHERE ${inPeriod} GROUP BY r.code ORDER BY n DESC, r.name`,
      )
      .bind(p.fromMs, p.toMs),
    d1
      .prepare(
        `SELECT date(c.submitted_at / 1000, 'unixepoch', ${WITA}, 'weekday 0', '-6 days') AS week, count(*) AS n
         FROM complaints c WHERE ${inPeriod} GROUP BY week ORDER BY week`,
      )
      .bind(p.fromMs, p.toMs),
    d1
      .prepare(
        `SELECT a.slug, a.name, a.short_name,
                count(*) AS received,
                sum(c.first_response_at IS NOT NULL AND c.first_response_at - c.forwarded_at <= ${targetCase}) AS within_target,
                sum(c.status IN ('resolved', 'closed')) AS resolved,
                avg(c.rating) AS avg_rating,
                count(c.rating) AS ratings,
                sum(c.status IN ('forwarded', 'in_progress') AND c.due_at IS NOT NULL AND c.due_at < ?3) AS overdue
         FROM complaints c JOIN agencies a ON a.id = c.agency_id
         WHERE ${inPeriod} AND c.forwarded_at IS NOT NULL
         GROUP BY a.id ORDER BY received DESC, a.name`,
      )
      .bind(p.fromMs, p.toMs, now),
    d1.prepare(medianSql('c.first_response_at - c.forwarded_at', 'c.first_response_at IS NOT NULL AND c.forwarded_at IS NOT NULL', inPeriod)).bind(p.fromMs, p.toMs),
    d1.prepare(medianSql('c.resolved_at - c.forwarded_at', 'c.resolved_at IS NOT NULL AND c.forwarded_at IS NOT NULL', inPeriod)).bind(p.fromMs, p.toMs),
  ]);
  type Row = Record<string, number | string | null>;
  const rows = (r: D1Result) => r.results as Row[];
  const medianBy = (r: D1Result) => new Map(rows(r).map((m) => [m.slug as string, Number(m.median) / HOUR_MS]));
  const firstResponseMedian = medianBy(firstResponse!);
  const resolutionMedian = medianBy(resolution!);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

  return {
    byStatus: Object.fromEntries(rows(status!).map((r) => [r.key as ComplaintStatus, Number(r.n)])),
    byCategory: rows(category!).map((r) => ({ slug: r.slug as string, name: { id: r.name_id as string, en: r.name_en as string }, count: Number(r.n) })),
    byRegency: rows(regency!).map((r) => ({ code: r.code as string, name: r.name as string, count: Number(r.n) })),
    weekly: rows(weekly!).map((r) => ({ weekStart: r.week as string, count: Number(r.n) })),
    agencies: rows(agencies!).map((r) => {
      const received = Number(r.received);
      const slug = r.slug as string;
      return {
        agency: { slug, name: r.name as string, shortName: (r.short_name as string | null) ?? null },
        received,
        answeredWithinTarget: share(Number(r.within_target), received),
        medianFirstResponseHours: firstResponseMedian.get(slug) ?? null,
        medianResolutionHours: resolutionMedian.get(slug) ?? null,
        resolvedShare: share(Number(r.resolved), received),
        averageRating: r.avg_rating === null ? null : Number(r.avg_rating),
        ratings: Number(r.ratings),
        overdueNow: Number(r.overdue),
      };
    }),
  };
}

/** The median of `expr` per agency, by window functions (SQLite has no median). */
function medianSql(expr: string, present: string, inPeriod: string) {
  return `WITH t AS (SELECT c.agency_id, ${expr} AS d FROM complaints c WHERE ${inPeriod} AND c.agency_id IS NOT NULL AND ${present}),
    r AS (SELECT agency_id, d, row_number() OVER (PARTITION BY agency_id ORDER BY d) AS rn, count(*) OVER (PARTITION BY agency_id) AS n FROM t)
    SELECT a.slug, avg(d) AS median FROM r JOIN agencies a ON a.id = r.agency_id
    WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY r.agency_id`;
}
