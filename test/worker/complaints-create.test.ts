import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { ComplaintView } from '../../worker/domain/api';
import { jpeg } from '../support/images';
import { countRows, newCitizen, place, validComplaint } from './citizen';
import { call, expectError } from './helpers';

const complaintRow = (code: string) => env.DB.prepare('SELECT * FROM complaints WHERE code = ?').bind(code).first<Record<string, unknown>>();

describe('POST /api/complaints: filing', () => {
  it('stores the complaint, its photos and its submitted event, and returns the code and token once', async () => {
    const citizen = newCitizen();
    const photos = [await citizen.uploadOk(jpeg(1600, 1200)), await citizen.uploadOk(jpeg(1200, 1600))];
    const { code, trackingToken } = await citizen.fileOk({ photoIds: photos.map((p) => p.id) });
    expect(code).toMatch(/^NTB-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(trackingToken).toMatch(/^[0-9a-f]{32}$/);

    const row = await complaintRow(code);
    expect(row).toMatchObject({ status: 'submitted', priority: 'important', version: 1, regency_code: '52.71' });
    // Only the token's hash is kept.
    expect(row!.tracking_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(trackingToken);
    // Moderators have 24 hours.
    expect(Number(row!.due_at) - Number(row!.submitted_at)).toBe(24 * 3600_000);

    const claimed = await env.DB.prepare('SELECT count(*) AS n FROM uploads WHERE claimed_at IS NOT NULL AND id IN (?, ?)')
      .bind(photos[0]!.id, photos[1]!.id)
      .first<{ n: number }>();
    expect(claimed!.n).toBe(2);

    const view = await (await call(`/api/complaints/${code}`, { headers: { 'X-Tracking-Token': trackingToken } })).json<ComplaintView>();
    expect(view.photos.map((p) => p.id)).toEqual(photos.map((p) => p.id));
    expect(view.events).toMatchObject([{ type: 'submitted', actor: 'citizen', toStatus: 'submitted' }]);
  });

  it('keeps the photos in the order the citizen put them, whatever order they were uploaded in', async () => {
    const citizen = newCitizen();
    const uploaded = [await citizen.uploadOk(), await citizen.uploadOk(), await citizen.uploadOk()];
    const chosen = [uploaded[2]!.id, uploaded[0]!.id, uploaded[1]!.id];
    const { code, trackingToken } = await citizen.fileOk({ photoIds: chosen });
    const view = await (await call(`/api/complaints/${code}`, { headers: { 'X-Tracking-Token': trackingToken } })).json<ComplaintView>();
    expect(view.photos.map((p) => p.id)).toEqual(chosen);
    const positions = await env.DB.prepare('SELECT id, position FROM photos WHERE complaint_id = (SELECT id FROM complaints WHERE code = ?) ORDER BY position')
      .bind(code)
      .all<{ id: string; position: number }>();
    expect(positions.results).toEqual(chosen.map((id, position) => ({ id, position })));
  });

  it('sends the event to the queue, whose consumer confirms it', async () => {
    const { code } = await newCitizen().fileOk();
    await vi.waitFor(
      async () => {
        const event = await env.DB.prepare(
          'SELECT e.delivered_at FROM events e JOIN complaints c ON c.id = e.complaint_id WHERE c.code = ?',
        )
          .bind(code)
          .first<{ delivered_at: number | null }>();
        expect(event!.delivered_at).not.toBeNull();
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('stores text exactly as typed', async () => {
    const title = 'Jalan rusak “parah” 🚧 <script>alert(1)</script>';
    const description = 'طريق مكسور — jalan berlubang di depan SDN 2, O\'Neil bilang "bahaya" & <b>licin</b>\n\nBaris kedua.  ';
    const { code } = await newCitizen().fileOk({ title, description, reporter: { name: '  Lalu Ahmad  ' } });
    const row = await complaintRow(code);
    expect(row).toMatchObject({ title, description, reporter_name: '  Lalu Ahmad  ' });
    const view = await (await call(`/api/complaints/${code}`)).json<ComplaintView>();
    expect(view.title).toBe(title);
    expect(view.description).toBe(description);
  });

  it('files once for a retried submission with the same Idempotency-Key', async () => {
    const citizen = newCitizen();
    const body = validComplaint();
    const headers = { 'Idempotency-Key': crypto.randomUUID() };
    const before = await countRows('complaints');
    const answers = await Promise.all([citizen.file(body, headers), citizen.file(body, headers)]);
    const third = await citizen.file(body, headers);
    const bodies = await Promise.all([...answers, third].map((r) => r.json()));
    expect([...answers, third].map((r) => r.status)).toEqual([201, 201, 201]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(await countRows('complaints')).toBe(before + 1);
    // A new key is a new complaint.
    expect((await citizen.file(body, { 'Idempotency-Key': crypto.randomUUID() })).status).toBe(201);
    expect(await countRows('complaints')).toBe(before + 2);
  });

  it('accepts a complaint with no pin, no address and no reporter details', async () => {
    const { code } = await newCitizen().fileOk({ lat: null, lng: null, address: null, reporter: {}, anonymous: true });
    expect(await complaintRow(code)).toMatchObject({ lat: null, lng: null, address: null, reporter_name: null, anonymous: 1 });
  });
});

describe('POST /api/complaints: refusals name the field and write nothing', () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    ['an unknown category', { category: 'sihir' }, 422, 'category'],
    ['a regency that does not exist', { regencyCode: '52.99' }, 422, 'regencyCode'],
    ['a district of another regency', { districtCode: '52.01.01' }, 422, 'districtCode'],
    ['a village outside the chosen district', { villageCode: '52.71.02.1001' }, 422, 'villageCode'],
    ['a malformed region code', { villageCode: '52.71' + "'; drop table complaints;--" }, 400, 'villageCode'],
    ['coordinates outside NTB', { lat: -6.2, lng: 106.8 }, 400, 'lat'],
    ['only one coordinate', { lat: -8.58, lng: null }, 400, 'lng'],
    ['an empty title', { title: '' }, 400, 'title'],
    ['a title of spaces', { title: '       ' }, 400, 'title'],
    ['an over-long title', { title: 'x'.repeat(151) }, 400, 'title'],
    ['an over-long description', { description: 'x'.repeat(4001) }, 400, 'description'],
    ['a missing description', { description: undefined }, 400, 'description'],
    ['a bad email', { reporter: { email: 'bukan-email' } }, 400, 'reporter.email'],
    ['an unknown field', { priority: 'urgent' }, 400, ''],
    ['more than 5 photos', { photoIds: Array.from({ length: 6 }, (_, i) => String(i).padStart(32, 'a')) }, 400, 'photoIds'],
    ['an unknown upload id', { photoIds: ['0'.repeat(32)] }, 422, 'photoIds.0'],
    ['a malformed upload id', { photoIds: ['../../etc/passwd'] }, 400, 'photoIds.0'],
  ];
  for (const [what, overrides, status, path] of cases) {
    it(`refuses ${what}`, async () => {
      const before = [await countRows('complaints'), await countRows('events'), await countRows('photos')];
      const res = await newCitizen().file(validComplaint(overrides as never));
      const body = await expectError(res, status, status === 400 ? 'validation_failed' : 'unprocessable');
      if (path) expect(body.error.details?.map((d) => d.path)).toContain(path);
      expect([await countRows('complaints'), await countRows('events'), await countRows('photos')]).toEqual(before);
    });
  }

  it('refuses malformed JSON and a non-object body with 400', async () => {
    const citizen = newCitizen();
    await expectError(await citizen.file('{"title": "rusak",'), 400, 'validation_failed');
    await expectError(await citizen.file('[1,2,3]'), 400, 'validation_failed');
    await expectError(await citizen.file('null'), 400, 'validation_failed');
  });

  it('refuses a body over 64 KB with 413', async () => {
    await expectError(await newCitizen().file(validComplaint({ address: 'x'.repeat(70_000) })), 413, 'payload_too_large');
  });

  it("refuses another client's upload and an upload already claimed", async () => {
    const owner = newCitizen();
    const photo = await owner.uploadOk();
    const stranger = await expectError(await newCitizen().file(validComplaint({ photoIds: [photo.id] })), 422, 'unprocessable');
    expect(stranger.error.details).toEqual([{ path: 'photoIds.0', message: 'Unknown photo' }]);

    await owner.fileOk({ photoIds: [photo.id] });
    const again = await expectError(await owner.file(validComplaint({ photoIds: [photo.id] })), 422, 'unprocessable');
    expect(again.error.details?.[0]?.path).toBe('photoIds.0');
  });

  it('refuses a cross-site submission from a browser with 403', async () => {
    const citizen = newCitizen();
    const before = await countRows('complaints');
    await expectError(await citizen.file(validComplaint(), { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }), 403, 'forbidden');
    await expectError(await citizen.file(validComplaint(), { Origin: 'https://evil.example' }), 403, 'forbidden');
    expect(await countRows('complaints')).toBe(before);
    // Our own pages pass.
    const own = await citizen.file(validComplaint(), { Origin: 'https://ntbcare.test', 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(201);
  });

  it('limits filing per client with 429 and Retry-After', async () => {
    const citizen = newCitizen();
    for (let i = 0; i < 20; i++) expect((await citizen.file({ nonsense: true })).status).toBe(400);
    const res = await citizen.file(validComplaint());
    await expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts good filings alike: past the limit the next is refused before anything is written, a bad one too', async () => {
    const citizen = newCitizen();
    for (let i = 0; i < 20; i++) await citizen.fileOk({ title: `Lampu jalan padam nomor ${i}` });
    const before = await countRows('complaints');
    await expectError(await citizen.file(validComplaint()), 429, 'rate_limited');
    await expectError(await citizen.file({ nonsense: true }), 429, 'rate_limited');
    expect(await countRows('complaints')).toBe(before);
    // Another address is not held back.
    await newCitizen().fileOk();
  });

  it('counts a whole IPv6 /64 as one client: a phone that changes its address within it is still limited', async () => {
    // Every subscriber gets a /64 and picks addresses in it at will (privacy extensions).
    const from = (ip: string) => ({ 'CF-Connecting-IP': ip, 'X-Client-Key': crypto.randomUUID(), 'Content-Type': 'application/json' });
    const file = (ip: string) => call('/api/complaints', { method: 'POST', headers: from(ip), body: '{"nonsense":true}' });
    for (let i = 1; i <= 20; i++) expect((await file(`2001:db8:77:5:${i.toString(16)}::1`)).status).toBe(400);
    await expectError(await file('2001:0db8:0077:0005:ffff:ffff:ffff:ffff'), 429, 'rate_limited');
    // The next /64 is another subscriber.
    expect((await file('2001:db8:77:6::1')).status).toBe(400);
  });
});

export { place };
