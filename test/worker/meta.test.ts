import { describe, expect, it } from 'vitest';
import type { MetaResponse } from '../../worker/domain/api';
import { complaintStatuses } from '../../worker/domain/vocabulary';
import { getJson } from './helpers';

describe('GET /api/meta', () => {
  it('serves NTB reference data from D1', async () => {
    const { res, body } = await getJson<MetaResponse>('/api/meta');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');

    expect(body.regencies).toHaveLength(10);
    expect(body.regencies.map((r) => r.name)).toContain('Kota Mataram');
    expect(body.regencies.every((r) => r.code.startsWith('52.') && r.level === 'regency')).toBe(true);

    expect(body.categories.length).toBeGreaterThanOrEqual(14);
    const water = body.categories.find((c) => c.slug === 'air-bersih');
    expect(water?.name.id).toBeTruthy();
    expect(water?.name.en).toBeTruthy();
    expect(body.categories.at(-1)?.slug).toBe('lainnya');

    expect(body.agencies.length).toBeGreaterThanOrEqual(45);
    const pdam = body.agencies.find((a) => a.slug === 'pdam-giri-menang');
    expect(pdam).toMatchObject({ kind: 'bumd' });
    // Public fields only: no database ids, no accounts.
    expect(Object.keys(pdam ?? {}).sort()).toEqual(['kind', 'name', 'regencyCode', 'shortName', 'slug']);

    expect(body.statuses).toEqual([...complaintStatuses]);
    expect(body.priorities).toEqual([
      { slug: 'urgent', targetHours: 1 },
      { slug: 'important', targetHours: 24 },
      { slug: 'normal', targetHours: 48 },
    ]);
    expect(body.limits).toMatchObject({ descriptionMax: 4000, photosMax: 5, photoBytesMax: 10 * 1024 * 1024 });
    expect(body.map.tileUrl).toContain('{z}');
    expect(body.map.bounds).toEqual({ south: -9.2, west: 115.7, north: -7.9, east: 119.4 });
  });

  it('sends a request id and security headers', async () => {
    const { res } = await getJson('/api/meta');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
