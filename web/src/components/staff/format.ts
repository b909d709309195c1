// How the staff pages write ages and amounts: "3 jam yang lalu", "15 menit", "120 m", from
// the browser's own Intl data, so no words need shipping.
import { createSignal, onCleanup } from 'solid-js';
import { moderationTargetMs } from '../../../../worker/domain/vocabulary';
import type { Lang } from '../../i18n';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const MINUTE = 60_000;

/** "3 jam yang lalu" / "3 hours ago", in minutes, hours or days. */
export function ageText(iso: string, now: number, lang: Lang): string {
  const minutes = Math.max(1, Math.floor((now - Date.parse(iso)) / MINUTE));
  const format = new Intl.RelativeTimeFormat(locales[lang]);
  if (minutes < 60) return format.format(-minutes, 'minute');
  if (minutes < 48 * 60) return format.format(-Math.floor(minutes / 60), 'hour');
  return format.format(-Math.floor(minutes / (24 * 60)), 'day');
}

/** Past the moderators' target: `dueAt`, or 24 hours after submission. */
export function isOverdue(item: { submittedAt: string; dueAt: string | null }, now: number): boolean {
  const due = item.dueAt ? Date.parse(item.dueAt) : Date.parse(item.submittedAt) + moderationTargetMs;
  return now > due;
}

/** "15 menit", "1 hour", "120 m". */
export function unitText(value: number, unit: 'second' | 'minute' | 'hour' | 'meter', lang: Lang): string {
  return new Intl.NumberFormat(locales[lang], {
    style: 'unit',
    unit,
    unitDisplay: unit === 'meter' ? 'short' : 'long',
    maximumFractionDigits: 0,
  }).format(value);
}

/** A wait in seconds as the reader would say it: seconds under two minutes, else minutes. */
export const waitText = (seconds: number, lang: Lang) =>
  seconds < 120 ? unitText(seconds, 'second', lang) : unitText(Math.ceil(seconds / 60), 'minute', lang);

/** The time now, ticking every minute while the caller lives, so ages stay true. */
export function createNow(): () => number {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), MINUTE);
  onCleanup(() => clearInterval(timer));
  return now;
}
