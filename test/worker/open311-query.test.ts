// GET requests as a client queries it: long lists, the date range and its defaults, and
// which complaints a status names, answered in both formats or refused with 400.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedResponse } from '../../worker/domain/api';
import { newCitizen } from './citizen';
import { insertComplaint } from './fixtures';
import { call } from './helpers';
import { codesOf, forwarded, get, getErrors, requests } from './open311';
import { signIn } from './staff';

let moderator: string;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
});

async function moderate(code: string, action: 'reject' | 'duplicate', body: Record<string, unknown>) {
  const res = await call(`/api/complaints/${code}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: moderator },
    body: JSON.stringify({ version: 1, ...body }),
  });
  expect(res.status).toBe(200);
}

describe('lists in the query', () => {
  it('takes any number of service codes, known or not', async () => {
    const water = await forwarded(moderator);
    const road = await forwarded(moderator, { category: 'jalan-jembatan', title: 'Jalan rusak di depan pasar' });
    const many = Array.from({ length: 120 }, (_, i) => `layanan-${i}`);
    const list = await requests(`service_code=${[...many, 'air-bersih'].join(',')}`);
    expect(codesOf(list)).toContain(water.code);
    expect(codesOf(list)).not.toContain(road.code);
    expect(await requests(`service_code=${many.join(',')}`)).toEqual([]);
  });

  it('takes up to 1,000 service_request_ids and refuses more with 400', async () => {
    const { code } = await forwarded(moderator);
    const unknown = Array.from({ length: 999 }, (_, i) => `NTB-${String(i).padStart(8, '0')}`);
    expect(codesOf(await requests(`service_request_id=${[...unknown, code].join(',')}`))).toEqual([code]);
    const [description] = await getErrors('requests', 400, `service_request_id=${[...unknown, code, 'NTB-ZZZZZZZZ'].join(',')}`);
    expect(description).toContain('service_request_id');
  });

  it('answers an empty list as a well-formed XML document', async () => {
    expect(await requests('service_code=tidak-ada')).toEqual([]);
    const xml = await (await get('requests.xml', 'service_code=tidak-ada')).text();
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n');
  });
});

describe('statuses', () => {
  it('never lists a rejected or duplicate complaint, as closed or otherwise, as the public feed does not', async () => {
    const original = await forwarded(moderator);
    const rejected = await newCitizen().fileOk();
    await moderate(rejected.code, 'reject', { reason: 'spam', message: 'Iklan.' });
    const duplicate = await newCitizen().fileOk();
    await moderate(duplicate.code, 'duplicate', { of: original.code });
    const { complaint: closed } = await insertComplaint({ status: 'closed' });

    const closedList = codesOf(await requests('status=closed'));
    expect(closedList).toContain(closed.code);
    const all = codesOf(await requests('status=open,closed'));
    const feed = (await (await call('/api/complaints?limit=200')).json<FeedResponse>()).items.map((i) => i.code);
    for (const refused of [rejected.code, duplicate.code]) {
      expect(closedList).not.toContain(refused);
      expect(all).not.toContain(refused);
      expect(feed).not.toContain(refused);
    }
    expect(feed).toContain(closed.code);
  });
});

describe('dates', () => {
  const DAY = 24 * 3600_000;
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();

  it('defaults a missing end to 90 days after the start, and a missing start to 90 days before the end', async () => {
    const codes: Record<number, string> = {};
    for (const daysAgo of [5, 100, 150]) {
      codes[daysAgo] = (await insertComplaint({ status: 'forwarded', submittedAt: new Date(at(daysAgo)) })).complaint.code;
    }
    const shown = async (query: string) => {
      const listed = codesOf(await requests(query));
      return [5, 100, 150].filter((d) => listed.includes(codes[d]!));
    };
    expect(await shown('')).toEqual([5]);
    expect(await shown(`start_date=${at(160)}`)).toEqual([100, 150]);
    expect(await shown(`start_date=${at(10)}`)).toEqual([5]);
    expect(await shown(`end_date=${at(95)}`)).toEqual([100, 150]);
    expect(await shown(`end_date=${at(120)}`)).toEqual([150]);
    expect(await shown(`end_date=${at(0)}`)).toEqual([5]);
  });

  it('refuses dates and times the calendar does not have', async () => {
    for (const [name, value] of [
      ['start_date', '2026-02-31'],
      ['end_date', '2026-02-29T10:00:00Z'],
      ['start_date', '2026-13-01'],
      ['start_date', '2026-04-31T00:00:00+08:00'],
      ['end_date', '2026-03-01T24:00:00Z'],
      ['end_date', '2026-03-01T23:60:00Z'],
      ['end_date', '2026-03-01T23:59:60Z'],
      ['start_date', '2026-03-01T10:00:00+25:00'],
      ['start_date', '2026-03-01T10:00:00+08:60'],
    ]) {
      const [description] = await getErrors('requests', 400, `${name}=${encodeURIComponent(value!)}`);
      expect(description, value).toContain(name);
    }
  });

  it('takes the days that exist, leap days included', async () => {
    expect(await requests('start_date=2024-02-29&end_date=2024-03-31T23:59:59.999-04:30')).toEqual([]);
    expect(await requests(`start_date=2028-02-29T00:00:00Z`)).toEqual([]);
  });
});
