// NTB's clock: WITA, UTC+8 all year. Its calendar days are the days the dashboard, the CSV
// export, the statistics rollups and Open311 count in.
export const WITA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Midnight WITA of a calendar day (`2026-11-28`), in UTC milliseconds. */
export const witaMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`) - WITA_OFFSET_MS;

/** The WITA calendar day an instant falls on (`2026-11-28`). */
export const witaDate = (ms: number) => new Date(ms + WITA_OFFSET_MS).toISOString().slice(0, 10);
