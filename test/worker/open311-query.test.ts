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
