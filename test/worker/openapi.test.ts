// `GET /api/openapi.json`: an OpenAPI 3.1 document that covers every `/api` route the app
// registers and says what the API really accepts and refuses.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app';
import { apiDocument } from '../../worker/openapi/document';
import { operationDocs } from '../../worker/openapi/operation-docs';
import type { HttpMethod, JsonSchema, OpenApiDocument, Operation, ResponseObject } from '../../worker/openapi/types';
import { newCitizen, validComplaint } from './citizen';
import { call, expectError } from './helpers';

async function served(): Promise<OpenApiDocument> {
  const res = await call('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toMatch(/^public/);
  return (await res.json()) as OpenApiDocument;
}

/** Every `/api` operation the app registers, as `POST /api/complaints/{code}/forward`. */
const registered = (routes = app.routes) =>
  [
    ...new Set(
      routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`),
    ),
  ].sort();

const operations = (doc: OpenApiDocument) =>
  Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method: method as HttpMethod, path, op: op! })),
  );

/** Operations the document lists without words of their own. */
const undocumented = (doc: OpenApiDocument) =>
  operations(doc)
    .filter(({ op }) => op.summary === 'Undocumented' || !op.summary || !op['x-summary-id'] || op.tags.includes('undocumented'))
    .map(({ key }) => key);

const operation = (doc: OpenApiDocument, method: HttpMethod, path: string): Operation => {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  return op;
};

/** Resolves a local JSON pointer such as `#/components/schemas/ErrorBody`. */
const resolve = (doc: unknown, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refsIn(value)));
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 in shape, in both languages, for the origin asked', async () => {
    const doc = await served();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('NTB Care API');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.info.description).toMatch(/^The JSON API of NTB Care/);
    expect(doc.info['x-description-id']).toMatch(/^API JSON NTB Care/);
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://ntbcare.test' })]);
    // Over HTTPS the session cookie has its `__Host-` name.
    expect(doc.components.securitySchemes.staffSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__Host-ntbcare_session' });
    expect(doc.components.securitySchemes.trackingToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Tracking-Token' });

    const tagNames = doc.tags.map((t) => t.name);
    const ids = new Set<string>();
    for (const { key, path, op } of operations(doc)) {
      expect(path, key).toMatch(/^\/api\//);
      expect(Object.keys(op.responses).length, key).toBeGreaterThan(0);
      expect(Object.keys(op.responses).some((status) => /^(1|2)\d\d$/.test(status)), key).toBe(true);
      expect(ids.has(op.operationId), `${key}: operationId ${op.operationId} twice`).toBe(false);
      ids.add(op.operationId);
      for (const tag of op.tags) expect(tagNames, key).toContain(tag);
      for (const alternative of op.security) {
        for (const scheme of Object.keys(alternative)) expect(doc.components.securitySchemes, key).toHaveProperty(scheme);
      }
      // Every `{name}` of the path is a required path parameter, and nothing else is.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name), key).toEqual(inPath);
      expect(declared.every((p) => p.required), key).toBe(true);
    }
  });

  it('resolves every $ref, and gives every 4xx the one error shape', async () => {
    const doc = await served();
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolve(doc, ref), ref).toBeDefined();

    for (const { key, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith('4')) continue;
        const body = ('$ref' in response ? resolve(doc, response.$ref) : response) as ResponseObject;
        expect(body.content?.['application/json']?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorBody' });
      }
    }
    // The shared schema is the shape the API really sends.
    const errorBody = doc.components.schemas.ErrorBody!;
    const error = errorBody.properties!.error!;
    const res = await call('/api/complaints/NTB-00000000');
    const sent = (await expectError(res, 404, 'not_found')).error;
    expect(errorBody.required).toEqual(['error']);
    expect(error.additionalProperties, 'answers may gain fields').toBeUndefined();
    expect(error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties!)).toEqual(expect.arrayContaining(Object.keys(sent)));
    expect(error.properties!.code!.enum).toContain(sent.code);
  });
});

/** Every object of the document outside its JSON Schemas that has words, with its JSON pointer. */
function wordsIn(node: unknown, at = '#'): { at: string; en: unknown; id: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => wordsIn(item, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const { description: en, 'x-description-id': id } = node as Record<string, unknown>;
  const here = 'description' in node || 'x-description-id' in node ? [{ at, en, id }] : [];
  const inside = Object.entries(node)
    .filter(([key]) => key !== 'schema' && key !== 'schemas')
    .flatMap(([key, value]) => wordsIn(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return [...here, ...inside];
}

describe('the words of the document, in Indonesian and English', () => {
  it('gives every description (operation, answer, parameter, header, body, scheme, tag, info) its Indonesian twin', async () => {
    const doc = await served();
    const words = wordsIn(doc);
    const where = new Set(words.map((w) => w.at.replace(/\/(paths|responses|parameters|headers)\/[^/]+/g, '/$1/*').replace(/\/\d+/g, '/*')));
    // Each kind of thing that carries prose is among those checked.
    for (const kind of [
      '#/info',
      '#/servers/*',
      '#/tags/*',
      '#/paths/*/get',
      '#/paths/*/post/parameters/*',
      '#/paths/*/post/requestBody',
      '#/paths/*/get/responses/*',
      '#/components/responses/*',
      '#/components/responses/*/headers/*',
      '#/components/securitySchemes/staffSession',
      '#/components/securitySchemes/trackingToken',
    ]) {
      expect(where, kind).toContain(kind);
    }
    expect(words.length).toBeGreaterThan(100);
    for (const { at, en, id } of words) {
      expect(typeof en === 'string' && en.trim(), `${at}: English`).toBeTruthy();
      expect(typeof id === 'string' && id.trim(), `${at}: Indonesian`).toBeTruthy();
      expect(id, `${at}: the Indonesian is the English`).not.toBe(en);
    }
  });

  it('keeps code names as they are in both languages, and says the staff roles in each', async () => {
    const doc = await served();
    const complaint = operation(doc, 'get', '/api/complaints/{code}').responses['200'] as ResponseObject;
    expect(complaint.description).toBe('The complaint (`ComplaintView`).');
    expect(complaint['x-description-id']).toBe('Pengaduan itu (`ComplaintView`).');
    const create = operation(doc, 'post', '/api/complaints');
    expect(create['x-description-id']).toContain('`lat` dan `lng` bersama-sama');
    const forward = operation(doc, 'post', '/api/complaints/{code}/forward');
    expect(forward.description).toMatch(/\n\nStaff roles: moderator, admin\.$/);
    expect(forward['x-description-id']).toMatch(/^Menetapkan instansi dan prioritas.*\n\nPeran staf: moderator, admin\.$/s);
  });
});

describe('coverage of the routes the app registers', () => {
  it('documents every /api route, with words in both languages, and nothing else', async () => {
    const doc = await served();
    const listed = operations(doc).map((o) => o.key).sort();
    expect(listed).toEqual(registered());
    expect(undocumented(doc)).toEqual([]);
    // No words left behind for a route that is gone.
    expect(Object.keys(operationDocs).filter((key) => !registered().includes(key))).toEqual([]);
  });

  it('shows a route added without words as undocumented, so the test above fails for it', () => {
    const extra = new Hono().get('/api/something-new/:id', (c) => c.text('new'));
    const routes = [...app.routes, ...extra.routes];
    const doc = apiDocument(routes, { origin: 'https://ntbcare.test', sessionCookie: 'ntbcare_session' });
    expect(registered(routes)).toContain('GET /api/something-new/{id}');
    expect(undocumented(doc)).toEqual(['GET /api/something-new/{id}']);
  });
});

describe('the document says what the validators do', () => {
  const createBody = (doc: OpenApiDocument) => operation(doc, 'post', '/api/complaints').requestBody!.content['application/json']!.schema!;

  it('lists as required exactly the complaint fields the API refuses to go without', async () => {
    const doc = await served();
    expect(operation(doc, 'post', '/api/complaints').description).toContain('`lat` and `lng` together');
    const schema = createBody(doc);
    const fields = Object.keys(schema.properties!);
    expect(fields).toEqual(expect.arrayContaining(Object.keys(validComplaint())));
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'description', 'category', 'regencyCode', 'districtCode', 'villageCode']));
    for (const field of fields) {
      const body: Record<string, unknown> = { ...validComplaint() };
      delete body[field];
      // A pin is both coordinates or neither, as the operation's description says.
      if (field === 'lat' || field === 'lng') delete body[field === 'lat' ? 'lng' : 'lat'];
      const res = await newCitizen().file(body);
      if (schema.required!.includes(field)) {
        const error = await expectError(res, 400, 'validation_failed');
        expect(error.error.details?.map((d) => d.path), field).toContain(field);
      } else {
        expect(res.status, `${field} is optional in the document`).toBe(201);
      }
    }
  });

  it('refuses a field the document does not allow, and a value past its stated limit', async () => {
    const schema = createBody(await served());
    expect(schema.additionalProperties).toBe(false);
    await expectError(await newCitizen().file({ ...validComplaint(), priority: 'urgent' }), 400, 'validation_failed');

    const title = schema.properties!.title as JsonSchema;
    expect(title.maxLength).toBe(150);
    await expectError(await newCitizen().file(validComplaint({ title: 'x'.repeat(151) })), 400, 'validation_failed');
    expect((await newCitizen().file(validComplaint({ title: 'x'.repeat(150) }))).status).toBe(201);
  });

  it('states query and path limits the API enforces', async () => {
    const doc = await served();
    const feed = operation(doc, 'get', '/api/complaints');
    const limit = feed.parameters!.find((p) => p.name === 'limit')!;
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } });
    expect((await call('/api/complaints?limit=200')).status).toBe(200);
    await expectError(await call('/api/complaints?limit=201'), 400, 'validation_failed');

    const code = operation(doc, 'get', '/api/complaints/{code}').parameters!.find((p) => p.name === 'code')!;
    const pattern = new RegExp(code.schema.pattern!);
    expect(pattern.test('NTB-00000000')).toBe(true);
    expect(pattern.test('NTB-0000000I')).toBe(false); // no I in Crockford base32
    await expectError(await call('/api/complaints/NTB-00000000'), 404, 'not_found');
    await expectError(await call('/api/complaints/NTB-0000000I'), 400, 'validation_failed');
  });

  it('marks staff-only exactly the operations that refuse a caller without a session', async () => {
    const doc = await served();
    const staffOnly = operations(doc).filter(({ op }) => op.security.every((s) => 'staffSession' in s));
    expect(staffOnly.length).toBeGreaterThan(25);
    for (const { key, method, path, op } of staffOnly) {
      expect(op.responses['401'], key).toEqual({ $ref: '#/components/responses/unauthenticated' });
      const res = await call(path.replace(/\{\w+\}/g, 'x'), { method: method.toUpperCase() });
      await expectError(res, 401, 'unauthenticated');
    }
    const open = operations(doc).filter(({ op }) => op.security.some((s) => Object.keys(s).length === 0));
    expect(open.map((o) => o.key)).toEqual(expect.arrayContaining(['GET /api/meta', 'POST /api/complaints', 'GET /api/complaints/{code}']));
    for (const { key, path } of open.filter((o) => o.method === 'get' && !o.path.includes('{'))) {
      const res = await call(path);
      expect([401, 403], key).not.toContain(res.status);
      expect(res.status, key).toBeLessThan(500);
    }
  });

  it('names the roles an operation admits, as its staff check does', async () => {
    const doc = await served();
    expect(operation(doc, 'post', '/api/complaints/{code}/forward')['x-staff-roles']).toEqual(['moderator', 'admin']);
    expect(operation(doc, 'post', '/api/complaints/{code}/respond')['x-staff-roles']).toEqual(['agency']);
    expect(operation(doc, 'get', '/api/inbox')['x-staff-roles']).toEqual(['agency']);
    expect(operation(doc, 'put', '/api/admin/targets')['x-staff-roles']).toEqual(['admin']);
    // Any signed-in staff member may write a note.
    expect(operation(doc, 'post', '/api/complaints/{code}/note')['x-staff-roles']).toBeUndefined();
    expect(operation(doc, 'post', '/api/complaints/{code}/note').security).toEqual([{ staffSession: [] }]);
    // The reporter's own actions ask for the tracking token.
    expect(operation(doc, 'post', '/api/complaints/{code}/confirm').security).toEqual([{ trackingToken: [] }]);
    expect(operation(doc, 'post', '/api/complaints').responses['429']).toEqual({ $ref: '#/components/responses/rate_limited' });
  });
});
