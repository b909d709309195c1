import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ComplaintView, FeedResponse, TimelineEvent } from '../../worker/domain/api';
import { jpeg } from '../support/images';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { signIn } from './staff';

const view = (code: string, token?: string) =>
  call(`/api/complaints/${code}`, token ? { headers: { 'X-Tracking-Token': token } } : undefined);

/** What a moderator will do in the triage desk; here straight in D1. */
async function verify(code: string, agencySlug = 'pdam-giri-menang') {
  await env.DB.prepare(
    `UPDATE complaints SET status = 'forwarded', agency_id = (SELECT id FROM agencies WHERE slug = ?), forwarded_at = submitted_at WHERE code = ?`,
  )
    .bind(agencySlug, code)
    .run();
}

describe('GET /api/complaints/:code (tracking)', () => {
  it('shows the public view without the token, and the reporter details only with it', async () => {
    const citizen = newCitizen();
    const photo = await citizen.uploadOk();
    const { code, trackingToken } = await citizen.fileOk({ photoIds: [photo.id] });

    const publicView = await (await view(code)).json<ComplaintView>();
    expect(publicView).toMatchObject({
      code,
      status: 'submitted',
      category: { slug: 'air-bersih' },
      place: { regency: { name: 'Kota Mataram' }, district: { name: 'Ampenan' }, village: { name: 'Ampenan Selatan' } },
      agency: null,
      reporter: null,
      viewerIsReporter: false,
    });
    expect(JSON.stringify(publicView)).not.toContain('Baiq Nurul');
    expect(JSON.stringify(publicView)).not.toContain('nurul@example.id');
    // Its photos wait for the moderators; its reporter sees them.
    expect(publicView).toMatchObject({ photos: [], photosPublic: false });
    const photoInfo = { id: photo.id, url: `/api/photos/${photo.id}`, contentType: 'image/jpeg', width: 1600, height: 1200 };

    const own = await (await view(code, trackingToken)).json<ComplaintView>();
    expect(own).toMatchObject({ photos: [photoInfo], photosPublic: false });
    expect(own.viewerIsReporter).toBe(true);
    expect(own.reporter).toEqual({ name: 'Baiq Nurul', phone: '+62 812-3456-7890', email: 'nurul@example.id' });

    // A wrong token is simply no token.
    const wrong = await (await view(code, '0'.repeat(32))).json<ComplaintView>();
    expect(wrong.reporter).toBeNull();

    await verify(code);
    expect(await (await view(code)).json<ComplaintView>()).toMatchObject({ photos: [photoInfo], photosPublic: true });
  });

  it('hides a confidential complaint from everyone without its token', async () => {
    const { code, trackingToken } = await newCitizen().fileOk({ confidential: true });
    await expectError(await view(code), 404, 'not_found');
    await expectError(await view(code, 'f'.repeat(32)), 404, 'not_found');
    expect((await view(code, trackingToken)).status).toBe(200);
  });

  it("withholds a refused complaint's own words from the public, not from its reporter or the moderators", async () => {
    const text = {
      title: 'Kepala dinas X menerima suap',
      description: 'Tuduhan tanpa bukti terhadap seorang pejabat yang disebut namanya.',
      address: 'Rumah pejabat di Jl. Contoh 12',
    };
    const { code, trackingToken } = await newCitizen().fileOk(text);
    const comment = 'Tolong sebarkan nama pejabat ini.';
    const commented = await call(`/api/complaints/${code}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tracking-Token': trackingToken },
      body: JSON.stringify({ body: comment }),
    });
    expect(commented.status).toBe(201);
    // Until the moderators decide, whoever holds the code reads it (the reporter shares it).
    expect(await (await view(code)).json<ComplaintView>()).toMatchObject({ ...text, textWithheld: false });

    const { cookie } = await signIn('moderator');
    const reason = 'Tidak sopan dan menyerang pribadi.';
    const { version } = await (await call(`/api/complaints/${code}`, { headers: { Cookie: cookie } })).json<ComplaintView>();
    const rejected = await call(`/api/complaints/${code}/reject`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ version, reason: 'abusive', message: reason }),
    });
    expect(rejected.status, await rejected.clone().text()).toBe(200);

    const res = await view(code);
    const publicView = await res.json<ComplaintView>();
    expect(publicView).toMatchObject({
      code,
      status: 'rejected',
      textWithheld: true,
      title: '',
      description: '',
      address: null,
      lat: null,
      lng: null,
      category: { slug: 'air-bersih' },
      place: { village: { name: 'Ampenan Selatan' } },
    });
    // The reason stays: the reporter's friends learn why; the reporter's own comment does not.
    expect(publicView.events.find((e) => e.type === 'rejected')).toMatchObject({ body: reason, details: { reason: 'abusive' } });
    expect(publicView.events.find((e) => e.type === 'comment')).toMatchObject({ actor: 'citizen', body: null });
    const published = JSON.stringify(publicView);
    for (const words of [text.title, text.description, text.address, comment, '-8.5772', '116.0735']) expect(published).not.toContain(words);

    const own = await (await view(code, trackingToken)).json<ComplaintView>();
    expect(own).toMatchObject({ ...text, lat: -8.5772, textWithheld: false });
    expect(own.events.find((e) => e.type === 'comment')?.body).toBe(comment);
    const staffView = await (await call(`/api/complaints/${code}`, { headers: { Cookie: cookie } })).json<ComplaintView>();
    expect(staffView).toMatchObject({ ...text, textWithheld: false });
  });

  it('answers an unknown code with 404 and a malformed one with 400', async () => {
    await expectError(await view('NTB-00000000'), 404, 'not_found');
    await expectError(await view('NTB-1234'), 400, 'validation_failed');
    await expectError(await view('ntb-abcdefgh'), 400, 'validation_failed');
  });
});

describe('POST /api/complaints/:code/comments', () => {
  it('lets the reporter comment, and the comment joins the public timeline', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    const res = await call(`/api/complaints/${code}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tracking-Token': trackingToken },
      body: JSON.stringify({ body: 'Sampai hari ini masih mati <b>total</b> 😞' }),
    });
    expect(res.status).toBe(201);
    const event = await res.json<TimelineEvent>();
    expect(event).toMatchObject({ type: 'comment', actor: 'citizen', body: 'Sampai hari ini masih mati <b>total</b> 😞' });
    const timeline = (await (await view(code)).json<ComplaintView>()).events;
    expect(timeline.map((e) => e.type)).toEqual(['submitted', 'comment']);
  });

  it('refuses anyone without the token, and an empty comment', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    const post = (headers: Record<string, string>, body: unknown) =>
      call(`/api/complaints/${code}/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await expectError(await post({}, { body: 'halo' }), 403, 'forbidden');
    await expectError(await post({ 'X-Tracking-Token': trackingToken }, { body: '   ' }), 400, 'validation_failed');
    await expectError(await post({ 'X-Tracking-Token': trackingToken }, { body: 'x'.repeat(2001) }), 400, 'validation_failed');
    const confidential = await newCitizen().fileOk({ confidential: true });
    const res = await call(`/api/complaints/${confidential.code}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'halo' }),
    });
    await expectError(res, 404, 'not_found');
  });
});

describe('GET /api/photos/:id', () => {
  it('serves the stored bytes as an image that cannot run', async () => {
    const citizen = newCitizen();
    const bytes = jpeg(1600, 1200);
    const photo = await citizen.uploadOk(bytes);
    await verify((await citizen.fileOk({ photoIds: [photo.id] })).code);
    const res = await call(`/api/photos/${photo.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    // Open311 links it for other sites' pages and apps to show.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);

    // A cache asking again with the ETag gets 304 without the bytes; another ETag, the bytes.
    const etag = res.headers.get('etag')!;
    const again = await call(`/api/photos/${photo.id}`, { headers: { 'If-None-Match': etag } });
    expect([again.status, again.headers.get('etag'), (await again.arrayBuffer()).byteLength]).toEqual([304, etag, 0]);
    const changed = await call(`/api/photos/${photo.id}`, { headers: { 'If-None-Match': '"other"' } });
    expect([changed.status, (await changed.arrayBuffer()).byteLength]).toEqual([200, bytes.length]);
    // Whatever else a client sends there is only a miss (R2 would have thrown on these: a 500).
    for (const odd of ['garbage', '"a", "b"', 'W/"x"', ',,,', '""', 'x'.repeat(5000)]) {
      const res = await call(`/api/photos/${photo.id}`, { headers: { 'If-None-Match': odd } });
      expect([odd.slice(0, 12), res.status, (await res.arrayBuffer()).byteLength]).toEqual([odd.slice(0, 12), 200, bytes.length]);
    }
    const weak = await call(`/api/photos/${photo.id}`, { headers: { 'If-None-Match': `"nope", W/${etag}` } });
    expect([weak.status, (await weak.arrayBuffer()).byteLength]).toEqual([304, 0]);
  });

  it("serves a confidential complaint's photos only with its token", async () => {
    const citizen = newCitizen();
    const photo = await citizen.uploadOk();
    const { trackingToken } = await citizen.fileOk({ photoIds: [photo.id], confidential: true });
    await expectError(await call(`/api/photos/${photo.id}`), 404, 'not_found');
    const own = await call(`/api/photos/${photo.id}`, { headers: { 'X-Tracking-Token': trackingToken } });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toContain('no-store');
    expect(own.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    await own.arrayBuffer();
  });

  it('serves the photos of a complaint the moderators have not let through only to its reporter and staff', async () => {
    const citizen = newCitizen();
    const photo = await citizen.uploadOk();
    const { code, trackingToken } = await citizen.fileOk({ photoIds: [photo.id] });
    const moderator = { Cookie: (await signIn('moderator')).cookie };
    const fetchPhoto = async (headers: Record<string, string> = {}) => {
      const res = await call(`/api/photos/${photo.id}`, { headers });
      await res.arrayBuffer();
      return { status: res.status, cache: res.headers.get('cache-control'), corp: res.headers.get('cross-origin-resource-policy') };
    };
    const kept = { status: 200, cache: 'private, no-store', corp: 'same-origin' };

    // Refused, and no cache may keep the refusal either: it ends when the moderators let it through.
    expect(await fetchPhoto()).toEqual({ status: 404, cache: 'no-store', corp: 'same-origin' });
    expect(await fetchPhoto({ 'X-Tracking-Token': trackingToken })).toEqual(kept);
    expect(await fetchPhoto(moderator)).toEqual(kept);
    // An agency reaches it only once it is forwarded there.
    expect(await fetchPhoto({ Cookie: (await signIn('agency', 'pdam-giri-menang')).cookie })).toMatchObject({ status: 404 });

    await verify(code);
    // Public now, but not for good (a complaint can be returned and refused): kept briefly.
    expect(await fetchPhoto()).toEqual({ status: 200, cache: 'public, max-age=600', corp: 'cross-origin' });

    // Refused by the moderators: back to its reporter and staff only.
    await env.DB.prepare("UPDATE complaints SET status = 'rejected', agency_id = NULL WHERE code = ?").bind(code).run();
    expect(await fetchPhoto()).toMatchObject({ status: 404 });
    expect(await fetchPhoto({ 'X-Tracking-Token': trackingToken })).toEqual(kept);
  });

  it('does not serve an upload no complaint has claimed', async () => {
    const photo = await newCitizen().uploadOk();
    await expectError(await call(`/api/photos/${photo.id}`), 404, 'not_found');
    await expectError(await call('/api/photos/not-an-id'), 400, 'validation_failed');
  });
});

describe('GET /api/complaints (public feed)', () => {
  it('lists only verified, non-confidential complaints, newest first, without reporter identity', async () => {
    const citizen = newCitizen();
    const unverified = await citizen.fileOk({ title: 'Belum diverifikasi' });
    const secret = await citizen.fileOk({ title: 'Rahasia sekali', confidential: true });
    const named = await citizen.fileOk({ title: 'Dengan nama pelapor' });
    const anonymous = await citizen.fileOk({ title: 'Pelapor anonim', anonymous: true });
    await verify(secret.code);
    await verify(named.code);
    await verify(anonymous.code);

    const res = await call('/api/complaints?limit=50');
    expect(res.status).toBe(200);
    const feed = await res.json<FeedResponse>();
    const codes = feed.items.map((i) => i.code);
    expect(codes).toContain(named.code);
    expect(codes).toContain(anonymous.code);
    expect(codes).not.toContain(unverified.code);
    expect(codes).not.toContain(secret.code);
    expect(codes.indexOf(anonymous.code)).toBeLessThan(codes.indexOf(named.code));
    expect(feed.items.find((i) => i.code === anonymous.code)?.anonymous).toBe(true);
    expect(feed.items.find((i) => i.code === named.code)?.agency?.slug).toBe('pdam-giri-menang');

    const text = JSON.stringify(feed);
    for (const secretText of ['Baiq Nurul', 'nurul@example.id', '812-3456', 'Rahasia sekali']) expect(text).not.toContain(secretText);
  });

  it('filters by category, regency, status and pin, and pages with a cursor', async () => {
    const citizen = newCitizen();
    const filed = [];
    for (let i = 0; i < 5; i++) {
      const c = await citizen.fileOk({ title: `Jalan berlubang nomor ${i}`, category: 'jalan-jembatan', lat: i % 2 ? null : -8.58, lng: i % 2 ? null : 116.07 });
      await verify(c.code, 'pemkot-mataram');
      filed.push(c.code);
    }
    const page1 = await (await call('/api/complaints?category=jalan-jembatan&regency=52.71&status=forwarded&limit=2')).json<FeedResponse>();
    expect(page1.items.map((i) => i.code)).toEqual([filed[4], filed[3]]);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await (await call(`/api/complaints?category=jalan-jembatan&regency=52.71&status=forwarded&limit=2&cursor=${page1.nextCursor}`)).json<FeedResponse>();
    expect(page2.items.map((i) => i.code)).toEqual([filed[2], filed[1]]);
    const page3 = await (await call(`/api/complaints?category=jalan-jembatan&regency=52.71&status=forwarded&limit=2&cursor=${page2.nextCursor}`)).json<FeedResponse>();
    expect(page3.items.map((i) => i.code)).toEqual([filed[0]]);
    expect(page3.nextCursor).toBeNull();

    const pinned = await (await call('/api/complaints?category=jalan-jembatan&pinned=true&limit=200')).json<FeedResponse>();
    expect(pinned.items.map((i) => i.code).sort()).toEqual([filed[0], filed[2], filed[4]].sort());

    const elsewhere = await (await call('/api/complaints?regency=52.72')).json<FeedResponse>();
    expect(elsewhere.items).toEqual([]);
    const resolved = await (await call('/api/complaints?status=resolved&category=jalan-jembatan')).json<FeedResponse>();
    expect(resolved.items).toEqual([]);
  });

  it('refuses bad filters with 400 naming them', async () => {
    for (const [query, path] of [
      ['status=submitted', 'status'],
      ['regency=abc', 'regency'],
      ['limit=0', 'limit'],
      ['limit=9999', 'limit'],
      ['cursor=%%%', 'cursor'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ]) {
      const body = await expectError(await call(`/api/complaints?${query}`), 400, 'validation_failed');
      expect(body.error.details?.[0]?.path, query).toBe(path);
    }
  });
});
