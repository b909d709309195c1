import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../worker/domain/csv';
import { newCitizen } from './citizen';
import { call, expectError } from './helpers';
import { issueApiKey, postRequest, requestForm } from './open311';
import { signIn } from './staff';

/** Splits our CSV (every field quoted, CRLF rows) back into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

const tricky = 'Jalan rusak, "parah"\nbaris dua';
let moderator: string;
let pdam: string;
let codes: { anonymousPdam: string; confidentialPdam: string; openPdam: string; pupr: string };

beforeAll(async () => {
  moderator = (await signIn('moderator')).cookie;
  pdam = (await signIn('agency', 'pdam-giri-menang')).cookie;
  const citizen = newCitizen();
  const anonymousPdam = (await citizen.fileOk({ description: tricky + ' sekali lagi ya', title: '=HYPERLINK("http://x")', anonymous: true })).code;
  const confidentialPdam = (await citizen.fileOk({ confidential: true })).code;
  const openPdam = (await citizen.fileOk()).code;
  const pupr = (await citizen.fileOk({ category: 'jalan-jembatan' })).code;
  for (const [code, agency] of [[anonymousPdam, 'pdam-giri-menang'], [confidentialPdam, 'pdam-giri-menang'], [openPdam, 'pdam-giri-menang'], [pupr, 'dinas-pupr-ntb']]) {
    await env.DB.prepare("UPDATE complaints SET status = 'forwarded', agency_id = (SELECT id FROM agencies WHERE slug = ?) WHERE code = ?").bind(agency, code).run();
  }
  codes = { anonymousPdam, confidentialPdam, openPdam, pupr };
});

const exportFor = async (cookie: string, query = '') => {
  const res = await call(`/api/export/complaints.csv${query}`, { headers: { Cookie: cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="ntbcare-pengaduan-/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
  const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
  const header = rows[0]!;
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
};

describe('GET /api/export/complaints.csv', () => {
  it('escapes commas, quotes, newlines and formulas so the text survives as text', async () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('+62 812')).toBe(`"'+62 812"`);
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    const rows = await exportFor(moderator);
    const row = rows.find((r) => r.code === codes.anonymousPdam)!;
    expect(row.description).toBe(`${tricky} sekali lagi ya`);
    expect(row.title).toBe(`'=HYPERLINK("http://x")`);
  });

  it('gives moderators every complaint with reporters, agencies only their own, anonymous and confidential ones without names', async () => {
    const all = await exportFor(moderator);
    expect(all.map((r) => r.code)).toEqual(expect.arrayContaining(Object.values(codes)));
    expect(all.find((r) => r.code === codes.anonymousPdam)!.reporter_name).toBe('Baiq Nurul');

    const own = await exportFor(pdam);
    expect(own.map((r) => r.code).sort()).toEqual([codes.anonymousPdam, codes.confidentialPdam, codes.openPdam].sort());
    expect(own.find((r) => r.code === codes.anonymousPdam)!.reporter_name).toBe('');
    expect(own.find((r) => r.code === codes.anonymousPdam)!.reporter_phone).toBe('');
    expect(all.find((r) => r.code === codes.confidentialPdam)!.reporter_name).toBe('Baiq Nurul');
    expect(own.find((r) => r.code === codes.confidentialPdam)!.reporter_name).toBe('');
    expect(own.find((r) => r.code === codes.confidentialPdam)!.reporter_phone).toBe('');
    expect(own.find((r) => r.code === codes.openPdam)!.reporter_name).toBe('Baiq Nurul');
  });

  it('names the app that filed a complaint through Open311 and the media link it sent', async () => {
    const key = await issueApiKey((await signIn('admin')).cookie, 'Aplikasi Warga Lombok');
    const res = await postRequest('json', requestForm(key.key, { media_url: 'https://media.example.org/foto/pipa.jpg' }));
    expect(res.status).toBe(201);
    const [{ service_request_id: code }] = await res.json<[{ service_request_id: string }]>();
    const rows = await exportFor(moderator);
    expect(rows.find((r) => r.code === code)).toMatchObject({ open311_api_key: 'Aplikasi Warga Lombok', open311_media_url: 'https://media.example.org/foto/pipa.jpg' });
    expect(rows.find((r) => r.code === codes.openPdam)).toMatchObject({ open311_api_key: '', open311_media_url: '' });
  });

  it('applies filters and is for staff only', async () => {
    const roads = await exportFor(moderator, '?category=jalan-jembatan');
    expect(roads.map((r) => r.code)).toEqual([codes.pupr]);
    await expectError(await call('/api/export/complaints.csv'), 401, 'unauthenticated');
    await expectError(await call('/api/export/complaints.csv?status=lost', { headers: { Cookie: moderator } }), 400, 'validation_failed');
    // A period on days that do not exist was dropped silently (the whole table came back).
    for (const period of ['from=2026-99-99', 'to=2026-02-30']) {
      await expectError(await call(`/api/export/complaints.csv?${period}`, { headers: { Cookie: moderator } }), 400, 'validation_failed');
    }
  });
});
