// GET requests answers at most 1,000 requests, the newest, as the specification's default
// volume says; in a file of its own, since it fills the database.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../worker/open311/requests';
import { MAX_REQUESTS } from '../../worker/open311/requests-query';
import { get } from './open311';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = (n: number) => `NTB-V${Array.from({ length: 7 }, (_, i) => CROCKFORD[Math.floor(n / 32 ** (6 - i)) % 32]).join('')}`;

describe('GET requests volume', () => {
  it('stops at 1,000 requests, newest first, in both formats', async () => {
    const total = MAX_REQUESTS + 5;
    const now = Date.now();
    const insert = env.DB.prepare(
      `INSERT INTO complaints (code, title, description, category_id, regency_code, district_code, village_code, status, tracking_token_hash, submitted_at, updated_at)
       SELECT ?, 'Lampu jalan mati', 'Lampu jalan di depan pasar mati sejak seminggu.', id, '52.71', '52.71.01', '52.71.01.1004', 'forwarded', 'f', ?, ? FROM categories WHERE slug = 'jalan-jembatan'`,
    );
    await env.DB.batch(Array.from({ length: total }, (_, i) => insert.bind(code(i), now - (total - i) * 60_000, now - (total - i) * 60_000)));

    const json = await (await get('requests.json')).json<ServiceRequest[]>();
    expect(json).toHaveLength(MAX_REQUESTS);
    expect(json[0]!.service_request_id).toBe(code(total - 1));
    expect(json.at(-1)!.service_request_id).toBe(code(total - MAX_REQUESTS));
    const xml = await (await get('requests.xml')).text();
    expect(xml.match(/<request>/g)).toHaveLength(MAX_REQUESTS);
  });
});
