import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { RegionChildrenResponse } from '../../worker/domain/api';
import { call, expectError, getJson } from './helpers';

describe('GET /api/regions/:code', () => {
  it('lists the 10 regencies/cities of NTB under the province', async () => {
    const { res, body } = await getJson<RegionChildrenResponse>('/api/regions/52');
    expect(res.status).toBe(200);
    expect(body.region).toEqual({ code: '52', name: 'Nusa Tenggara Barat', level: 'province', parentCode: null });
    expect(body.children).toHaveLength(10);
    // Sorted by name for the picker.
    const names = body.children.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('lists the districts of Kota Mataram and the villages of one of them', async () => {
    const districts = await getJson<RegionChildrenResponse>('/api/regions/52.71');
    expect(districts.body.region.name).toBe('Kota Mataram');
    expect(districts.body.children.map((d) => d.name)).toContain('Ampenan');
    expect(districts.body.children.every((d) => d.level === 'district' && d.code.startsWith('52.71.'))).toBe(true);

    const ampenan = districts.body.children.find((d) => d.name === 'Ampenan')!;
    const villages = await getJson<RegionChildrenResponse>(`/api/regions/${ampenan.code}`);
    expect(villages.res.status).toBe(200);
    expect(villages.body.children.length).toBeGreaterThan(0);
    expect(villages.body.children.every((v) => v.level === 'village' && /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(v.code))).toBe(true);
  });

  it('holds exactly 10 regencies, 117 districts and 1,166 villages for NTB', async () => {
    const { results } = await env.DB.prepare(
      'SELECT level, count(*) AS n FROM regions GROUP BY level ORDER BY level',
    ).all<{ level: string; n: number }>();
    expect(Object.fromEntries(results.map((r) => [r.level, r.n]))).toEqual({
      province: 1,
      regency: 10,
      district: 117,
      village: 1166,
    });

    // And the API reaches all of them by walking the tree.
    let districtCount = 0;
    let villageCount = 0;
    const regencies = (await getJson<RegionChildrenResponse>('/api/regions/52')).body.children;
    for (const regency of regencies) {
      const districts = (await getJson<RegionChildrenResponse>(`/api/regions/${regency.code}`)).body.children;
      districtCount += districts.length;
      for (const district of districts) {
        villageCount += (await getJson<RegionChildrenResponse>(`/api/regions/${district.code}`)).body.children.length;
      }
    }
    expect({ districtCount, villageCount }).toEqual({ districtCount: 117, villageCount: 1166 });
  });

  it('answers a village with no children', async () => {
    const { body } = await getJson<RegionChildrenResponse>('/api/regions/52.71.01');
    const village = body.children[0]!;
    const res = await getJson<RegionChildrenResponse>(`/api/regions/${village.code}`);
    expect(res.res.status).toBe(200);
    expect(res.body.region.level).toBe('village');
    expect(res.body.children).toEqual([]);
  });

  it('refuses a malformed code with 400 naming the field', async () => {
    for (const code of ['abc', '52.1', '52.01.01.01', "52'--", '5201']) {
      const body = await expectError(await call(`/api/regions/${encodeURIComponent(code)}`), 400, 'validation_failed');
      expect(body.error.details?.[0]?.path).toBe('code');
    }
  });

  it('answers 404 for a well-formed code outside NTB', async () => {
    await expectError(await call('/api/regions/31.71'), 404, 'not_found');
    await expectError(await call('/api/regions/53'), 404, 'not_found');
  });
});
