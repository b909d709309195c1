// Durations (forwarding → first response, forwarding → resolution) kept as histograms, so
// that the dashboard's medians come from a few rows per agency and day instead of from every
// complaint. Buckets grow geometrically from one minute to 180 days: an estimate is off by at
// most half a bucket, under 8% of the value (30 seconds under a minute).
//
// The migration that maintains the histograms (scripts/generate-stats-rollups.mjs) writes
// its CASE from these edges, and test/worker/stats-rollups.test.ts checks both agree.

export const HISTOGRAM_BUCKETS = 90;
const MINUTE = 60_000;
const LAST_EDGE = 180 * 24 * 60 * MINUTE;

/**
 * The lower edge of each bucket in milliseconds: 0, one minute, then a ratio of about 1.15
 * per bucket up to 180 days (whole seconds). The last bucket is open above.
 */
export const bucketEdgesMs: readonly number[] = (() => {
  const ratio = (LAST_EDGE / MINUTE) ** (1 / (HISTOGRAM_BUCKETS - 2));
  const edges = [0];
  for (let i = 1; i < HISTOGRAM_BUCKETS; i++) edges.push(Math.round((MINUTE * ratio ** (i - 1)) / 1000) * 1000);
  return edges;
})();

/** The bucket a duration falls in (negative durations count as zero). */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = HISTOGRAM_BUCKETS - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bucketEdgesMs[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The k-th smallest duration (1-based), taken as the middle of its bucket: off by at most
 * half the bucket's width. The open last bucket answers its lower edge, 180 days. */
function kth(counts: readonly number[], k: number): number {
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    before += counts[i]!;
    if (k <= before) {
      const lo = bucketEdgesMs[i]!;
      return (lo + (bucketEdgesMs[i + 1] ?? lo)) / 2;
    }
  }
  return bucketEdgesMs[HISTOGRAM_BUCKETS - 1]!;
}

/** The median of the durations a histogram counts, in milliseconds; null when it is empty. */
export function medianOfHistogram(counts: readonly number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n <= 0) return null;
  // As SQL's usual median: the middle value, or the mean of the two middle values.
  return (kth(counts, Math.floor((n + 1) / 2)) + kth(counts, Math.floor((n + 2) / 2))) / 2;
}
