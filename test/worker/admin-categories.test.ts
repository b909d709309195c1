import { describe, expect, it } from 'vitest';
import type { MetaResponse } from '../../worker/domain/api';
import { newCitizen, validComplaint } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

describe('/api/admin/categories', () => {
  it('adds a category citizens can use, and a deactivated one leaves the form and refuses new complaints', async () => {
    const admin = (await signIn('admin')).cookie;
    const send = (method: string, path: string, body?: unknown, cookie = admin) =>
      call(`/api/admin/categories${path}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

    const created = await send('POST', '', { slug: 'pariwisata', nameId: 'Pariwisata', nameEn: 'Tourism', defaultPriority: 'normal', icon: '🏝️', sortOrder: 150 });
    expect(created.status).toBe(201);
    let meta = await (await call('/api/meta')).json<MetaResponse>();
    expect(meta.categories.map((c) => c.slug)).toContain('pariwisata');
    expect((await newCitizen().file(validComplaint({ category: 'pariwisata' }))).status).toBe(201);
    await expectError(await send('POST', '', { slug: 'pariwisata', nameId: 'Lagi', nameEn: 'Again', defaultPriority: 'normal' }), 409, 'conflict');

    const off = await send('PATCH', '/pariwisata', { active: false, nameEn: 'Tourism and culture' });
    expect(await off.json()).toMatchObject({ slug: 'pariwisata', active: false, nameEn: 'Tourism and culture' });
    meta = await (await call('/api/meta')).json<MetaResponse>();
    expect(meta.categories.map((c) => c.slug)).not.toContain('pariwisata');
    const refused = await expectError(await newCitizen().file(validComplaint({ category: 'pariwisata' })), 422, 'unprocessable');
    expect(refused.error.details?.[0]?.path).toBe('category');

    const moderator = (await signIn('moderator')).cookie;
    await expectError(await send('GET', '', undefined, moderator), 403, 'forbidden');
    await expectError(await send('PATCH', '/tidak-ada', { active: true }), 404, 'not_found');
    await expectError(await send('POST', '', { slug: 'x', nameId: 'X', nameEn: 'X', defaultPriority: 'soon' }), 400, 'validation_failed');
  });
});
