// GET requests: the specification's query (service_request_id overriding the rest,
// service_code, status, start_date/end_date) read into our filter, with its defaults:
// the last 90 days, at most 1,000 requests, and no span longer than 90 days.
import { feedStatuses } from '../domain/api';
import type { ComplaintStatus } from '../domain/vocabulary';
import { ApiError } from '../http/errors';
import { formValue } from './new-request';
import { type Open311Status, open311Statuses } from './requests';

export const MAX_REQUESTS = 1000;
export const MAX_SPAN_MS = 90 * 24 * 3_600_000;

export type RequestsQuery =
  | { kind: 'codes'; codes: string[] }
  | { kind: 'filter'; statuses: ComplaintStatus[]; categorySlugs?: string[]; from: Date; to: Date };

const invalid = (path: string, message: string) => new ApiError('validation_failed', `${path}: ${message}`, { details: [{ path, message }] });

const list = (value: string | undefined) => (value === undefined ? undefined : [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))]);

// The W3C note's profile of ISO 8601; a time needs its zone. A "+" sent unencoded in a
// query string arrives as a space, so a space before the zone is read as "+".
const w3c = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Minutes east of UTC of `Z` or `+08:00`; a bare date is in WITA. Undefined for an offset no clock has. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return 8 * 60;
  if (zone === 'Z') return 0;
  const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4))];
  if (hours > 14 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** Epoch milliseconds of a matched datetime; undefined for a day or time the calendar lacks. */
function instantOf(match: RegExpExecArray): number | undefined {
  const fields = match.slice(1, 7).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  // Date rolls 31 February over into 3 March and 24:00 into the next day: the fields must read back.
  const readBack = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  const offset = offsetMinutes(match[8]);
  if (offset === undefined || readBack.some((n, i) => n !== fields[i])) return undefined;
  return date.getTime() + Math.floor(Number(`0${match[7] ?? ''}`) * 1000) - offset * 60_000;
}

/** A W3C datetime; a bare date is midnight in NTB (WITA). */
export function parseW3cDate(path: string, value: string): Date {
  const match = w3c.exec(value.replace(/ (\d{2}:\d{2})$/, '+$1'));
  const ms = match ? instantOf(match) : undefined;
  if (ms === undefined) throw invalid(path, 'Expected a W3C datetime that exists, such as 2026-11-01T00:00:00+08:00');
  return new Date(ms);
}

/** Only what the public feed lists: verified complaints (forwarded onwards), never refused ones. */
const listedStatuses = (wanted: Open311Status[]) => feedStatuses.filter((s) => wanted.includes(open311Statuses[s]));

export function readRequestsQuery(q: URLSearchParams, now: Date): RequestsQuery {
  const codes = list(formValue(q, 'service_request_id'));
  if (codes) {
    if (codes.length > MAX_REQUESTS) throw invalid('service_request_id', `At most ${MAX_REQUESTS} ids`);
    return { kind: 'codes', codes };
  }
  const statuses = list(formValue(q, 'status')) ?? ['open', 'closed'];
  const unknown = statuses.find((s) => s !== 'open' && s !== 'closed');
  if (unknown) throw invalid('status', `Expected open or closed, not ${unknown}`);

  const start = formValue(q, 'start_date');
  const end = formValue(q, 'end_date');
  const from = start ? parseW3cDate('start_date', start) : undefined;
  let to = end ? parseW3cDate('end_date', end) : undefined;
  // Without an end, the 90 days after the start (or up to now); without either, the last 90.
  to ??= from ? new Date(Math.min(from.getTime() + MAX_SPAN_MS, Math.max(now.getTime(), from.getTime()))) : now;
  const since = from ?? new Date(to.getTime() - MAX_SPAN_MS);
  if (since > to) throw invalid('start_date', 'Must not be after end_date');
  if (to.getTime() - since.getTime() > MAX_SPAN_MS) throw invalid('end_date', 'The range may not span more than 90 days');
  return { kind: 'filter', statuses: listedStatuses(statuses as Open311Status[]), categorySlugs: list(formValue(q, 'service_code')), from: since, to };
}
