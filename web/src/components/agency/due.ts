// How far a complaint is from its response target: "sisa 3 jam", or "lewat 2 jam" once past.
import type { InboxItem } from '../../../../worker/domain/api';
import type { I18n, Lang } from '../../i18n';
import { unitText } from '../staff/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "40 menit" under an hour, else whole hours ("3 jam", "50 jam"). */
export function spanText(ms: number, lang: Lang): string {
  const minutes = Math.max(1, Math.floor(ms / MINUTE));
  return minutes < 60 ? unitText(minutes, 'minute', lang) : unitText(Math.floor(ms / HOUR), 'hour', lang);
}

export interface Due {
  at: string;
  overdue: boolean;
  /** "sisa 3 jam" / "lewat 2 jam" */
  text: string;
}

/** The clock runs from forwarding to the agency's first answer; afterwards there is none. */
export function dueOf(item: InboxItem, now: number, t: I18n['t'], lang: Lang): Due | null {
  if (!item.dueAt || item.firstResponseAt) return null;
  if (item.status !== 'forwarded' && item.status !== 'in_progress') return null;
  const left = Date.parse(item.dueAt) - now;
  const overdue = left < 0;
  return {
    at: item.dueAt,
    overdue,
    text: t(overdue ? 'inbox.overdue' : 'inbox.left', { time: spanText(Math.abs(left), lang) }),
  };
}
