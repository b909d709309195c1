// `GET /api/openapi.json` on top of the reference-data stand-in of ../fake-api.ts: a small
// document in the Worker's own shape (worker/openapi/types.ts), three operations of it.
import type { OpenApiDocument } from '../../../worker/openapi/types';
import { installFakeApi } from '../fake-api';

const errorRef = (code: string) => ({ $ref: `#/components/responses/${code}` });
const errorResponse = (description: string, id: string) => ({
  description,
  'x-description-id': id,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

export const openApiFixture: OpenApiDocument = {
  openapi: '3.1.1',
  info: {
    title: 'NTB Care API',
    version: '0.1.0',
    description: 'The JSON API of NTB Care; failures have one shape, `ErrorBody`.',
    'x-description-id': 'API JSON NTB Care; setiap kesalahan memakai satu bentuk, `ErrorBody`.',
  },
  servers: [{ url: 'http://localhost' }],
  tags: [
    { name: 'complaints', description: "Citizens' complaints", 'x-description-id': 'Pengaduan warga' },
    { name: 'moderation', description: 'Moderation', 'x-description-id': 'Moderasi' },
  ],
  paths: {
    '/api/complaints': {
      post: {
        operationId: 'postComplaints',
        summary: 'File a complaint',
        'x-summary-id': 'Ajukan pengaduan',
        description: 'Answers the `trackingToken` once. <img src=x onerror=alert(1)>',
        'x-description-id': 'Memberikan `trackingToken` sekali saja. <img src=x onerror=alert(1)>',
        tags: ['complaints'],
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Makes a retry safe.', 'x-description-id': 'Membuat pengiriman ulang aman.', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  title: { type: 'string', maxLength: 150 },
                  lat: { anyOf: [{ type: 'number', minimum: -9.2, maximum: -7.9 }, { type: 'null' }] },
                  photoIds: { default: [], maxItems: 5, type: 'array', items: { type: 'string', pattern: '^[0-9a-f]{32}$' } },
                  reporter: {
                    type: 'object',
                    properties: { email: { anyOf: [{ type: 'string', format: 'email', pattern: '^(?:[A-Za-z0-9]+)@x$' }, { type: 'null' }] } },
                    additionalProperties: false,
                  },
                },
                required: ['title'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Filed.',
            'x-description-id': 'Tercatat.',
            content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string' }, trackingToken: { type: 'string' } }, required: ['code', 'trackingToken'] } } },
          },
          '400': errorRef('validation_failed'),
          '429': errorRef('rate_limited'),
        },
        security: [{}],
      },
    },
    '/api/complaints/{code}': {
      get: {
        operationId: 'getComplaintsByCode',
        summary: 'One complaint',
        'x-summary-id': 'Satu pengaduan',
        tags: ['complaints'],
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^NTB-[0-9A-HJKMNP-TV-Z]{8}$' } }],
        responses: { '200': { description: 'The complaint (`ComplaintView`).', 'x-description-id': 'Pengaduan itu (`ComplaintView`).', content: { 'application/json': {} } }, '404': errorRef('not_found') },
        security: [{}, { trackingToken: [] }, { staffSession: [] }],
      },
    },
    '/api/complaints/{code}/forward': {
      post: {
        operationId: 'postComplaintsByCodeForward',
        summary: 'Forward to an agency',
        'x-summary-id': 'Teruskan ke instansi',
        tags: ['moderation'],
        responses: { '200': { description: 'The complaint now.', 'x-description-id': 'Pengaduan itu kini.' }, '401': errorRef('unauthenticated') },
        security: [{ staffSession: [] }],
        'x-staff-roles': ['moderator', 'admin'],
      },
    },
  },
  components: {
    schemas: {
      ErrorBody: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string', enum: ['validation_failed', 'not_found'] }, message: { type: 'string' } },
            required: ['code', 'message'],
          },
        },
        required: ['error'],
      },
    },
    responses: {
      validation_failed: errorResponse('Malformed; `details` names each field.', 'Bentuknya salah; `details` menyebut setiap isian.'),
      unauthenticated: errorResponse('No valid staff session: sign in first.', 'Tidak ada sesi staf yang sah: masuk terlebih dahulu.'),
      not_found: errorResponse('Not found.', 'Tidak ditemukan.'),
      rate_limited: errorResponse('Too many requests.', 'Terlalu banyak permintaan.'),
    },
    securitySchemes: {
      staffSession: { type: 'apiKey', in: 'cookie', name: 'ntbcare_session', description: 'The staff session.', 'x-description-id': 'Sesi staf.' },
      trackingToken: {
        type: 'apiKey',
        in: 'header',
        name: 'X-Tracking-Token',
        description: "The reporter's secret.",
        'x-description-id': 'Rahasia pelapor.',
      },
    },
  },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The fake API of ../fake-api.ts, also answering the document; `failNext` works for it too. */
export function installOpenApi() {
  const api = installFakeApi();
  const reference = api.fetch.getMockImplementation()!;
  let failures = 0;
  api.fetch.mockImplementation(async (input: RequestInfo | URL) => {
    if (String(input) !== '/api/openapi.json') return reference(input);
    if (failures > 0) {
      failures--;
      return json(500, { error: { code: 'internal', message: 'D1 is down' } });
    }
    return json(200, openApiFixture);
  });
  return { ...api, failDocumentOnce: () => failures++ };
}
