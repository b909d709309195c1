// A citizen's requests, as the client sends them.
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { CreateComplaintRequest, CreateComplaintResponse, UploadResponse } from '../../worker/domain/api';
import { jpeg } from '../support/images';
import { call } from './helpers';

let ipCounter = 0;
/** A fresh client (IP and device key), so tests do not share rate limits or uploads. */
export function newCitizen() {
  ipCounter++;
  const ip = `10.${(ipCounter >> 8) & 255}.${ipCounter & 255}.${Math.floor(Math.random() * 250) + 1}`;
  const key = crypto.randomUUID();
  const headers = (extra: Record<string, string> = {}) => ({ 'CF-Connecting-IP': ip, 'X-Client-Key': key, ...extra });
  return {
    ip,
    key,
    headers,
    upload(bytes: Uint8Array = jpeg(1600, 1200), type = 'image/jpeg', extra: Record<string, string> = {}) {
      return call('/api/uploads', { method: 'POST', headers: headers({ 'Content-Type': type, ...extra }), body: bytes });
    },
    async uploadOk(bytes?: Uint8Array): Promise<UploadResponse> {
      const res = await this.upload(bytes);
      expect(res.status).toBe(201);
      return (await res.json()) as UploadResponse;
    },
    file(body: unknown, extra: Record<string, string> = {}) {
      return call('/api/complaints', {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json', ...extra }),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async fileOk(body: Partial<CreateComplaintRequest> = {}): Promise<CreateComplaintResponse> {
      const res = await this.file(validComplaint(body));
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as CreateComplaintResponse;
    },
  };
}

/** Kota Mataram › Ampenan › Ampenan Selatan. */
export const place = { regencyCode: '52.71', districtCode: '52.71.01', villageCode: '52.71.01.1004' };

export function validComplaint(overrides: Partial<CreateComplaintRequest> = {}): CreateComplaintRequest {
  return {
    title: 'Air PDAM tidak mengalir tiga hari',
    description: 'Sejak Senin air PDAM di lingkungan kami tidak mengalir sama sekali, warga membeli air galon.',
    category: 'air-bersih',
    ...place,
    lat: -8.5772,
    lng: 116.0735,
    address: 'Jl. Saleh Sungkar, dekat masjid',
    photoIds: [],
    reporter: { name: 'Baiq Nurul', phone: '+62 812-3456-7890', email: 'nurul@example.id' },
    anonymous: false,
    confidential: false,
    ...overrides,
  };
}

export async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row!.n;
}

export async function countR2(prefix = 'uploads/'): Promise<number> {
  return (await env.PHOTOS.list({ prefix })).objects.length;
}
