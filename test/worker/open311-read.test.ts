// Open311 GeoReport v2, the reading side: discovery, services, service definitions,
// requests and tokens, in both formats, with what the public may see and nothing more.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateComplaintRequest, MetaResponse } from '../../worker/domain/api';
import type { ServiceRequest } from '../../worker/open311/requests';
import { newCitizen } from './citizen';
import { call } from './helpers';
import { codesOf, forward as forwardBy, forwarded as forwardedBy, fromXml, get, getBoth, getErrors, requests, W3C_WITA } from './open311';
import { signIn } from './staff';
import { insertComplaint } from './fixtures';

let moderator: string;
beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
});

const forward = (code: string) => forwardBy(moderator, code);
const forwarded = (overrides: Partial<CreateComplaintRequest> = {}) => forwardedBy(moderator, overrides);

describe('discovery', () => {
  it('names the GeoReport v2 endpoint, its two formats and how to get a key', async () => {
    const body = await getBoth<Record<string, unknown>>('discovery', 'discovery');
    expect(body).toMatchObject({ changeset: expect.any(String), contact: expect.any(String), key_service: expect.stringContaining('API') });
    expect(body.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'https://ntbcare.test/open311/v2/',
        changeset: expect.any(String),
        type: 'test',
        formats: ['text/xml', 'application/json'],
      },
    ]);
    // A client appends a resource to the endpoint's address.
    const [endpoint] = body.endpoints as { url: string }[];
    const services = await call(new URL('services.json', endpoint!.url).pathname);
    expect(services.status).toBe(200);
    await services.arrayBuffer();
  });
});

describe('services', () => {
  it('lists one realtime service with metadata per active category', async () => {
    const meta = await (await call('/api/meta')).json<MetaResponse>();
    const services = await getBoth<Record<string, unknown>[]>('services', 'services');
    expect(services.map((s) => s.service_code)).toEqual(meta.categories.map((c) => c.slug));
    for (const s of services) {
      expect(Object.keys(s)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']);
      expect(s).toMatchObject({ service_name: expect.any(String), description: expect.any(String), metadata: true, type: 'realtime', keywords: expect.any(String) });
    }
    const water = services.find((s) => s.service_code === 'air-bersih')!;
    expect(water).toMatchObject({ service_name: 'Air Bersih', keywords: expect.stringContaining('Clean water') });
  });

  it('drops a deactivated category from the list and its definition', async () => {
    await env.DB.prepare("UPDATE categories SET active = 0 WHERE slug = 'listrik'").run();
    try {
      const services = await getBoth<{ service_code: string }[]>('services', 'services');
      expect(services.map((s) => s.service_code)).not.toContain('listrik');
      await getErrors('services/listrik', 404);
    } finally {
      await env.DB.prepare("UPDATE categories SET active = 1 WHERE slug = 'listrik'").run();
    }
  });
});

describe('service definitions', () => {
  interface Attribute {
    variable: boolean;
    code: string;
    datatype: string;
    required: boolean;
    datatype_description: string | null;
    order: number;
    description: string;
    values?: { key: string; name: string }[];
  }

  it('ask for the place in NTB’s official codes, a title and the privacy choices', async () => {
    const definition = await getBoth<{ service_code: string; attributes: Attribute[] }>('services/air-bersih', 'service_definition');
    expect(definition.service_code).toBe('air-bersih');
    const attributes = definition.attributes;
    expect(attributes.map((a) => a.code)).toEqual(['regency', 'district', 'village', 'title', 'anonymous', 'confidential']);
    expect(attributes.map((a) => a.order)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const a of attributes) {
      expect(a.variable).toBe(true);
      expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype);
      expect(typeof a.required).toBe('boolean');
      expect(a.description.length).toBeGreaterThan(0);
      expect(a.datatype === 'singlevaluelist').toBe(Array.isArray(a.values));
    }
    expect(attributes.filter((a) => a.required).map((a) => a.code)).toEqual(['village']);

    const counts = await env.DB.prepare('SELECT level, count(*) AS n FROM regions GROUP BY level').all<{ level: string; n: number }>();
    const count = (level: string) => counts.results.find((r) => r.level === level)!.n;
    const [regency, district, village] = attributes;
    expect(regency!.values).toHaveLength(count('regency'));
    expect(district!.values).toHaveLength(count('district'));
    expect(village!.values).toHaveLength(count('village'));
    expect(regency!.values).toContainEqual({ key: '52.71', name: 'Kota Mataram' });
    expect(district!.values).toContainEqual({ key: '52.71.01', name: 'Ampenan, Kota Mataram' });
    expect(village!.values).toContainEqual({ key: '52.71.01.1004', name: 'Ampenan Selatan, Ampenan, Kota Mataram' });
    expect(attributes[4]!.values).toEqual([
      { key: 'false', name: 'Tidak / No' },
      { key: 'true', name: 'Ya / Yes' },
    ]);
  });

  it('is 404 for a service that does not exist, in either format', async () => {
    const [description] = await getErrors('services/tidak-ada', 404);
    expect(description).toContain('tidak-ada');
  });
});

describe('GET requests/{id}', () => {
  it('shows a forwarded complaint with the specification’s fields, our due time and photo, and no reporter', async () => {
    const citizen = newCitizen();
    const photo = await citizen.uploadOk();
    const { code } = await citizen.fileOk({ photoIds: [photo.id] });
    await forward(code);
    const [request] = await getBoth<ServiceRequest[]>(`requests/${code}`, 'service_requests');
    const row = await env.DB.prepare('SELECT submitted_at, updated_at, due_at FROM complaints WHERE code = ?').bind(code).first<Record<string, number>>();
    const agency = await env.DB.prepare("SELECT name FROM agencies WHERE slug = 'pdam-giri-menang'").first<{ name: string }>();

    expect(Object.keys(request!)).toEqual([
      'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
      'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
    ]);
    expect(request).toMatchObject({
      service_request_id: code,
      status: 'open',
      status_notes: null,
      service_name: 'Air Bersih',
      service_code: 'air-bersih',
      description: expect.stringContaining('air PDAM'),
      agency_responsible: agency!.name,
      service_notice: expect.stringContaining('instansi'),
      address: 'Jl. Saleh Sungkar, dekat masjid, Ampenan Selatan, Ampenan, Kota Mataram, Nusa Tenggara Barat',
      lat: -8.5772,
      long: 116.0735,
      media_url: `https://ntbcare.test/api/photos/${photo.id}`,
    });
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'] as const) expect(request![field]).toMatch(W3C_WITA);
    expect(Date.parse(request!.requested_datetime)).toBe(Math.floor(row!.submitted_at! / 1000) * 1000);
    expect(Date.parse(request!.expected_datetime!)).toBe(Math.floor(row!.due_at! / 1000) * 1000);
    // The same instant, told in NTB's time.
    expect(request!.requested_datetime.slice(0, 13)).toBe(new Date(row!.submitted_at! + 8 * 3600_000).toISOString().slice(0, 13));

    const text = JSON.stringify(request);
    for (const secret of ['Baiq Nurul', 'nurul@example.id', '3456']) expect(text).not.toContain(secret);
    // A page on another site may show it.
    const image = await call(new URL(request!.media_url!).pathname, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    await image.arrayBuffer();
  });

  it('shows a complaint still waiting for the moderators as open, as its code shows it to anyone', async () => {
    const { code } = await newCitizen().fileOk({ lat: null, lng: null, address: null });
    const [request] = await getBoth<ServiceRequest[]>(`requests/${code}`, 'service_requests');
    expect(request).toMatchObject({ status: 'open', agency_responsible: null, lat: null, long: null, media_url: null, address: 'Ampenan Selatan, Ampenan, Kota Mataram, Nusa Tenggara Barat' });
    expect(request!.service_notice).toContain('moderator');
  });

  it('is 404 for an unknown or confidential complaint, in either format', async () => {
    const secret = await forwarded({ confidential: true });
    await getErrors(`requests/${secret.code}`, 404);
    await getErrors('requests/NTB-00000000', 404);
    await getErrors('requests/bukan-kode', 404);
  });

  it('keeps text exactly, markup and line breaks included, in both formats', async () => {
    const description = 'Pipa <b>bocor</b> & air "keruh" di RT 03.\r\nSudah > 3 hari; warga beli air galon.';
    const { code } = await newCitizen().fileOk({ description });
    const [request] = await getBoth<ServiceRequest[]>(`requests/${code}`, 'service_requests');
    expect(request!.description).toBe(description);
  });

  it('keeps the XML well-formed when the text holds characters XML cannot carry', async () => {
    const { code } = await newCitizen().fileOk({ description: 'Lampu jalan mati\u0007 sejak seminggu lalu di gang kami.' });
    const xml = fromXml(await (await get(`requests/${code}.xml`)).text());
    expect(JSON.stringify(xml.value)).toContain('mati\uFFFD sejak');
  });
});

describe('GET tokens/{token}', () => {
  it('gives the request id of a token, which is the id itself since we file at once', async () => {
    const { code } = await newCitizen().fileOk();
    expect(await getBoth(`tokens/${code}`, 'service_requests')).toEqual([{ service_request_id: code, token: code }]);
    await getErrors('tokens/NTB-00000000', 404);
    await getErrors(`tokens/${(await newCitizen().fileOk({ confidential: true })).code}`, 404);
  });
});

describe('GET requests', () => {
  it('lists verified complaints of the last 90 days, newest first, never unverified or confidential ones', async () => {
    const older = await forwarded();
    const newer = await forwarded();
    const unverified = await newCitizen().fileOk();
    const secret = await forwarded({ confidential: true });
    const list = await requests();
    const codes = codesOf(list);
    expect(codes.indexOf(newer.code)).toBeLessThan(codes.indexOf(older.code));
    expect(codes.indexOf(older.code)).toBeGreaterThanOrEqual(0);
    expect(codes).not.toContain(unverified.code);
    expect(codes).not.toContain(secret.code);
    expect(JSON.stringify(list)).not.toContain('Baiq Nurul');
  });

  it('takes service_request_id as a comma list that overrides the other arguments', async () => {
    const a = await forwarded();
    const unverified = await newCitizen().fileOk();
    const secret = await forwarded({ confidential: true });
    const list = await requests(`service_request_id=${a.code},${unverified.code},${secret.code},NTB-00000000&status=closed&service_code=kesehatan`);
    expect(codesOf(list).sort()).toEqual([a.code, unverified.code].sort());
  });

  it('filters by status, service_code and dates', async () => {
    const water = await forwarded();
    const road = await forwarded({ category: 'jalan-jembatan', title: 'Jalan rusak di depan pasar' });
    expect(codesOf(await requests('status=closed'))).not.toContain(water.code);
    expect(codesOf(await requests('status=open,closed'))).toContain(water.code);
    const roads = await requests('service_code=jalan-jembatan,kesehatan');
    expect(codesOf(roads)).toContain(road.code);
    expect(codesOf(roads)).not.toContain(water.code);

    const HOUR = 3600_000;
    const { complaint: old } = await insertComplaint({ status: 'forwarded', submittedAt: new Date(Date.now() - 100 * 24 * HOUR) });
    expect(codesOf(await requests())).not.toContain(old.code);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const around = `start_date=${day(Date.now() - 101 * 24 * HOUR)}T00:00:00Z&end_date=${day(Date.now() - 99 * 24 * HOUR)}T00:00:00Z`;
    expect(codesOf(await requests(around))).toEqual([old.code]);
    // An unencoded "+" arrives as a space; a bare date is midnight WITA.
    expect(codesOf(await requests(`start_date=${day(Date.now() - 101 * 24 * HOUR)}T00:00:00+08:00&end_date=${day(Date.now() - 98 * 24 * HOUR)}`))).toEqual([old.code]);
  });

  it('refuses what it cannot read, and a span longer than 90 days, with 400 in either format', async () => {
    expect((await getErrors('requests', 400, 'status=pending'))[0]).toContain('status');
    expect((await getErrors('requests', 400, 'start_date=kemarin'))[0]).toContain('start_date');
    expect((await getErrors('requests', 400, 'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'))[0]).toContain('90 days');
    expect((await getErrors('requests', 400, 'start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z'))[0]).toContain('start_date');
    expect((await getErrors('requests', 400, 'start_date=2026-06-01T10:00:00'))[0]).toContain('start_date');
  });
});

describe('jurisdiction and unknown resources', () => {
  it('accepts our jurisdiction_id (or none), and answers 404 for another', async () => {
    await getBoth('services', 'services', 'jurisdiction_id=ntbprov.go.id');
    await getBoth('services', 'services', 'jurisdiction_id=');
    const [description] = await getErrors('services', 404, 'jurisdiction_id=sfgov.org');
    expect(description).toContain('sfgov.org');
  });

  it('answers 404 in the specification’s error format for what does not exist', async () => {
    await getErrors('complaints', 404);
    await getErrors('services/air-bersih/extra', 404);
    const bare = await get('services');
    expect(bare.status).toBe(404);
    expect(await bare.json()).toEqual([{ code: 404, description: expect.stringContaining('.json') }]);
  });

  it('lets pages on other sites read it', async () => {
    const res = await get('services.json', '', { Origin: 'https://jurnalis.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    await res.arrayBuffer();
  });
});
