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

  it('answers an unknown method on a known path with the JSON 404', async () => {
    await expectError(await call('/api/meta', { method: 'DELETE' }), 404, 'not_found');
  });

  it('never answers bad input with a 500', async () => {
    const paths = ['/api/regions/%ZZ', '/api/regions/' + 'x'.repeat(5000), '/api/regions/%00', '/api/meta?x=%FF'];
    for (const path of paths) {
      const res = await call(path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
    }
  });

  it('serves the health check', async () => {
    const res = await call('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
