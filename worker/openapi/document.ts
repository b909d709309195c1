// The OpenAPI 3.1 document of `/api`, built from the routes the app registers: parameters
// and bodies from the zod schemas their validators run, guards from their middleware, and
// the words from operation-docs.ts. A route without words still appears, marked undocumented.
import type { RouterRoute } from 'hono/types';
import { z } from 'zod';
import { version } from '../../package.json';
import { type ErrorCode, TRACKING_TOKEN_HEADER } from '../domain/api';
import type { Bilingual } from '../domain/api';
import type { StaffRole } from '../domain/vocabulary';
import type { MiddlewareInfo } from '../http/described';
import { statusOf } from '../http/errors';
import { operationDocs, operationKey, tags, type Access, type OperationDoc } from './operation-docs';
import { errorBodySchema } from './response-schemas';
import { registeredOperations, type RegisteredOperation } from './routes';
import type { Described, JsonSchema, MaybeDescribed, OpenApiDocument, Operation, Parameter, RequestBody, ResponseObject } from './types';

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a client sends (`input`) or gets. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema: s }) => {
      // zod bounds every integer to the safe range; that says nothing to a reader.
      if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
      if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
      // Answers may gain fields (DESIGN.md): clients must not refuse one they do not know.
      if (io === 'output' && s.additionalProperties === false) delete s.additionalProperties;
    },
  });
  return json as JsonSchema;
}

/** Words in both languages, as the document carries them: English in the standard field. */
const described = (text: Bilingual): Described => ({ description: text.en, 'x-description-id': text.id });

// A wrong method on a known path (405, with Allow) is no operation's answer: no operation lists it.
type Refusal = Exclude<ErrorCode, 'internal' | 'method_not_allowed'>;
const refusals: Record<Refusal, Bilingual> = {
  validation_failed: {
    id: 'Permintaan tidak sesuai bentuknya: parameter path, query, header, atau isinya tidak cocok dengan skema; `details` menyebut setiap isian.',
    en: 'Malformed: a path parameter, query, header or body does not fit its schema; `details` names each field.',
  },
  unauthenticated: { id: 'Tidak ada sesi staf yang sah: masuk terlebih dahulu.', en: 'No valid staff session: sign in first.' },
  forbidden: {
    id: 'Tidak diizinkan: perannya tidak sesuai, pemanggil bukan pelapor, atau permintaan peramban datang dari situs lain.',
    en: 'Not allowed: the wrong role, not the reporter, or a browser request from another site.',
  },
  not_found: {
    id: 'Tidak ditemukan, atau di luar kewenangan pemanggil (keduanya tidak dibedakan).',
    en: "Not found, or outside the caller's reach (the two are not told apart).",
  },
  conflict: {
    id: 'Konflik: sudah berubah sejak `version` yang dikirim, tidak diizinkan pada status saat ini, atau sudah ada.',
    en: 'Conflict: changed since the `version` sent, not allowed in the current status, or already exists.',
  },
  payload_too_large: { id: 'Isi permintaan terlalu besar.', en: 'The body is too large.' },
  unsupported_media_type: { id: 'Jenis isi permintaan tidak diterima.', en: 'The body is not of an accepted type.' },
  unprocessable: {
    id: 'Bentuknya benar tetapi tidak dapat diterima, misalnya kategori, tempat, instansi, atau foto yang tidak dikenal; `details` menyebut setiap isian.',
    en: 'Well-formed but not acceptable, e.g. an unknown category, place, agency or photo; `details` names each field.',
  },
  rate_limited: {
    id: 'Terlalu banyak permintaan dari klien ini: coba lagi setelah `Retry-After` detik.',
    en: 'Too many requests from this client: try again after `Retry-After` seconds.',
  },
};
const retryAfter = { id: 'Lama menunggu, dalam detik', en: 'Seconds to wait' };

const errorResponse = (code: Refusal): ResponseObject => ({
  ...described(refusals[code]),
  ...(code === 'rate_limited' ? { headers: { 'Retry-After': { ...described(retryAfter), schema: { type: 'integer' } } } } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

const schemaOf = (guards: MiddlewareInfo[], target: string) =>
  guards.flatMap((g) => (g.kind === 'validate' && g.target === target ? [toJsonSchema(g.schema)] : []))[0];

function parametersOf(op: RegisteredOperation, doc: OperationDoc | undefined): Parameter[] {
  const fields = (where: Parameter['in'], target: string): Parameter[] => {
    const schema = schemaOf(op.guards, target);
    return Object.entries(schema?.properties ?? {}).map(([name, s]) => ({ name, in: where, required: schema!.required?.includes(name) ?? false, schema: s }));
  };
  const pathSchema = schemaOf(op.guards, 'param')?.properties ?? {};
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]): Parameter => ({ name: name!, in: 'path', required: true, schema: pathSchema[name!] ?? { type: 'string' } }));
  const headers = (doc?.headers ?? []).map((h): Parameter => ({ name: h.name, in: 'header', required: false, ...described(h.description), schema: h.schema }));
  return [...inPath, ...fields('query', 'query'), ...fields('header', 'header'), ...headers, ...fields('cookie', 'cookie')];
}

function requestBodyOf(op: RegisteredOperation, doc: OperationDoc | undefined): RequestBody | undefined {
  const json = schemaOf(op.guards, 'json');
  if (json) return { required: true, content: { 'application/json': { schema: json } } };
  const form = schemaOf(op.guards, 'form');
  if (form) return { required: true, content: { 'application/x-www-form-urlencoded': { schema: form }, 'multipart/form-data': { schema: form } } };
  if (doc?.rawBody) {
    return { required: true, ...described(doc.rawBody.description), content: Object.fromEntries(doc.rawBody.contentTypes.map((t) => [t, {}])) };
  }
  return undefined;
}

const undocumented: Bilingual = { id: 'Belum didokumentasikan', en: 'Undocumented' };

const staffRolesText = (roles: StaffRole[]): Bilingual => ({ id: `Peran staf: ${roles.join(', ')}.`, en: `Staff roles: ${roles.join(', ')}.` });

/** Texts as paragraphs of one, in each language; none when there is no text. */
function paragraphs(texts: (Bilingual | undefined)[]): Bilingual | undefined {
  const given = texts.filter((text) => text !== undefined);
  if (!given.length) return undefined;
  return { id: given.map((text) => text.id).join('\n\n'), en: given.map((text) => text.en).join('\n\n') };
}

/** The roles every staff check on the way admits (none: no staff check; `[]`: any role). */
function staffRoles(guards: MiddlewareInfo[]): StaffRole[] | undefined {
  const checks = guards.flatMap((g) => (g.kind === 'staff' ? [g.roles] : []));
  if (!checks.length) return undefined;
  return checks.reduce((all, roles) => (roles.length === 0 ? all : all.length === 0 ? roles : all.filter((r) => roles.includes(r))));
}

function operationOf(op: RegisteredOperation, doc: OperationDoc | undefined): Operation {
  const roles = staffRoles(op.guards);
  const access: Access[] = roles ? ['staffSession'] : (doc?.access ?? ['public']);
  const body = requestBodyOf(op, doc);
  const refused = new Set<Refusal>(doc?.errors?.filter((e): e is Refusal => e !== 'internal' && e !== 'method_not_allowed'));
  if (op.guards.some((g) => g.kind === 'validate') || body) refused.add('validation_failed');
  if (!access.includes('public') && access.includes('staffSession') && !access.includes('trackingToken')) refused.add('unauthenticated');
  // Also every state change from another site's page (the same-origin check).
  if (roles?.length || op.method !== 'get' || (access.includes('trackingToken') && !access.includes('public'))) refused.add('forbidden');
  if (op.path.includes('{')) refused.add('not_found');
  if (op.guards.some((g) => g.kind === 'rateLimit')) refused.add('rate_limited');

  const ok = doc?.ok ?? { status: 200, description: undocumented };
  const contentType = ok.contentType === undefined ? 'application/json' : ok.contentType;
  const success: ResponseObject = {
    ...described(ok.description),
    ...(contentType ? { content: { [contentType]: ok.schema ? { schema: toJsonSchema(ok.schema, 'output') } : {} } } : {}),
  };
  const responses = Object.fromEntries([
    [String(ok.status), success],
    ...[...refused]
      .sort((a, b) => statusOf[a] - statusOf[b])
      .map((code) => [String(statusOf[code]), { $ref: `#/components/responses/${code}` }]),
  ]);
  const parameters = parametersOf(op, doc);
  const description = paragraphs([doc?.description, roles?.length ? staffRolesText(roles) : undefined]);
  const words: MaybeDescribed = description ? described(description) : {};
  return {
    operationId: operationId(op),
    summary: doc?.summary.en ?? undocumented.en,
    'x-summary-id': doc?.summary.id ?? undocumented.id,
    ...words,
    tags: [doc?.tag ?? 'undocumented'],
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
    security: access.map((a) => (a === 'public' ? {} : { [a]: [] })),
    ...(roles?.length ? { 'x-staff-roles': roles } : {}),
  };
}

/** `post /api/complaints/{code}/forward` → `postComplaintsByCodeForward`. */
const operationId = (op: RegisteredOperation) =>
  op.method +
  op.path
    .replace(/^\/api/, '')
    .split(/[^A-Za-z0-9{}]+/)
    .map((part) => part.replace(/^\{(\w+)\}$/, 'by-$1').replace(/(?:^|-)(\w)/g, (_, ch: string) => ch.toUpperCase()))
    .join('');

const about: Bilingual = {
  id: `API JSON NTB Care, layanan pengaduan warga Provinsi Nusa Tenggara Barat.
Warga mengajukan dan mengikuti pengaduan tanpa akun, dengan token pelacakan (header \`${TRACKING_TOKEN_HEADER}\`)
yang diberikan sekali saat mengajukan; staf masuk dengan sesi (cookie dari \`POST /api/auth/login\`).
Setiap kesalahan memakai satu bentuk, \`ErrorBody\`, dan statusnya menyatakan jenisnya. Dokumen ini dibuat
dari skema validasi yang dipakai setiap rute, sehingga selalu sama dengan perilaku API. Aplikasi lain juga
dapat memakai standar Open311 GeoReport v2 di \`/open311/v2/\`.`,
  en: `The JSON API of NTB Care, the citizen-complaint service of the Province of West Nusa Tenggara.
Citizens file and follow complaints without an account, with the tracking token (header \`${TRACKING_TOKEN_HEADER}\`)
given once when filing; staff sign in with a session (the cookie from \`POST /api/auth/login\`). Every failure
has one shape, \`ErrorBody\`, and its status tells its class. This document is generated from the validation
schemas every route runs, so it always matches what the API does. Other apps can also use the
Open311 GeoReport v2 standard at \`/open311/v2/\`.`,
};

/** The document for the app's routes; `origin` and `sessionCookie` depend on the request. */
export function apiDocument(routes: readonly RouterRoute[], at: { origin: string; sessionCookie: string }): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of registeredOperations(routes)) {
    (paths[op.path] ??= {})[op.method] = operationOf(op, operationDocs[operationKey(op.method, op.path)]);
  }
  return {
    openapi: '3.1.1',
    info: { title: 'NTB Care API', version, ...described(about) },
    servers: [{ url: at.origin, ...described({ id: 'NTB Care ini', en: 'This NTB Care' }) }],
    tags: Object.entries(tags).map(([name, text]) => ({ name, ...described(text) })),
    paths,
    components: {
      schemas: { ErrorBody: toJsonSchema(errorBodySchema, 'output') },
      responses: Object.fromEntries(Object.keys(refusals).map((code) => [code, errorResponse(code as Refusal)])),
      securitySchemes: {
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: at.sessionCookie,
          ...described({
            id: 'Sesi staf: cookie HttpOnly yang dipasang oleh `POST /api/auth/login` dan diakhiri oleh `POST /api/auth/logout`.',
            en: 'The staff session: an HttpOnly cookie set by `POST /api/auth/login` and ended by `POST /api/auth/logout`.',
          }),
        },
        trackingToken: {
          type: 'apiKey',
          in: 'header',
          name: TRACKING_TOKEN_HEADER,
          ...described({
            id: 'Rahasia pelapor (32 karakter heksadesimal), diberikan sekali oleh `POST /api/complaints`. Tautan pelacakan membawanya di fragmen URL (`#t=...`), tidak pernah di query string; WebSocket (`GET /api/live`) mengirimnya sebagai subprotokol `token.<token>`.',
            en: "The reporter's secret (32 hex characters), answered once by `POST /api/complaints`. The tracking link carries it in the URL fragment (`#t=...`), never in a query string; a WebSocket (`GET /api/live`) sends it as the subprotocol `token.<token>`.",
          }),
        },
      },
    },
  };
}
