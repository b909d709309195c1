// The moderators' overdue list: complaints agencies hold past their response target, for the
// desk to chase. Complaints are filed and forwarded through the API, then aged in D1 (their
// due time moved into the past), as the hours an agency lets pass would.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView, OverdueResponse } from '../../worker/domain/api';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

const HOUR = 3600_000;

let moderator: string;
let pdam: string;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
});

const act = async (cookie: string, code: string, action: string, body: unknown) => {
  const res = await call(`/api/complaints/${code}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<ComplaintView>();
};
const overdue = (query = '', cookie = moderator) =>
  call(`/api/moderation/overdue${query ? `?${query}` : ''}`, { headers: cookie ? { Cookie: cookie } : {} });
const overdueOk = async (query = '', cookie = moderator) => {
  const res = await overdue(query, cookie);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<OverdueResponse>();
};

/** Moves the complaint's due time to `hours` from now (negative: past due), as time would. */
const dueIn = (code: string, hours: number) =>
  env.DB.prepare('UPDATE complaints SET due_at = ? WHERE code = ?').bind(Date.now() + hours * HOUR, code).run();
const dueAtOf = async (code: string) =>
  (await env.DB.prepare('SELECT due_at FROM complaints WHERE code = ?').bind(code).first<{ due_at: number }>())!.due_at;

/** A complaint forwarded to PDAM Giri Menang; returns its code and the view after the forward. */
async function forwarded(overrides: { title?: string; confidential?: boolean; note?: string } = {}) {
  const { code } = await newCitizen().fileOk({ title: overrides.title ?? 'Air PDAM tidak mengalir', confidential: overrides.confidential ?? false });
  const view = await act(moderator, code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'urgent', note: overrides.note ?? null });
  return { code, view };
}

let mostOverdue: string; // forwarded, 5 hours past due, forwarded with a note
let acknowledged: string; // in progress, 2 hours past due
let confidential: string; // forwarded, 1 hour past due, confidential
beforeAll(async () => {
  mostOverdue = (await forwarded({ title: 'Pipa bocor lima jam', note: 'Mohon dicek pipa utama.' })).code;
  await dueIn(mostOverdue, -5);
  const second = await forwarded({ title: 'Air keruh dua jam' });
  acknowledged = second.code;
  await act(pdam, acknowledged, 'acknowledge', { version: second.view.version });
  await dueIn(acknowledged, -2);
  confidential = (await forwarded({ title: 'Air mati, rahasia', confidential: true })).code;
  await dueIn(confidential, -1);

  // Not held past due: forwarded but not due yet; waiting for the moderators (past their own
  // target); resolved and closed (a due time left behind must not count).
  await forwarded({ title: 'Baru diteruskan' });
  const waiting = await newCitizen().fileOk({ title: 'Belum diputuskan' });
  await dueIn(waiting.code, -30);
  const resolved = await forwarded({ title: 'Sudah selesai' });
  await act(pdam, resolved.code, 'resolve', { version: resolved.view.version, body: 'Pipa sudah diganti.' });
  await dueIn(resolved.code, -4);
  const closed = await forwarded({ title: 'Sudah ditutup' });
  await env.DB.prepare("UPDATE complaints SET status = 'closed', due_at = ? WHERE code = ?").bind(Date.now() - 6 * HOUR, closed.code).run();
});

describe('GET /api/moderation/overdue', () => {
  it('lists only complaints agencies hold past due, most overdue first, confidential ones included', async () => {
    const body = await overdueOk();
    expect(body.items.map((i) => i.code)).toEqual([mostOverdue, acknowledged, confidential]);
    expect(body.total).toBe(3);
    expect(body.nextCursor).toBeNull();
  });

  it('says what a moderator needs to chase each one', async () => {
    const { items } = await overdueOk();
    const [first, second, third] = items;
    const row = await env.DB.prepare('SELECT forwarded_at, version FROM complaints WHERE code = ?').bind(mostOverdue).first<{ forwarded_at: number; version: number }>();
    expect(first).toEqual({
      code: mostOverdue,
      title: 'Pipa bocor lima jam',
      status: 'forwarded',
      priority: 'urgent',
      category: { slug: 'air-bersih', name: { id: 'Air Bersih', en: expect.any(String) }, icon: expect.any(String) },
      place: {
        regency: { code: '52.71', name: 'Kota Mataram' },
        district: { code: '52.71.01', name: 'Ampenan' },
        village: { code: '52.71.01.1004', name: 'Ampenan Selatan' },
      },
      agency: { slug: 'pdam-giri-menang', name: expect.stringContaining('Giri Menang'), shortName: expect.any(String) },
      confidential: false,
      forwardedAt: new Date(row!.forwarded_at).toISOString(),
      firstResponseAt: null,
      dueAt: new Date(await dueAtOf(mostOverdue)).toISOString(),
      // The note written with the forward is no reminder.
      remindedAt: null,
      version: row!.version,
    });
    expect(second).toMatchObject({ code: acknowledged, status: 'in_progress', remindedAt: null });
    expect(third).toMatchObject({ code: confidential, confidential: true });
  });

  it('pages with a cursor, the total on every page', async () => {
    const first = await overdueOk('limit=2');
    expect(first.items.map((i) => i.code)).toEqual([mostOverdue, acknowledged]);
    expect(first.total).toBe(3);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await overdueOk(`limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => i.code)).toEqual([confidential]);
    expect(second.total).toBe(3);
    expect(second.nextCursor).toBeNull();
  });

  it('breaks a tie of due times by id, across pages', async () => {
    const due = await dueAtOf(acknowledged);
    await env.DB.prepare('UPDATE complaints SET due_at = ? WHERE code = ?').bind(due, confidential).run();
    try {
      const first = await overdueOk('limit=2');
      const second = await overdueOk(`limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect([...first.items, ...second.items].map((i) => i.code)).toEqual([mostOverdue, acknowledged, confidential]);
    } finally {
      await dueIn(confidential, -1);
    }
  });

  it('tells when a moderator last reminded the agency, since the current forward only', async () => {
    const before = await overdueOk();
    const held = before.items.find((i) => i.code === mostOverdue)!;
    const reminded = await act(moderator, mostOverdue, 'note', { version: held.version, body: 'Pengingat: sudah lewat tenggat.' });
    const at = reminded.events.at(-1)!;
    expect(at.type).toBe('note');

    // The agency's own note is no reminder.
    const other = before.items.find((i) => i.code === acknowledged)!;
    await act(pdam, acknowledged, 'note', { version: other.version, body: 'Tim sedang ke lokasi.' });

    let after = await overdueOk();
    expect(after.items.find((i) => i.code === mostOverdue)).toMatchObject({ remindedAt: at.at, version: reminded.version });
    expect(after.items.find((i) => i.code === acknowledged)!.remindedAt).toBeNull();

    // Forwarded to another agency: a reminder to the first one is not about the new holder.
    const third = after.items.find((i) => i.code === confidential)!;
    const noted = await act(moderator, confidential, 'note', { version: third.version, body: 'Pengingat untuk PDAM.' });
    await act(moderator, confidential, 'forward', { version: noted.version, agency: 'dinas-pupr-ntb', priority: 'urgent' });
    await dueIn(confidential, -1);
    after = await overdueOk();
    expect(after.items.find((i) => i.code === confidential)).toMatchObject({ agency: { slug: 'dinas-pupr-ntb' }, remindedAt: null });
  });

  it('counts a reminder from the reporter’s reopening on, which gives the agency a new target', async () => {
    const { code, trackingToken } = await newCitizen().fileOk({ title: 'Lampu jalan padam lagi' });
    let view = await act(moderator, code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'urgent' });
    view = await act(moderator, code, 'note', { version: view.version, body: 'Pengingat sebelum selesai.' });
    view = await act(pdam, code, 'resolve', { version: view.version, body: 'Sudah diperbaiki.' });
    const reopened = await call(`/api/complaints/${code}/reopen`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tracking-Token': trackingToken },
      body: JSON.stringify({ version: view.version, reason: 'Lampunya padam lagi sejak semalam.' }),
    });
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    await dueIn(code, -1);
    const item = (await overdueOk()).items.find((i) => i.code === code);
    expect(item).toMatchObject({ status: 'in_progress', remindedAt: null });
    await dueIn(code, 5); // not due yet again: the counts below are about the three above
  });

  it('drops a complaint once the agency answers', async () => {
    const held = (await overdueOk()).items.find((i) => i.code === acknowledged)!;
    await act(pdam, acknowledged, 'respond', { version: held.version, body: 'Kami perbaiki hari ini.' });
    const body = await overdueOk();
    expect(body.items.map((i) => i.code)).not.toContain(acknowledged);
    expect(body.total).toBe(2);
  });

  it('is for moderators and admins only', async () => {
    await expectError(await overdue('', ''), 401, 'unauthenticated');
    await expectError(await overdue('', pdam), 403, 'forbidden');
    expect((await overdueOk('', (await signIn('admin')).cookie)).total).toBe(2);
  });

  it('refuses a bad limit or cursor with 400 in the one error shape', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=1.5', 'cursor=not-a-cursor', `cursor=${'x'.repeat(201)}`]) {
      const body = await expectError(await overdue(query), 400, 'validation_failed');
      expect(body.error.details?.[0]?.path, query).toBe(query.split('=')[0]);
    }
  });
});
