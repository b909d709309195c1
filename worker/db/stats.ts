// Public statistics from the per-day rollups that triggers keep in step with the complaints
// (migration 0009, scripts/generate-stats-rollups.mjs): a period costs a few rows per day and
// key, however many complaints it holds, and no complaint is loaded into the Worker.
// Confidential complaints count in the totals like any other; nothing of theirs is shown.
import type { ComplaintStatus } from '../domain/vocabulary';
import { HISTOGRAM_BUCKETS, medianOfHistogram } from '../domain/stats-histogram';
import { DAY_MS, WITA_OFFSET_MS } from '../domain/wita';

const HOUR_MS = 3_600_000;

export interface Period {
  fromMs: number;
  toMs: number;
}

/** The WITA day number of an instant (the rollups' `day`). */
const witaDay = (ms: number) => Math.floor((ms + WITA_OFFSET_MS) / DAY_MS);

const bucketSums = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => `sum(b${i}) AS b${i}`).join(', ');
const histogramSql = (table: string) =>
  `SELECT a.slug, h.* FROM (SELECT agency_id, ${bucketSums} FROM ${table} WHERE day >= ?1 AND day < ?2 GROUP BY agency_id) h
   JOIN agencies a ON a.id = h.agency_id`;

export async function loadStats(d1: D1Database, p: Period, now: number) {
  const days = [witaDay(p.fromMs), witaDay(p.toMs)] as const;
  const [status, category, regency, weekly, agencies, overdue, firstResponse, resolution] = await d1.batch([
    d1.prepare(`SELECT status AS key, sum(n) AS n FROM stats_status_daily WHERE day >= ?1 AND day < ?2 GROUP BY status HAVING sum(n) > 0`).bind(...days),
    d1
      .prepare(
        `SELECT cat.slug, cat.name_id, cat.name_en, s.n FROM (SELECT category_id, sum(n) AS n FROM stats_category_daily WHERE day >= ?1 AND day < ?2 GROUP BY category_id) s
         JOIN categories cat ON cat.id = s.category_id WHERE s.n > 0 ORDER BY s.n DESC, cat.sort_order`,
      )
      .bind(...days),
    d1
      .prepare(
        `SELECT r.code, r.name, s.n FROM (SELECT regency_code, sum(n) AS n FROM stats_regency_daily WHERE day >= ?1 AND day < ?2 GROUP BY regency_code) s
         JOIN regions r ON r.code = s.regency_code WHERE s.n > 0 ORDER BY s.n DESC, r.name`,
      )
      .bind(...days),
    // Weeks start on Monday (WITA): the day number times 86,400 is that day's WITA midnight.
    d1
      .prepare(
        `SELECT date(day * 86400, 'unixepoch', 'weekday 0', '-6 days') AS week, sum(n) AS n
         FROM stats_status_daily WHERE day >= ?1 AND day < ?2 GROUP BY week HAVING sum(n) > 0 ORDER BY week`,
      )
      .bind(...days),
    d1
      .prepare(
        `SELECT a.slug, a.name, a.short_name, s.* FROM (
           SELECT agency_id, sum(received) AS received, sum(within_target) AS within_target, sum(resolved) AS resolved,
                  sum(rating_sum) AS rating_sum, sum(rating_count) AS rating_count
           FROM stats_agency_daily WHERE day >= ?1 AND day < ?2 GROUP BY agency_id) s
         JOIN agencies a ON a.id = s.agency_id WHERE s.received > 0 ORDER BY s.received DESC, a.name`,
      )
      .bind(...days),
    // Overdue is a figure of now, not of the period: open complaints past their due time
    // (from the partial index that holds only open complaints, without reading their rows).
    d1
      .prepare(
        `SELECT agency_id, count(*) AS n FROM complaints INDEXED BY complaints_open_due_idx
         WHERE status IN ('forwarded', 'in_progress') AND due_at < ?1 GROUP BY agency_id`,
      )
      .bind(now),
    d1.prepare(histogramSql('stats_first_response_daily')).bind(...days),
    d1.prepare(histogramSql('stats_resolution_daily')).bind(...days),
  ]);
  type Row = Record<string, number | string | null>;
  const rows = (r: D1Result) => r.results as Row[];
  const mediansBy = (r: D1Result) =>
    new Map(
      rows(r).map((h) => {
        const median = medianOfHistogram(Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => Number(h[`b${i}`])));
        return [h.slug as string, median === null ? null : median / HOUR_MS];
      }),
    );
  const firstResponseMedian = mediansBy(firstResponse!);
  const resolutionMedian = mediansBy(resolution!);
  const overdueBy = new Map(rows(overdue!).map((r) => [Number(r.agency_id), Number(r.n)]));
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

  return {
    byStatus: Object.fromEntries(rows(status!).map((r) => [r.key as ComplaintStatus, Number(r.n)])),
    byCategory: rows(category!).map((r) => ({ slug: r.slug as string, name: { id: r.name_id as string, en: r.name_en as string }, count: Number(r.n) })),
    byRegency: rows(regency!).map((r) => ({ code: r.code as string, name: r.name as string, count: Number(r.n) })),
    weekly: rows(weekly!).map((r) => ({ weekStart: r.week as string, count: Number(r.n) })),
    agencies: rows(agencies!).map((r) => {
      const received = Number(r.received);
      const slug = r.slug as string;
      const ratings = Number(r.rating_count);
      return {
        agency: { slug, name: r.name as string, shortName: (r.short_name as string | null) ?? null },
        received,
        answeredWithinTarget: share(Number(r.within_target), received),
        medianFirstResponseHours: firstResponseMedian.get(slug) ?? null,
        medianResolutionHours: resolutionMedian.get(slug) ?? null,
        resolvedShare: share(Number(r.resolved), received),
        averageRating: ratings > 0 ? Number(r.rating_sum) / ratings : null,
        ratings,
        overdueNow: overdueBy.get(Number(r.agency_id)) ?? 0,
      };
    }),
  };
}
