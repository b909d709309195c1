import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import type { ComplaintView } from '../../worker/domain/api';
import { AUTO_CLOSE_AFTER_MS, breachOf, dueToAutoClose, moderationDueAt, responseDueAt } from '../../worker/domain/sla';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

const HOUR = 3600_000;

describe('due times and breaches (domain)', () => {
  it('gives moderators 24 hours and agencies 1/24/48 hours by priority', () => {
    expect(moderationDueAt(0)).toBe(24 * HOUR);
    expect(responseDueAt(0, 'urgent')).toBe(HOUR);
    expect(responseDueAt(0, 'important')).toBe(24 * HOUR);
    expect(responseDueAt(0, 'normal')).toBe(48 * HOUR);
  });
  it('finds the breach each status can have, and none once answered', () => {
    expect(breachOf({ status: 'submitted', dueAt: 10 }, 11)).toBe('moderation');
    expect(breachOf({ status: 'forwarded', dueAt: 10 }, 11)).toBe('response');
    expect(breachOf({ status: 'in_progress', dueAt: 10 }, 9)).toBeUndefined();
    expect(breachOf({ status: 'in_progress', dueAt: null }, 11)).toBeUndefined();
    expect(breachOf({ status: 'resolved', dueAt: 10 }, 11)).toBeUndefined();
  });
  it('closes a resolved complaint after 10 days', () => {
    expect(dueToAutoClose({ status: 'resolved', resolvedAt: 0 }, AUTO_CLOSE_AFTER_MS)).toBe(true);
    expect(dueToAutoClose({ status: 'resolved', resolvedAt: 0 }, AUTO_CLOSE_AFTER_MS - 1)).toBe(false);
    expect(dueToAutoClose({ status: 'closed', resolvedAt: 0 }, AUTO_CLOSE_AFTER_MS)).toBe(false);
  });
});

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}
const eventsOf = (code: string) =>
  env.DB.prepare('SELECT type, data FROM events WHERE complaint_id = (SELECT id FROM complaints WHERE code = ?) ORDER BY id').bind(code).all<{ type: string; data: string | null }>();

let moderator: string;
let pdam: string;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
});
const act = (cookie: string, code: string, action: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/complaints/${code}/${action}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...headers }, body: JSON.stringify(body) });

describe('the cron and service-level targets', () => {
  it('marks a moderation breach once, and a new one after the complaint is forwarded and late again', async () => {
    const { code } = await newCitizen().fileOk();
    await runCron(Date.now() + 25 * HOUR);
    await runCron(Date.now() + 26 * HOUR);
    let breaches = (await eventsOf(code)).results.filter((e) => e.type === 'breached');
    expect(breaches.map((b) => JSON.parse(b.data!).kind)).toEqual(['moderation']);

    expect((await act(moderator, code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'urgent' })).status).toBe(200);
    await runCron(Date.now() + 2 * HOUR);
    await runCron(Date.now() + 3 * HOUR);
    breaches = (await eventsOf(code)).results.filter((e) => e.type === 'breached');
    expect(breaches.map((b) => JSON.parse(b.data!).kind)).toEqual(['moderation', 'response']);
    // Staff see it; the public does not.
    const staffView = await (await call(`/api/complaints/${code}`, { headers: { Cookie: moderator } })).json<ComplaintView>();
    expect(staffView.events.filter((e) => e.type === 'breached')).toHaveLength(2);
    const publicView = await (await call(`/api/complaints/${code}`)).json<ComplaintView>();
    expect(publicView.events.some((e) => e.type === 'breached')).toBe(false);
  });

  it('stops the clock at the agency’s answer and starts it again when the reporter reopens', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    await act(moderator, code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'urgent' });
    await act(pdam, code, 'respond', { version: 2, body: 'Kami cek hari ini.' });
    await runCron(Date.now() + 5 * HOUR);
    expect((await eventsOf(code)).results.some((e) => e.type === 'breached')).toBe(false);

    expect((await act(pdam, code, 'resolve', { version: 3, body: 'Sudah diperbaiki.' })).status).toBe(200);
    const reopened = await act('', code, 'reopen', { version: 4, reason: 'Air masih belum mengalir.' }, { 'X-Tracking-Token': trackingToken });
    expect(reopened.status).toBe(200);
    expect((await reopened.json<ComplaintView>()).status).toBe('in_progress');
    await runCron(Date.now() + 2 * HOUR);
    expect((await eventsOf(code)).results.filter((e) => e.type === 'breached').map((b) => JSON.parse(b.data!).kind)).toEqual(['response']);
  });

  it('closes a resolved complaint after 10 days without the reporter', async () => {
    const { code } = await newCitizen().fileOk();
    await act(moderator, code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' });
    await act(pdam, code, 'resolve', { version: 2, body: 'Selesai.' });
    await runCron(Date.now() + 9 * 24 * HOUR);
    expect((await (await call(`/api/complaints/${code}`)).json<ComplaintView>()).status).toBe('resolved');
    await runCron(Date.now() + 10 * 24 * HOUR + HOUR);
    const view = await (await call(`/api/complaints/${code}`)).json<ComplaintView>();
    expect(view.status).toBe('closed');
    expect(view.events.at(-1)).toMatchObject({ type: 'closed', actor: 'system' });
  });
});

describe('the reporter closes the loop', () => {
  it('confirms a resolved complaint with a rating', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    await act(moderator, code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority: 'normal' });
    await act(pdam, code, 'resolve', { version: 2, body: 'Selesai.' });
    const headers = { 'X-Tracking-Token': trackingToken };
    await expectError(await act('', code, 'confirm', { version: 3, rating: 6 }, headers), 400, 'validation_failed');
    await expectError(await act('', code, 'confirm', { version: 3, rating: 5 }), 403, 'forbidden');
    const res = await act('', code, 'confirm', { version: 3, rating: 5, comment: 'Cepat, terima kasih!' }, headers);
    expect(res.status).toBe(200);
    expect((await res.json<ComplaintView>()).status).toBe('closed');
    const row = await env.DB.prepare('SELECT rating, rating_comment FROM complaints WHERE code = ?').bind(code).first();
    expect(row).toEqual({ rating: 5, rating_comment: 'Cepat, terima kasih!' });
    await expectError(await act('', code, 'reopen', { version: 4, reason: 'Ternyata belum.' }, headers), 409, 'conflict');
  });

  it('cannot confirm what is not resolved', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    await expectError(await act('', code, 'confirm', { version: 1, rating: 4 }, { 'X-Tracking-Token': trackingToken }), 409, 'conflict');
  });
});
