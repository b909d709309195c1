import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { MetaResponse } from '../../worker/domain/api';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

describe('/api/admin/targets', () => {
  it('starts from NTB Care’s defaults, and a change applies to due times set afterwards', async () => {
    const admin = (await signIn('admin')).cookie;
    const put = (body: unknown, cookie = admin) =>
      call('/api/admin/targets', { method: 'PUT', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(await (await call('/api/admin/targets', { headers: { Cookie: admin } })).json()).toEqual({ moderation: 24, urgent: 1, important: 24, normal: 48 });

    expect((await put({ moderation: 12, urgent: 2, important: 24, normal: 72 })).status).toBe(200);
    const meta = await (await call('/api/meta')).json<MetaResponse>();
    expect(meta.priorities.find((p) => p.slug === 'urgent')?.targetHours).toBe(2);

    const { code } = await newCitizen().fileOk();
    const filed = await env.DB.prepare('SELECT submitted_at, due_at FROM complaints WHERE code = ?').bind(code).first<{ submitted_at: number; due_at: number }>();
    expect(filed!.due_at - filed!.submitted_at).toBe(12 * 3600_000);
    const moderator = (await signIn('moderator')).cookie;
    await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'urgent' }),
    });
    const forwarded = await env.DB.prepare('SELECT forwarded_at, due_at FROM complaints WHERE code = ?').bind(code).first<{ forwarded_at: number; due_at: number }>();
    expect(forwarded!.due_at - forwarded!.forwarded_at).toBe(2 * 3600_000);

    await expectError(await put({ moderation: 0, urgent: 1, important: 24, normal: 48 }), 400, 'validation_failed');
    // A more pressing priority never waits longer; equal is allowed.
    const order = await expectError(await put({ moderation: 24, urgent: 30, important: 24, normal: 12 }), 400, 'validation_failed');
    expect(order.error.details?.map((d) => d.path).sort()).toEqual(['important', 'urgent']);
    expect((await put({ moderation: 24, urgent: 24, important: 24, normal: 24 })).status).toBe(200);
    await expectError(await put({ moderation: 24, urgent: 1, important: 24, normal: 48 }, moderator), 403, 'forbidden');
  });
});
