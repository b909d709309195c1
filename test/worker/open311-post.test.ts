// Open311 GeoReport v2, the filing side: POST requests with an api_key makes a normal
// `submitted` complaint that the queue routes and the moderators screen; refusals come in
// the specification's error format; each key has its own rate limit.
import { env } from 'cloudflare:workers';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssuedApiKey, ModerationQueueResponse } from '../../worker/domain/api';
import type { ServiceRequest } from '../../worker/open311/requests';
import { apiKeyLimit } from '../../worker/open311/api-key';
import { countRows, newCitizen } from './citizen';
import { call } from './helpers';
import { asText, expectErrors, fromXml, getBoth, issueApiKey, postRequest, requestForm, W3C_WITA } from './open311';
import { signIn } from './staff';

let admin: string;
let moderator: string;
let pdam: string;
let key: IssuedApiKey;
beforeAll(async () => {
  admin = (await signIn('admin')).cookie;
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
  key = await issueApiKey(admin);
});

interface Filed {
  service_request_id: string;
  service_notice: string;
  account_id: null;
  tracking_url: string;
}

async function file(overrides: Record<string, string | undefined> = {}): Promise<string> {
  const res = await postRequest('json', requestForm(key.key, overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  const [filed] = await res.json<Filed[]>();
  return filed!.service_request_id;
}

const stored = (code: string) => env.DB.prepare('SELECT * FROM complaints WHERE code = ?').bind(code).first<Record<string, unknown>>();
const request = async (code: string) => (await getBoth<ServiceRequest[]>(`requests/${code}`, 'service_requests'))[0]!;

/** The queue consumer has routed it (as it does every new complaint). */
async function routed(code: string) {
  await vi.waitFor(async () => expect((await stored(code))!.suggested_agency_id).not.toBeNull(), { timeout: 10_000, interval: 100 });
}

/** A staff member (by cookie) or the reporter (by tracking token) acts on the version stored. */
const act = async (cookie: string, code: string, action: string, body: Record<string, unknown>, auth: Record<string, string> = { Cookie: cookie }) => {
  const version = (await stored(code))!.version;
  const res = await call(`/api/complaints/${code}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify({ version, ...body }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
};
const asReporter = (token: string, code: string, action: string, body: Record<string, unknown>) => act('', code, action, body, { 'X-Tracking-Token': token });

describe('POST requests', () => {
  it('files a submitted complaint with the reporter, place and media link mapped to ours', async () => {
    const res = await postRequest('json', requestForm(key.key));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.json<Filed[]>();
    expect(body).toEqual([
      {
        service_request_id: expect.stringMatching(/^NTB-[0-9A-HJKMNP-TV-Z]{8}$/),
        service_notice: expect.stringContaining('moderator'),
        account_id: null,
        tracking_url: expect.stringMatching(/^https:\/\/ntbcare\.test\/lacak\/NTB-[0-9A-HJKMNP-TV-Z]{8}#t=[0-9a-f]{32}$/),
      },
    ]);
    const code = body[0]!.service_request_id;

    expect(await stored(code)).toMatchObject({
      status: 'submitted',
      title: 'Air PDAM tidak mengalir sejak Senin.',
      regency_code: '52.71',
      district_code: '52.71.01',
      village_code: '52.71.01.1004',
      lat: -8.5772,
      lng: 116.0735,
      address: 'Jl. Saleh Sungkar, dekat masjid',
      reporter_name: 'Baiq Nurul',
      reporter_email: 'nurul@example.id',
      reporter_phone: '+62 812-3456-7890',
      anonymous: 0,
      confidential: 0,
      api_key_id: key.id,
      media_url: 'https://media.example.org/foto/pipa.jpg',
    });
    const events = await env.DB.prepare('SELECT type, actor_role FROM events WHERE complaint_id = (SELECT id FROM complaints WHERE code = ?)').bind(code).all();
    expect(events.results).toEqual([{ type: 'submitted', actor_role: 'citizen' }]);

    // The queue routes it and the moderators see it waiting, like any other complaint.
    await routed(code);
    const waiting = await (await call('/api/moderation/queue?limit=100', { headers: { Cookie: moderator } })).json<ModerationQueueResponse>();
    expect(waiting.items.find((i) => i.code === code)).toMatchObject({ suggestedAgency: { slug: 'pdam-giri-menang' }, reporter: { name: 'Baiq Nurul' } });

    // Its media link is published once the moderators have verified it (open311-staff.test.ts).
    const shown = await request(code);
    expect(shown).toMatchObject({ status: 'open', media_url: null, lat: -8.5772, long: 116.0735 });
    expect(JSON.stringify(shown)).not.toContain('Nurul');
  });

  it('answers in XML what it answers in JSON', async () => {
    const res = await postRequest('xml', requestForm(key.key));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = fromXml(await res.text());
    expect(xml.root).toBe('service_requests');
    const [filed] = xml.value as Filed[];
    expect(filed!.service_request_id).toMatch(/^NTB-/);
    expect(filed!.tracking_url).toMatch(new RegExp(`^https://ntbcare\\.test/lacak/${filed!.service_request_id}#t=[0-9a-f]{32}$`));
    expect(xml.value).toEqual(
      asText([{ service_request_id: filed!.service_request_id, service_notice: filed!.service_notice, account_id: null, tracking_url: filed!.tracking_url }]),
    );
    expect((await stored(filed!.service_request_id))!.status).toBe('submitted');
  });

  it('hands the app the reporter’s private tracking link, which works as the one the form gives', async () => {
    const res = await postRequest('json', requestForm(key.key));
    const [filed] = await res.json<Filed[]>();
    const link = new URL(filed!.tracking_url);
    const code = filed!.service_request_id;
    expect(link.pathname).toBe(`/lacak/${code}`);
    expect(link.search).toBe('');
    const token = new URLSearchParams(link.hash.slice(1)).get('t')!;
    // Stored only as its hash, as every tracking token.
    expect(JSON.stringify(await stored(code))).not.toContain(token);

    const asReporterSees = await (await call(`/api/complaints/${code}`, { headers: { 'X-Tracking-Token': token } })).json<{ reporter?: { name?: string } }>();
    expect(asReporterSees.reporter).toMatchObject({ name: 'Baiq Nurul' });
    const publicSees = await (await call(`/api/complaints/${code}`)).json<{ reporter?: unknown }>();
    expect(publicSees.reporter).toBeNull();
    const comment = (headers: Record<string, string>) =>
      call(`/api/complaints/${code}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ body: 'Sudah ada petugas yang datang?' }),
      });
    expect((await comment({ 'X-Tracking-Token': token })).status).toBe(201);
    expect((await comment({ 'X-Tracking-Token': '0'.repeat(32) })).status).toBe(403);
  });

  it('takes a title, the place as attributes and the privacy choices', async () => {
    const code = await file({
      lat: undefined,
      long: undefined,
      'attribute[title]': 'Pipa PDAM bocor di gang masjid',
      'attribute[regency]': '52.71',
      'attribute[district]': '52.71.01',
      'attribute[anonymous]': 'true',
      first_name: undefined,
      last_name: 'Nurul',
    });
    expect(await stored(code)).toMatchObject({ title: 'Pipa PDAM bocor di gang masjid', lat: null, lng: null, anonymous: 1, reporter_name: 'Nurul' });

    const secret = await file({ 'attribute[confidential]': 'true' });
    expect((await stored(secret))!.confidential).toBe(1);
    expect((await call(`/open311/v2/requests/${secret}.json`)).status).toBe(404);
  });

  it('names a complaint without a title by the start of a long first sentence', async () => {
    const description = `Jalan ${'rusak '.repeat(40)}tanpa titik`;
    const code = await file({ description, service_code: 'jalan-jembatan' });
    const title = (await stored(code))!.title as string;
    expect(title).toHaveLength(150);
    expect(title.endsWith('…')).toBe(true);
  });

  it('never cuts an emoji in two when it shortens a title', async () => {
    const start = `Jalan berlubang di depan sekolah ${'dan pasar '.repeat(12)}`.slice(0, 145);
    const code = await file({ description: `${start}👨‍👩‍👧 anak-anak sering jatuh di sana tanpa titik` });
    expect((await stored(code))!.title).toBe(`${start.trimEnd()}…`);
  });
});

describe('POST requests refusals', () => {
  // Refusals count against a key's limit too: each test has a key of its own.
  let refusing: IssuedApiKey;
  beforeEach(async () => {
    refusing = await issueApiKey(admin, 'Aplikasi yang sering salah');
  });

  const refused = async (overrides: Record<string, string | undefined>, status: number, field?: string, query = '') => {
    const before = await countRows('complaints');
    const descriptions = await expectErrors(
      await postRequest('json', requestForm(refusing.key, overrides), query),
      await postRequest('xml', requestForm(refusing.key, overrides), query),
      status,
    );
    if (field) expect(descriptions.join(' | ')).toContain(field);
    expect(await countRows('complaints')).toBe(before);
    return descriptions;
  };

  it('is 403 without a valid api_key', async () => {
    await refused({ api_key: undefined }, 403, 'api_key');
    await refused({ api_key: 'ntbcare_00000000000000000000000000000000' }, 403, 'api_key');
    await refused({ api_key: 'salah' }, 403, 'api_key');
  });

  it('is 403 for an api_key in the URL, which logs keep: it belongs in the form body', async () => {
    await refused({ api_key: undefined }, 403, 'send it in the form body', `api_key=${refusing.key}`);
    await refused({}, 403, 'send it in the form body', `api_key=${refusing.key}`);
  });

  it('is 404 for an unknown service or another jurisdiction', async () => {
    await refused({ service_code: 'tidak-ada' }, 404, 'tidak-ada');
    await refused({ jurisdiction_id: 'sfgov.org' }, 404, 'jurisdiction_id');
  });

  it('is 400 for what is missing or wrong, naming the form’s fields', async () => {
    await refused({ service_code: undefined }, 400, 'service_code');
    await refused({ lat: undefined, long: undefined, address_string: undefined }, 400, 'address_string');
    await refused({ long: undefined }, 400, 'long');
    await refused({ lat: 'utara' }, 400, 'lat');
    await refused({ lat: '-6.2', long: '106.8' }, 400, 'lat: Outside NTB');
    await refused({ 'attribute[village]': undefined }, 400, 'attribute[village]');
    await refused({ 'attribute[village]': '52.71.01.9999' }, 400, 'attribute[village]');
    await refused({ 'attribute[district]': '52.71.02' }, 400, 'attribute[village]: No such village in this district');
    await refused({ 'attribute[regency]': '52.01' }, 400, 'attribute[village]: No such district in this regency');
    await refused({ 'attribute[regency]': '52.01', 'attribute[district]': '52.71.01' }, 400, 'attribute[district]: No such district in this regency');
    await refused({ 'attribute[warna]': 'merah' }, 400, 'attribute[warna]');
    await refused({ 'attribute[anonymous]': 'mungkin' }, 400, 'attribute[anonymous]');
    await refused({ 'attribute[title]': 'Ya' }, 400, 'attribute[title]');
    await refused({ description: undefined }, 400, 'description');
    await refused({ description: 'Air mati.' }, 400, 'description');
    await refused({ description: 'x'.repeat(4001) }, 400, 'description');
    await refused({ email: 'bukan-email' }, 400, 'email');
    await refused({ phone: 'telepon saya' }, 400, 'phone');
    await refused({ media_url: 'javascript:alert(1)' }, 400, 'media_url');
    // Every problem at once.
    const all = await refused({ description: undefined, 'attribute[village]': undefined, lat: undefined, long: undefined, address_string: undefined }, 400);
    expect(all).toHaveLength(3);
  });

  it('reports each problem once, against the field the client sent', async () => {
    const twice = new URLSearchParams(requestForm(refusing.key));
    twice.append('attribute[village]', '52.71.01.1005');
    expect(await expectErrors(await postRequest('json', twice), await postRequest('xml', twice), 400)).toEqual(['attribute[village]: Takes one value']);
    // The regency and district are read from the village's code when not sent.
    expect(await refused({ 'attribute[village]': '52.71.01.10' }, 400)).toEqual([expect.stringMatching(/^attribute\[village\]: /)]);
    expect(await refused({ 'attribute[village]': '52.99.01.1001' }, 400)).toEqual([expect.stringMatching(/^attribute\[village\]: Unknown regency/)]);
    // Without attribute[title], the title is the description's start.
    expect(await refused({ description: 'Air.' }, 400)).toEqual(['description: At least 20 characters']);
    expect(await refused({ description: `A${' '.repeat(30)}b` }, 400)).toEqual([expect.stringMatching(/^description: At least 5 characters \(the title/)]);
  });

  it('is 400 for a body that is not a form', async () => {
    const before = await countRows('complaints');
    const res = await call('/open311/v2/requests.json', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(requestForm(refusing.key)) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ code: 400, description: expect.stringContaining('x-www-form-urlencoded') }]);
    const huge = await postRequest('json', requestForm(refusing.key, { description: 'a'.repeat(70_000) }));
    expect(huge.status).toBe(400);
    expect(await countRows('complaints')).toBe(before);
  });
});

describe('rate limit per api_key', () => {
  it('answers 429 with Retry-After past the key’s limit, and other keys go on', async () => {
    const busy = await issueApiKey(admin, 'Skrip yang terlalu rajin');
    const calm = await issueApiKey(admin, 'Aplikasi lain');
    // Counted before the form is checked, so refusals count too.
    for (let i = 0; i < apiKeyLimit.limit; i++) {
      expect((await postRequest('json', requestForm(busy.key, { service_code: undefined }))).status).toBe(400);
    }
    const json = await postRequest('json', requestForm(busy.key));
    const xml = await postRequest('xml', requestForm(busy.key));
    expect(Number(json.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(xml.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectErrors(json, xml, 429);
    expect((await postRequest('json', requestForm(calm.key))).status).toBe(201);
  });
});

describe('a request’s round trip', () => {
  it('goes through moderation and the agency, and shows their words as status_notes', async () => {
    const code = await file();
    await routed(code);
    expect(await request(code)).toMatchObject({ status: 'open', agency_responsible: null, status_notes: null });

    await act(moderator, code, 'forward', { agency: 'pdam-giri-menang', priority: 'important' });
    const agency = await env.DB.prepare("SELECT name FROM agencies WHERE slug = 'pdam-giri-menang'").first<{ name: string }>();
    const forwarded = await request(code);
    expect(forwarded).toMatchObject({ status: 'open', agency_responsible: agency!.name, status_notes: null });
    expect(Date.parse(forwarded.expected_datetime!)).toBe(Math.floor(((await stored(code))!.due_at as number) / 1000) * 1000);

    await act(pdam, code, 'respond', { body: 'Petugas kami menuju lokasi hari ini untuk memeriksa pipa.' });
    await act(pdam, code, 'note', { body: 'Catatan internal: pipa tua' });
    expect(await request(code)).toMatchObject({ status: 'open', status_notes: 'Petugas kami menuju lokasi hari ini untuk memeriksa pipa.', expected_datetime: null });

    await act(pdam, code, 'resolve', { body: 'Pipa sudah diganti, air mengalir kembali.' });
    const resolved = await request(code);
    const row = (await stored(code))!;
    expect(resolved).toMatchObject({ status: 'closed', agency_responsible: agency!.name, status_notes: 'Pipa sudah diganti, air mengalir kembali.' });
    expect(resolved.updated_datetime).toMatch(W3C_WITA);
    expect(Date.parse(resolved.updated_datetime)).toBe(Math.floor((row.resolved_at as number) / 1000) * 1000);
    expect(JSON.stringify(resolved)).not.toContain('pipa tua');

    // Verified now, it is listed; as closed, not as open.
    const closedList = await getBoth<ServiceRequest[]>('requests', 'service_requests', 'status=closed');
    expect(closedList.map((r) => r.service_request_id)).toContain(code);
    const openList = await getBoth<ServiceRequest[]>('requests', 'service_requests', 'status=open');
    expect(openList.map((r) => r.service_request_id)).not.toContain(code);
  });

  it('drops status_notes once the status moves on, and keeps the resolution when the reporter confirms it', async () => {
    const { code, trackingToken } = await newCitizen().fileOk();
    const notes = async () => {
      const { status, status_notes } = await request(code);
      return { status, status_notes };
    };
    await act(moderator, code, 'forward', { agency: 'pdam-giri-menang', priority: 'important' });
    await act(pdam, code, 'resolve', { body: 'Pipa sudah diganti.' });
    expect(await notes()).toEqual({ status: 'closed', status_notes: 'Pipa sudah diganti.' });

    await asReporter(trackingToken, code, 'reopen', { reason: 'Air masih belum mengalir.' });
    expect(await notes()).toEqual({ status: 'open', status_notes: null });
    await act(pdam, code, 'respond', { body: 'Kami periksa lagi besok pagi.' });
    expect(await notes()).toEqual({ status: 'open', status_notes: 'Kami periksa lagi besok pagi.' });
    await act(pdam, code, 'return', { reason: 'Pipa milik pengembang perumahan.' });
    expect(await notes()).toEqual({ status: 'open', status_notes: null });

    await act(moderator, code, 'forward', { agency: 'pdam-giri-menang', priority: 'important' });
    await act(pdam, code, 'resolve', { body: 'Pipa diganti bersama pengembang.' });
    await asReporter(trackingToken, code, 'confirm', { rating: 5 });
    expect(await notes()).toEqual({ status: 'closed', status_notes: 'Pipa diganti bersama pengembang.' });
  });

  it('tells a refused request why it was closed', async () => {
    const rejected = await file();
    await act(moderator, rejected, 'reject', { reason: 'not_public_service', message: 'Bukan layanan publik pemerintah daerah.' });
    const refused = await request(rejected);
    expect(refused).toMatchObject({ status: 'closed', status_notes: 'Bukan layanan publik pemerintah daerah.', service_notice: expect.stringContaining('Ditolak') });
    // What it said is not published: no description, street or pin (the area stays).
    const words = (await stored(rejected))!;
    expect(refused).toMatchObject({ description: '', lat: null, long: null, address: 'Ampenan Selatan, Ampenan, Kota Mataram, Nusa Tenggara Barat' });
    expect(JSON.stringify(refused)).not.toContain(words.description as string);
    expect(JSON.stringify(refused)).not.toContain(words.address as string);

    const original = await file();
    const copy = await file();
    await act(moderator, copy, 'duplicate', { of: original });
    expect((await request(copy)).status_notes).toContain(original);
  });
});
