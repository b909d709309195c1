import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView, InboxResponse } from '../../worker/domain/api';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

let moderator: string;
let pdam: string;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
});

const act = (cookie: string, code: string, action: string, body: unknown) =>
  call(`/api/complaints/${code}/${action}`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function forwarded(priority = 'important', overrides = {}) {
  const filed = await newCitizen().fileOk(overrides);
  expect((await act(moderator, filed.code, 'forward', { version: 1, agency: 'pdam-giri-menang', priority })).status).toBe(200);
  return filed;
}

describe('the agency inbox', () => {
  it('lists only the agency’s complaints, new ones marked, with counts and due times', async () => {
    const mine = await forwarded('urgent');
    const elsewhere = await newCitizen().fileOk();
    await act(moderator, elsewhere.code, 'forward', { version: 1, agency: 'dinas-pupr-ntb', priority: 'normal' });
    const inbox = await (await call('/api/inbox', { headers: { Cookie: pdam } })).json<InboxResponse>();
    const codes = inbox.items.map((i) => i.code);
    expect(codes).toContain(mine.code);
    expect(codes).not.toContain(elsewhere.code);
    const item = inbox.items.find((i) => i.code === mine.code)!;
    expect(item).toMatchObject({ isNew: true, status: 'forwarded', priority: 'urgent' });
    expect(Date.parse(item.dueAt!) - Date.parse(item.forwardedAt!)).toBe(3600_000);
    expect(inbox.counts.forwarded).toBeGreaterThanOrEqual(1);
    expect(inbox.lastEventId).toBeGreaterThan(0);
    expect(JSON.stringify(inbox)).not.toContain('Baiq Nurul');
  });

  it('is for agency staff only', async () => {
    await expectError(await call('/api/inbox', { headers: { Cookie: moderator } }), 403, 'forbidden');
    await expectError(await call('/api/inbox'), 401, 'unauthenticated');
  });
});

describe('agency actions', () => {
  it('acknowledges, answers publicly, notes internally and resolves', async () => {
    const { code, trackingToken } = await forwarded();
    let version = 2;
    const step = async (action: string, body: Record<string, unknown>) => {
      const res = await act(pdam, code, action, { version, ...body });
      expect(res.status, action).toBe(200);
      const view = await res.json<ComplaintView>();
      version = view.version;
      return view;
    };
    expect((await step('acknowledge', {})).status).toBe('in_progress');
    await step('respond', { body: 'Petugas kami menuju lokasi hari ini.' });
    await step('note', { body: 'Pipa dinas 3 inci, perlu alat berat' });
    const done = await step('resolve', { body: 'Pipa sudah diganti, air mengalir lagi.' });
    expect(done.status).toBe('resolved');

    const reporter = await (await call(`/api/complaints/${code}`, { headers: { 'X-Tracking-Token': trackingToken } })).json<ComplaintView>();
    expect(reporter.events.map((e) => e.type)).toEqual(['submitted', 'forwarded', 'acknowledged', 'response', 'resolved']);
    expect(JSON.stringify(reporter)).not.toContain('alat berat');
    const row = await env.DB.prepare('SELECT first_response_at, resolved_at FROM complaints WHERE code = ?').bind(code).first<{ first_response_at: number; resolved_at: number }>();
    expect(row!.first_response_at).toBeGreaterThan(0);
    expect(row!.resolved_at).toBeGreaterThanOrEqual(row!.first_response_at);
  });

  it('lets one of two staff acting at once win; the other gets 409 and the new state', async () => {
    const { code } = await forwarded();
    const colleague = (await signIn('agency', 'pdam-giri-menang')).cookie;
    const results = await Promise.all([
      act(pdam, code, 'respond', { version: 2, body: 'Jawaban pertama' }),
      act(colleague, code, 'respond', { version: 2, body: 'Jawaban kedua' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    const body = await conflict.json<{ error: { details: { path: string; message: string }[] } }>();
    expect(body.error.details[0]).toMatchObject({ path: 'version', message: expect.stringContaining('version 3') });
  });

  it('refuses illegal steps and empty answers', async () => {
    const { code } = await forwarded();
    await expectError(await act(pdam, code, 'respond', { version: 2, body: '  ' }), 400, 'validation_failed');
    expect((await act(pdam, code, 'resolve', { version: 2, body: 'Selesai' })).status).toBe(200);
    await expectError(await act(pdam, code, 'acknowledge', { version: 3 }), 409, 'conflict');
    await expectError(await act(moderator, code, 'respond', { version: 3, body: 'x' }), 403, 'forbidden');
  });
});
