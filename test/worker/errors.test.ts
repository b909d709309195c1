import { describe, expect, it } from 'vitest';
import { call, expectError } from './helpers';
import { getErrors } from './open311';

describe('the one error shape', () => {
  it('answers unknown API paths with the JSON 404, not the client HTML', async () => {
    for (const path of ['/api/nope', '/api/complaints/x/y/z', '/api']) {
      const body = await expectError(await call(path), 404, 'not_found');
      expect(body.error.requestId).toBeTruthy();
    }
  });

  it('answers unknown Open311 paths in Open311’s own error format, not the client HTML', async () => {
    expect(await getErrors('nothing', 404)).toHaveLength(1);
  });

  it('answers another method on a known path with 405 and the methods it takes (Allow)', async () => {
    const meta = await call('/api/meta', { method: 'DELETE' });
    expect(meta.headers.get('allow')).toBe('GET, HEAD');
    const body = await expectError(meta, 405, 'method_not_allowed');
    expect(body.error.message).toContain('GET');
    // A path with a parameter, and one where two methods are answered.
    const complaint = await call('/api/complaints/NTB-00000000', { method: 'PUT' });
    expect(complaint.headers.get('allow')).toBe('GET, HEAD');
    await expectError(complaint, 405, 'method_not_allowed');
    const complaints = await call('/api/complaints', { method: 'DELETE' });
    expect(complaints.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectError(complaints, 405, 'method_not_allowed');
    // A path no method answers stays 404.
    await expectError(await call('/api/nope', { method: 'DELETE' }), 404, 'not_found');
  });

  it('answers another method on a known Open311 path with 405 in Open311’s format', async () => {
    for (const path of ['/open311/v2/requests.json', '/open311/v2/requests/NTB-00000000.json']) {
      const res = await call(path, { method: 'DELETE' });
      expect(res.status, path).toBe(405);
      expect(res.headers.get('allow'), path).toBe(path.endsWith('requests.json') ? 'GET, HEAD, POST' : 'GET, HEAD');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const [error] = (await res.json()) as { code: number; description: string }[];
      expect(error!.code).toBe(405);
      expect(error!.description).toContain('GET');
    }
    const unknown = await call('/open311/v2/nothing.json', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
  });

  it('never answers bad input with a 500', async () => {
    const paths = ['/api/regions/%ZZ', '/api/regions/' + 'x'.repeat(5000), '/api/regions/%00', '/api/meta?x=%FF'];
    for (const path of paths) {
      const res = await call(path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('refuses an oversized JSON body from anyone with 413 before reading it all', async () => {
    // Read whole and parsed, a body of tens of megabytes would take the memory of every
    // request the isolate serves: these take one from anyone, signed in or not.
    const huge = JSON.stringify({ version: 1, rating: 5, reason: 'x'.repeat(200 * 1024), username: 'a', password: 'b' });
    for (const path of ['/api/auth/login', '/api/complaints/NTB-ABCDEFGH/confirm', '/api/complaints/NTB-ABCDEFGH/reopen', '/api/complaints/NTB-ABCDEFGH/comments']) {
      const res = await call(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '192.0.2.77' }, body: huge });
      await expectError(res, 413, 'payload_too_large');
    }
  });

  it('serves the health check', async () => {
    const res = await call('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
