// Reading Open311 needs no key, so each address has a limit: past it, 429 with Retry-After
// in the format asked for, readable by other sites' pages; other addresses read on.
import { describe, expect, it } from 'vitest';
import { OPEN311_READ_LIMIT } from '../../worker/http/rate-limit';
import { countRows } from './citizen';
import { expectErrors, get } from './open311';

describe('rate limit on reads', () => {
  it('answers 429 with Retry-After in the requested format past the limit of an address, and others read on', async () => {
    const busy = { 'CF-Connecting-IP': '203.0.113.7', Origin: 'https://jurnalis.example' };
    const { limit, periodSeconds } = OPEN311_READ_LIMIT;
    const counted = await countRows('rate_limits');
    for (let sent = 0; sent < limit; sent += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, limit - sent) }, () => get('discovery.json', '', busy)));
      for (const res of batch) expect(res.status).toBe(200);
      await Promise.all(batch.map((res) => res.arrayBuffer()));
    }
    const json = await get('requests.json', '', busy);
    const xml = await get('services/air-bersih.xml', '', busy);
    for (const res of [json, xml]) {
      expect(Number(res.headers.get('retry-after'))).toBe(periodSeconds);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
    }
    await expectErrors(json, xml, 429);
    // Counted by the runtime's limiter: reading wrote nothing to D1.
    expect(await countRows('rate_limits')).toBe(counted);

    const other = await get('discovery.json', '', { 'CF-Connecting-IP': '203.0.113.8' });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });
});
