// The dashboard's period as it lives in the address: `?days=30|365` (90 when absent) or
// `?from=YYYY-MM-DD&to=YYYY-MM-DD`. Days are WITA days, as the API counts them.
import { DAY_MS, witaDate } from '../../../../worker/domain/wita';
import type { StatsPeriod } from '../../api/stats';

export const presetDays = [30, 90, 365] as const;
export type PresetDays = (typeof presetDays)[number];
export const DEFAULT_DAYS: PresetDays = 90;

export type PeriodChoice = { days: PresetDays } | { from: string; to: string };

/** A day the calendar has: Date.parse takes 2026-02-31 as 3 March, so the day must read back. */
const isDate = (text: unknown): text is string =>
  typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().slice(0, 10) === text;

/** Today's date in NTB, whatever the phone's own time zone. */
export const witaToday = (now = Date.now()) => witaDate(now);

/** `date` moved by a whole number of days. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

type Search = Partial<Record<string, string | string[] | undefined>>;

export function choiceFromSearch(search: Search): PeriodChoice {
  const { from, to, days } = search;
  // A reversed pair (a hand-edited or mangled link) is no period: the default one, as for a bad date.
  if (isDate(from) && isDate(to) && from <= to) return { from, to };
  const n = Number(days);
  return { days: presetDays.includes(n as PresetDays) ? (n as PresetDays) : DEFAULT_DAYS };
}

/** The search parameters for a choice; the default period leaves the address bare. */
export function searchForChoice(choice: PeriodChoice): Record<'days' | 'from' | 'to', string | undefined> {
  if ('from' in choice) return { days: undefined, from: choice.from, to: choice.to };
  return { days: choice.days === DEFAULT_DAYS ? undefined : String(choice.days), from: undefined, to: undefined };
}

/** The period to ask the API for: a preset ends today (WITA) and counts today in. */
export function periodOf(choice: PeriodChoice, now = Date.now()): StatsPeriod {
  if ('from' in choice) return { from: choice.from, to: choice.to };
  const to = witaToday(now);
  return { from: addDays(to, 1 - choice.days), to };
}

export const choiceKey = (choice: PeriodChoice) =>
  'from' in choice ? `${choice.from}/${choice.to}` : String(choice.days);
