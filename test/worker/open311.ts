// Open311 as a client sees it: each resource fetched as .json and as .xml, the XML parsed
// with an independent parser and checked against the JSON under the Spark convention.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { CreateComplaintRequest, IssuedApiKey } from '../../worker/domain/api';
import type { ServiceRequest } from '../../worker/open311/requests';
import { itemNames } from '../../worker/open311/xml';
import { newCitizen } from './citizen';
import { call } from './helpers';

export const BASE = '/open311/v2';

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: false, ignoreDeclaration: true, ignoreAttributes: true, htmlEntities: true });

/** The XML's root name and its value in the JSON's shape (lists, objects, text). */
export function fromXml(xml: string): { root: string; value: unknown } {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const [rootNode] = (parser.parse(xml) as Node[]).filter((n) => !('#text' in n));
  const root = Object.keys(rootNode!).find((k) => k !== ':@')!;
  return { root, value: convert(root, rootNode![root] as Node[]) };
}

function convert(name: string, children: Node[]): unknown {
  const elements = children.filter((n) => !('#text' in n));
  if (name in itemNames) return elements.map((n) => convert(itemNames[name]!, n[itemNames[name]!] as Node[]));
  if (!elements.length) return children.map((n) => String(n['#text'])).join('');
  return Object.fromEntries(
    elements.map((n) => {
      const field = Object.keys(n).find((k) => k !== ':@')!;
      return [field, convert(field, n[field] as Node[])];
    }),
  );
}

/** The JSON as its XML reads back: every scalar as text, null as empty text. */
export function asText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return String(value);
}

let readers = 0;
/**
 * An address no other read of the run uses: reads are limited per address by the runtime's
 * rate limiter (OPEN311_READ_LIMIT), whose counts outlive a test, unlike D1's rows.
 */
export const readerAddress = () => ({ 'CF-Connecting-IP': `100.64.${(++readers >> 8) & 255}.${readers & 255}` });

/** One read, from an address of its own unless `headers` names one. */
export function get(path: string, query = '', headers: Record<string, string> = {}) {
  return call(`${BASE}/${path}${query ? `?${query}` : ''}`, { headers: { ...readerAddress(), ...headers } });
}

/**
 * `path` in both formats: 200s with the right types whose XML (under `root`) says what the
 * JSON says. Returns the JSON.
 */
export async function getBoth<T>(path: string, root: string, query = ''): Promise<T> {
  const [jsonRes, xmlRes] = await Promise.all([get(`${path}.json`, query), get(`${path}.xml`, query)]);
  expect(jsonRes.status, await jsonRes.clone().text()).toBe(200);
  expect(xmlRes.status).toBe(200);
  expect(jsonRes.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const json = (await jsonRes.json()) as T;
  const xml = fromXml(await xmlRes.text());
  expect(xml.root).toBe(root);
  expect(xml.value).toEqual(asText(json));
  return json;
}

/** GET requests in both formats (see `getBoth`). */
export const requests = (query = '') => getBoth<ServiceRequest[]>('requests', 'service_requests', query);
export const codesOf = (list: ServiceRequest[]) => list.map((r) => r.service_request_id);

export interface Open311Error {
  code: number;
  description: string;
}

/** The specification's error array, the same in both formats; returns the descriptions. */
export async function expectErrors(jsonRes: Response, xmlRes: Response, status: number): Promise<string[]> {
  expect(jsonRes.status).toBe(status);
  expect(xmlRes.status).toBe(status);
  expect(jsonRes.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  // A refusal is about this request: no cache keeps it.
  for (const res of [jsonRes, xmlRes]) expect(res.headers.get('cache-control')).toBe('no-store');
  const json = (await jsonRes.json()) as Open311Error[];
  expect(json.length).toBeGreaterThan(0);
  for (const e of json) {
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
    expect(e.description.length).toBeGreaterThan(0);
  }
  const xml = fromXml(await xmlRes.text());
  expect(xml.root).toBe('errors');
  expect(xml.value).toEqual(asText(json));
  return json.map((e) => e.description);
}

/** A GET in both formats that must fail with `status`. */
export async function getErrors(path: string, status: number, query = ''): Promise<string[]> {
  const [jsonRes, xmlRes] = await Promise.all([get(`${path}.json`, query), get(`${path}.xml`, query)]);
  return expectErrors(jsonRes, xmlRes, status);
}

/** A moderator forwards the complaint (version 1, just filed) to an agency. */
export async function forward(moderatorCookie: string, code: string, agency = 'pdam-giri-menang') {
  const res = await call(`/api/complaints/${code}/forward`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: moderatorCookie },
    body: JSON.stringify({ version: 1, agency, priority: 'important' }),
  });
  expect(res.status).toBe(200);
}

/** A complaint the moderators forwarded, so the public feed (and Open311's list) shows it. */
export async function forwarded(moderatorCookie: string, overrides: Partial<CreateComplaintRequest> = {}) {
  const filed = await newCitizen().fileOk(overrides);
  await forward(moderatorCookie, filed.code);
  return filed;
}

export const W3C_WITA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** An administrator issues a key, as the admin page does. */
export async function issueApiKey(adminCookie: string, name = 'Jembatan LAPOR!'): Promise<IssuedApiKey> {
  const res = await call('/api/admin/api-keys', {
    method: 'POST',
    headers: { Cookie: adminCookie, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<IssuedApiKey>();
}

/** POST requests.{format} as a form, the way Open311 clients send it. */
export function postRequest(format: 'json' | 'xml', fields: Record<string, string> | URLSearchParams, query = '') {
  return call(`${BASE}/requests.${format}${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A complete request for Kota Mataram › Ampenan › Ampenan Selatan. */
export function requestForm(apiKey: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    api_key: apiKey,
    jurisdiction_id: 'ntbprov.go.id',
    service_code: 'air-bersih',
    lat: '-8.5772',
    long: '116.0735',
    address_string: 'Jl. Saleh Sungkar, dekat masjid',
    description: 'Air PDAM tidak mengalir sejak Senin. Warga terpaksa membeli air galon untuk memasak.',
    first_name: 'Baiq',
    last_name: 'Nurul',
    email: 'nurul@example.id',
    phone: '+62 812-3456-7890',
    media_url: 'https://media.example.org/foto/pipa.jpg',
    'attribute[village]': '52.71.01.1004',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}
