// Open311 GeoReport v2 at /open311/v2 (open311.org): discovery, services, service
// definitions, service requests (read by anyone, filed with an api_key) and tokens, each
// as .json or .xml. Public reads show only what the public feed may: never a confidential
// complaint, never who reported it.
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { touchApiKey } from '../db/api-keys';
import { createDb } from '../db/client';
import type { ComplaintRow } from '../db/complaints';
import { listActiveCategories } from '../db/meta';
import { findRequestsByCode, firstPhotosOf, latestStatusWordsOf, listPlaces, listRequests } from '../db/open311';
import type { AppEnv } from '../http/env';
import { textBodyLimit } from '../http/body-limit';
import { ApiError } from '../http/errors';
import { methodNotAllowed } from '../http/methods';
import { enforceOpen311ReadLimit } from '../http/rate-limit';
import { fileComplaint } from '../routes/complaint-filing';
import { admitApiKey } from './api-key';
import { mediaTypes, render, renderError, splitFormat } from './format';
import { formValue, inFormTerms, readRequestForm } from './new-request';
import { filedRequest, mediaUrlOf, serviceRequest, statusNote, statusNoteRule } from './requests';
import { MAX_REQUESTS, readRequestsQuery } from './requests-query';
import { service, serviceDefinition } from './services';

export const JURISDICTION_ID = 'ntbprov.go.id';
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's shape last changed (discovery's `changeset`). */
const CHANGESET = '2026-11-29T18:00:00+08:00';

/** A path part `name.json` or `name.xml`; `name` may be a pattern. */
const withFormat = (name: string) => `:file{${name}\\.(?:json|xml)}`;
const fileOf = (c: Context<AppEnv>) => splitFormat(c.req.param('file')!);

/** We serve one jurisdiction: naming it is optional, naming another is a 404. */
export function checkJurisdiction(jurisdictionId: string | undefined) {
  if (jurisdictionId !== undefined && jurisdictionId !== JURISDICTION_ID) {
    throw new ApiError('not_found', `jurisdiction_id ${jurisdictionId} not found: this endpoint serves ${JURISDICTION_ID}`);
  }
}

const notFoundRequest = (what: string) => new ApiError('not_found', `${what} not found`);

/** A request's path without its format, so that a 404 says the same in both. */
function askedFor(c: Context<AppEnv>) {
  const [path, suffix] = c.req.path.split(/\.(?=(?:json|xml)$)/);
  return { what: `${c.req.method} ${path}`, hasFormat: suffix !== undefined };
}
const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;

/** The rows as service requests, with their first photo and the latest word of staff. */
async function serviceRequests(c: Context<AppEnv>, rows: ComplaintRow[]) {
  const db = c.get('db');
  const ids = rows.map((r) => r.complaint.id);
  const [photos, notes] = await Promise.all([firstPhotosOf(db, ids), latestStatusWordsOf(db, ids, statusNoteRule)]);
  const photoUrls = new Map(photos.map((p) => [p.complaintId, `${origin(c)}/api/photos/${p.id}`]));
  const notesOf = new Map(notes.map((n) => [n.complaintId, n]));
  return rows.map((r) =>
    serviceRequest(r, {
      statusNotes: statusNote(notesOf.get(r.complaint.id)),
      mediaUrl: mediaUrlOf(r, photoUrls.get(r.complaint.id)),
    }),
  );
}

async function findRequest(c: Context<AppEnv>, code: string) {
  const [row] = await findRequestsByCode(c.get('db'), [code]);
  return row;
}

// Other sites' pages and apps read (and file) too; no cookie is ever involved.
const open311Cors = cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'POST'], exposeHeaders: ['Retry-After'] });

export const open311Routes = new Hono<AppEnv>()
  .use('*', open311Cors)
  .use('*', async (c, next) => {
    c.set('db', createDb(c.env.DB));
    // Filing is limited per key (admitApiKey); reading, which needs no key, per address.
    if (c.req.method !== 'POST') {
      await enforceOpen311ReadLimit(c);
      checkJurisdiction(c.req.query('jurisdiction_id') || undefined);
    }
    await next();
  })

  .get(`/${withFormat('discovery')}`, (c) => {
    const { format } = fileOf(c);
    return render(c, format, 'discovery', {
      changeset: CHANGESET,
      contact: 'Diskominfotik Provinsi NTB, pengelola NTB Care / Diskominfotik of NTB Province, which runs NTB Care',
      key_service: 'Kunci API (api_key) diberikan administrator NTB Care atas permintaan ke Diskominfotik NTB. / API keys are issued by NTB Care’s administrators on request to Diskominfotik NTB.',
      endpoints: [
        {
          specification: SPECIFICATION,
          // Clients append `services.json` to it.
          url: `${origin(c)}/open311/v2/`,
          changeset: CHANGESET,
          type: c.env.APP_ENV === 'production' ? 'production' : 'test',
          formats: [...mediaTypes],
        },
      ],
    });
  })

  .get(`/${withFormat('services')}`, async (c) => {
    const { format } = fileOf(c);
    const categories = await listActiveCategories(c.get('db'));
    c.header('Cache-Control', 'public, max-age=300');
    return render(c, format, 'services', categories.map(service));
  })

  .get(`/services/${withFormat('[^/]+')}`, async (c) => {
    const { name: code, format } = fileOf(c);
    const db = c.get('db');
    const [categories, places] = await Promise.all([listActiveCategories(db), listPlaces(db)]);
    if (!categories.some((cat) => cat.slug === code)) throw notFoundRequest(`service_code ${code}`);
    c.header('Cache-Control', 'public, max-age=300');
    return render(c, format, 'service_definition', serviceDefinition(code, places));
  })

  .get(`/${withFormat('requests')}`, async (c) => {
    const { format } = fileOf(c);
    const db = c.get('db');
    const query = readRequestsQuery(new URL(c.req.url).searchParams, new Date());
    const rows =
      query.kind === 'codes'
        ? await findRequestsByCode(db, query.codes)
        : await listRequests(db, { ...query, limit: MAX_REQUESTS });
    return render(c, format, 'service_requests', await serviceRequests(c, rows));
  })

  .get(`/requests/${withFormat('[^/]+')}`, async (c) => {
    const { name: code, format } = fileOf(c);
    const row = await findRequest(c, code);
    if (!row) throw notFoundRequest(`service_request_id ${code}`);
    return render(c, format, 'service_requests', await serviceRequests(c, [row]));
  })

  .post(`/${withFormat('requests')}`, textBodyLimit, async (c) => {
    const { format } = fileOf(c);
    const query = new URL(c.req.url).searchParams;
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new ApiError('validation_failed', 'Send the request as application/x-www-form-urlencoded');
    }
    // A URL ends up in logs, proxies and browser history: a key may travel only in the body.
    if (query.has('api_key')) throw new ApiError('forbidden', 'api_key must not be in the URL: send it in the form body');
    const form = new URLSearchParams(await c.req.text());
    const key = await admitApiKey(c, formValue(form, 'api_key'));
    checkJurisdiction(formValue(form, 'jurisdiction_id') ?? formValue(query, 'jurisdiction_id'));
    const serviceCode = formValue(form, 'service_code');
    if (!serviceCode) throw new ApiError('validation_failed', 'service_code: Required', { details: [{ path: 'service_code', message: 'Required' }] });
    const categories = await listActiveCategories(c.get('db'));
    if (!categories.some((cat) => cat.slug === serviceCode)) throw notFoundRequest(`service_code ${serviceCode}`);

    const { body, mediaUrl, derived } = readRequestForm(form);
    const filed = await fileComplaint(c, { body, ownerHash: `api-key:${key.id}`, source: { apiKeyId: key.id, mediaUrl } }).catch((err: unknown) => {
      // The same refusals as /api, in the form's words.
      if (err instanceof ApiError && err.details) throw new ApiError('validation_failed', err.message, { details: inFormTerms(err.details, derived) });
      throw err;
    });
    c.executionCtx.waitUntil(touchApiKey(c.get('db'), key.id, new Date()).catch((err) => console.error('api key touch failed', err)));
    return render(c, format, 'service_requests', [filedRequest(origin(c), filed.response.code, filed.response.trackingToken)], 201);
  })

  // We create requests at once, so a token is never needed; should a client ask anyway,
  // the token of a request is its id.
  .get(`/tokens/${withFormat('[^/]+')}`, async (c) => {
    const { name: token, format } = fileOf(c);
    const row = await findRequest(c, token);
    if (!row) throw notFoundRequest(`token ${token}`);
    return render(c, format, 'service_requests', [{ service_request_id: row.complaint.code, token }]);
  })

  .all('*', (c) => {
    const { what, hasFormat } = askedFor(c);
    // This app is mounted at /open311/v2: its own routes know the path without that.
    const wrongMethod = methodNotAllowed(open311Routes, c.req.method, c.req.path.replace(/^\/open311\/v2/, ''));
    if (wrongMethod) throw wrongMethod;
    throw new ApiError('not_found', `No resource ${what}${hasFormat ? '' : ': resources end in .json or .xml'}`);
  })
  .onError((err, c) => renderError(c, err));

/** Any other path under /open311 (another version, a typo): the specification's 404, readable by other sites. */
export const otherOpen311Routes = new Hono<AppEnv>()
  .use('*', open311Cors)
  .all('*', (c) => {
    throw new ApiError('not_found', `No resource ${askedFor(c).what}: GeoReport v2 is at /open311/v2/`);
  })
  .onError((err, c) => renderError(c, err));
