import { beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from 'cloudflare:workers';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

let admin: string;
beforeAll(async () => {
  admin = (await signIn('admin')).cookie;
});
const req = (method: string, path: string, body?: unknown, cookie = admin) =>
  call(`/api/admin${path}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('administration of agencies and routing rules', () => {
  it('previews where a complaint goes, and follows a new, more specific rule', async () => {
    const before = await (await req('GET', '/routing-preview?category=kesehatan&regency=52.05')).json<{ agency: { slug: string }; ruleScope: string }>();
    expect(before.ruleScope).toBe('province');
    const created = await req('POST', '/agencies', { slug: 'dinas-kesehatan-dompu', name: 'Dinas Kesehatan Kabupaten Dompu', kind: 'dinas', regencyCode: '52.05' });
    expect(created.status).toBe(201);
    expect((await req('POST', '/routing-rules', { category: 'kesehatan', regencyCode: '52.05', agency: 'dinas-kesehatan-dompu' })).status).toBe(201);
    const after = await (await req('GET', '/routing-preview?category=kesehatan&regency=52.05')).json<{ agency: { slug: string }; ruleScope: string }>();
    expect(after).toMatchObject({ agency: { slug: 'dinas-kesehatan-dompu' }, ruleScope: 'regency' });
    await expectError(await req('POST', '/agencies', { slug: 'dinas-kesehatan-dompu', name: 'Salinan', kind: 'dinas' }), 409, 'conflict');
  });

  it('a deactivated agency gets no new complaints: routing passes it by and forwards to it are refused', async () => {
    expect((await req('PATCH', '/agencies/pdam-giri-menang', { active: false })).status).toBe(200);
    const preview = await (await req('GET', '/routing-preview?category=air-bersih&regency=52.71')).json<{ agency: { slug: string } | null }>();
    expect(preview.agency?.slug).not.toBe('pdam-giri-menang');
    const { code } = await newCitizen().fileOk();
    const moderator = (await signIn('moderator')).cookie;
    const forward = await call(`/api/complaints/${code}/forward`, {
      method: 'POST',
      headers: { Cookie: moderator, 'Content-Type': 'application/json' },
      body: JSON.stringify({ version: 1, agency: 'pdam-giri-menang', priority: 'normal' }),
    });
    await expectError(forward, 422, 'unprocessable');
    await vi.waitFor(async () => {
      const r = await env.DB.prepare('SELECT a.slug FROM complaints c JOIN agencies a ON a.id = c.suggested_agency_id WHERE c.code = ?').bind(code).first<{ slug: string }>();
      expect(r?.slug).toBeTruthy();
      expect(r!.slug).not.toBe('pdam-giri-menang');
    });
    // And it disappears from the public list of agencies.
    const meta = await (await call('/api/meta')).json<{ agencies: { slug: string }[] }>();
    expect(meta.agencies.map((a) => a.slug)).not.toContain('pdam-giri-menang');
    // No new rule or account for it: a rule would route nothing, an account would wait for nothing.
    const rule = await expectError(await req('POST', '/routing-rules', { category: 'air-bersih', agency: 'pdam-giri-menang' }), 422, 'unprocessable');
    expect(rule.error.details).toEqual([{ path: 'agency', message: 'Inactive agency: activate it first' }]);
    const admin = (await signIn('admin')).cookie;
    const account = await call('/api/admin/users', {
      method: 'POST',
      headers: { Cookie: admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'pdam-baru', displayName: 'PDAM Baru', password: 'kata-sandi-panjang-1', role: 'agency', agency: 'pdam-giri-menang' }),
    });
    expect((await expectError(account, 422, 'unprocessable')).error.details?.[0]?.path).toBe('agency');
    expect(await env.DB.prepare("SELECT count(*) AS n FROM users WHERE username = 'pdam-baru'").first('n')).toBe(0);
    expect((await req('PATCH', '/agencies/pdam-giri-menang', { active: true })).status).toBe(200);
  });

  it('is for administrators only and validates its input', async () => {
    const moderator = (await signIn('moderator')).cookie;
    await expectError(await req('GET', '/routing-rules', undefined, moderator), 403, 'forbidden');
    await expectError(await req('POST', '/routing-rules', { category: 'sihir', agency: 'bpbd-ntb' }), 422, 'unprocessable');
    await expectError(await req('POST', '/agencies', { slug: 'Bad Slug', name: 'X', kind: 'dinas' }), 400, 'validation_failed');
    await expectError(await req('DELETE', '/routing-rules/999999'), 404, 'not_found');
    const rules = await (await req('GET', '/routing-rules')).json<{ rules: { id: number }[] }>();
    expect(rules.rules.length).toBeGreaterThanOrEqual(67);
  });

  it('refuses a regency that is not one of NTB\'s with 422, for an agency and for a rule', async () => {
    for (const regencyCode of ['99.99', '52.71.01']) {
      const agency = await expectError(await req('POST', '/agencies', { slug: 'dinas-entah', name: 'Dinas Entah', kind: 'dinas', regencyCode }), 422, 'unprocessable');
      expect(agency.error.details).toEqual([{ path: 'regencyCode', message: 'Unknown regency' }]);
      const rule = await expectError(await req('POST', '/routing-rules', { category: 'air-bersih', agency: 'pdam-giri-menang', regencyCode }), 422, 'unprocessable');
      expect(rule.error.details).toEqual([{ path: 'regencyCode', message: 'Unknown regency' }]);
    }
    expect((await env.DB.prepare("SELECT count(*) AS n FROM agencies WHERE slug = 'dinas-entah'").first<{ n: number }>())!.n).toBe(0);
  });

  it('answers a patch that names nothing with the agency as it is', async () => {
    const res = await req('PATCH', '/agencies/bpbd-ntb', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'bpbd-ntb', active: true });
  });
});
