// Other sites' pages use Open311 from the browser: every answer, a filing, a refusal, a
// preflight and a path outside /open311/v2, carries the CORS headers that let them read it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedApiKey } from '../../worker/domain/api';
import { call } from './helpers';
import { BASE, expectErrors, get, issueApiKey, requestForm } from './open311';
import { signIn } from './staff';

const ORIGIN = 'https://peta-warga.example';
let key: IssuedApiKey;
beforeAll(async () => {
  key = await issueApiKey((await signIn('admin')).cookie, 'Peta Warga');
});

function post(fields: Record<string, string>) {
  return call(`${BASE}/requests.json`, {
    method: 'POST',
    headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

const readable = (res: Response) => expect(res.headers.get('access-control-allow-origin')).toBe('*');

describe('CORS for Open311', () => {
  it('lets another site file a request and read the answer', async () => {
    const res = await post(requestForm(key.key));
    expect(res.status).toBe(201);
    readable(res);
    await res.arrayBuffer();
  });

  it('lets another site read a refusal and why', async () => {
    for (const res of [await post(requestForm('salah')), await post(requestForm(key.key, { description: 'Pendek.' })), await get('requests/NTB-00000000.json', '', { Origin: ORIGIN })]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      readable(res);
      await res.arrayBuffer();
    }
  });

  it('answers a preflight for a filing', async () => {
    const res = await call(`${BASE}/requests.json`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'Content-Type' },
    });
    expect(res.status).toBe(204);
    readable(res);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('answers a path outside /open311/v2 in Open311’s error format, readable by other sites', async () => {
    const headers = { Origin: ORIGIN };
    const json = await call('/open311/v1/services.json', { headers });
    const xml = await call('/open311/v1/services.xml', { headers });
    readable(json);
    readable(xml);
    const [description] = await expectErrors(json, xml, 404);
    expect(description).toContain('/open311/v2/');
  });
});
