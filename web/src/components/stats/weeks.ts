// The API lists only weeks that had complaints; a trend line needs the quiet weeks as zeros.
import type { StatsResponse } from '../../../../worker/domain/api';
import { addDays } from './period';

type Week = StatsResponse['weekly'][number];

/** The Monday on or before a date (weeks start on Monday, as the API counts them). */
export const mondayOf = (date: string) => addDays(date, -((new Date(Date.parse(date)).getUTCDay() + 6) % 7));

/** Every week from the one holding `from` to the one holding `to`, with zeros filled in. */
export function everyWeek(weekly: Week[], from: string, to: string): Week[] {
  const counts = new Map(weekly.map((w) => [w.weekStart, w.count]));
  const weeks: Week[] = [];
  const last = mondayOf(to);
  // A bad period from a server bug must not loop for ever: at most three years of weeks.
  for (let week = mondayOf(from); week <= last && weeks.length < 160; week = addDays(week, 7)) {
    weeks.push({ weekStart: week, count: counts.get(week) ?? 0 });
  }
  return weeks;
}
