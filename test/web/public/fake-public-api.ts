// A stand-in for the Worker's complaint routes (tracking, comments, photos, feed), installed
// as the global `fetch`, with the reference data of ../fake-api.ts. It keeps every request,
// so tests can assert on the paths, headers and bodies the client sends.
import { vi } from 'vitest';
import {
  TRACKING_TOKEN_HEADER,
  type ComplaintView,
  type FeedItem,
  type FeedResponse,
  type TimelineEvent,
} from '../../../worker/domain/api';
import { FakeWebSocket } from '../fake-websocket';
import { metaFixture } from '../fake-api';

export const TOKEN = '0123456789abcdef0123456789abcdef';

const place = {
  regency: { code: '52.01', name: 'Kabupaten Lombok Barat' },
  district: { code: '52.01.01', name: 'Gerung' },
  village: { code: '52.01.01.2001', name: 'Dasan Geres' },
};
const water = { slug: 'air-bersih', name: { id: 'Air bersih', en: 'Clean water' }, icon: '💧' };
const pdam = { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang', shortName: 'PDAM GM' };

export function complaintFixture(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    code: 'NTB-7K3M9Q2X',
    title: 'Air PDAM mati tiga hari',
    description: 'Sejak Senin air tidak mengalir di Dusun Dasan.\nWarga membeli air galon.',
    status: 'forwarded',
    priority: 'important',
    category: water,
    place,
    lat: -8.7,
    lng: 116.1,
    address: 'Jalan Raya Gerung dekat masjid',
    agency: pdam,
    anonymous: false,
    confidential: false,
    submittedAt: '2026-11-09T23:15:00.000Z',
    updatedAt: '2026-11-10T06:30:00.000Z',
    events: [
      {
        id: 2,
        type: 'forwarded',
        at: '2026-11-10T06:30:00.000Z',
        actor: 'moderator',
        agency: pdam,
        fromStatus: 'submitted',
        toStatus: 'forwarded',
        body: null,
      },
      {
        id: 1,
        type: 'submitted',
        at: '2026-11-09T23:15:00.000Z',
        actor: 'citizen',
        agency: null,
        fromStatus: null,
        toStatus: 'submitted',
        body: null,
      },
    ],
    photos: [
      { id: 'ph1', url: '/api/photos/ph1', contentType: 'image/jpeg', width: 1200, height: 900 },
      { id: 'ph2', url: '/api/photos/ph2', contentType: 'image/webp', width: 900, height: 1200 },
    ],
    photosPublic: !overrides.confidential,
    reporter: { name: 'Baiq Nurul', phone: '081234567890', email: null },
    textWithheld: false,
    viewerIsReporter: false,
    filedVia: null,
    version: 3,
    ...overrides,
  };
}

export function feedItemFixture(n: number, overrides: Partial<FeedItem> = {}): FeedItem {
  const code = `NTB-${String(n).padStart(8, '0')}`;
  return {
    code,
    title: `Pengaduan nomor ${n}`,
    excerpt: `Ringkasan pengaduan nomor ${n}.`,
    status: 'in_progress',
    category: water,
    place,
    lat: -8.6,
    lng: 116.1,
    agency: pdam,
    anonymous: false,
    submittedAt: '2026-11-10T02:00:00.000Z',
    updatedAt: '2026-11-10T02:00:00.000Z',
    photo: null,
    photoCount: 0,
    ...overrides,
  };
}

export interface RecordedRequest {
  path: string;
  method: string;
  headers: Headers;
  body: unknown;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });

export function installPublicApi() {
  const complaints = new Map<string, ComplaintView>();
  /** Feed answers by their exact path; any other feed request gets an empty page. */
  const feed = new Map<string, FeedResponse>();
  /** Paths whose next request fails with a server error. */
  const failures = new Set<string>();
  const requests: RecordedRequest[] = [];
  let nextEventId = 100;

  async function handle(path: string, method: string, headers: Headers, body: unknown) {
    if (failures.delete(path)) return error(500, 'internal');
    if (path === '/api/meta') return json(200, metaFixture);
    const isReporterFor = (view: ComplaintView | undefined) =>
      Boolean(view) && headers.get(TRACKING_TOKEN_HEADER) === TOKEN;

    const photo = path.match(/^\/api\/photos\/(\w+)$/);
    if (photo) {
      const owner = [...complaints.values()].find((c) => c.photos.some((p) => p.id === photo[1]));
      if (!owner || (owner.confidential && !isReporterFor(owner))) return error(404, 'not_found');
      return new Response(new Blob([`photo ${photo[1]}`], { type: 'image/jpeg' }));
    }

    const comment = path.match(/^\/api\/complaints\/([^/?]+)\/comments$/);
    if (comment && method === 'POST') {
      const view = complaints.get(decodeURIComponent(comment[1]!));
      if (!view) return error(404, 'not_found');
      if (!isReporterFor(view)) return error(403, 'forbidden');
      const text = (body as { body?: unknown }).body;
      if (typeof text !== 'string' || !text.trim() || text.length > 2000) return error(400, 'validation_failed');
      const event: TimelineEvent = {
        id: nextEventId++,
        type: 'comment',
        at: '2026-11-11T01:00:00.000Z',
        actor: 'citizen',
        agency: null,
        fromStatus: null,
        toStatus: null,
        body: text,
      };
      view.events.push(event);
      return json(201, event);
    }

    // The reporter closes the loop: confirm (with a rating) or reopen a resolved complaint.
    const loop = path.match(/^\/api\/complaints\/([^/?]+)\/(confirm|reopen)$/);
    if (loop && method === 'POST') {
      const view = complaints.get(decodeURIComponent(loop[1]!));
      if (!view) return error(404, 'not_found');
      if (!isReporterFor(view)) return error(403, 'forbidden');
      const sent = body as { version?: unknown; rating?: unknown; comment?: unknown; reason?: unknown };
      if (typeof sent.version !== 'number') return error(400, 'validation_failed');
      if (sent.version !== view.version || view.status !== 'resolved') return error(409, 'conflict');
      const confirm = loop[2] === 'confirm';
      if (confirm && (typeof sent.rating !== 'number' || sent.rating < 1 || sent.rating > 5)) {
        return error(400, 'validation_failed');
      }
      if (!confirm && (typeof sent.reason !== 'string' || sent.reason.trim().length < 5)) {
        return error(400, 'validation_failed');
      }
      const to = confirm ? 'closed' : 'in_progress';
      view.events.push({
        id: nextEventId++,
        type: confirm ? 'confirmed' : 'reopened',
        at: '2026-11-12T01:00:00.000Z',
        actor: 'citizen',
        agency: confirm ? null : view.agency,
        fromStatus: view.status,
        toStatus: to,
        body: confirm ? ((sent.comment as string | null) ?? null) : (sent.reason as string),
        details: confirm ? { rating: sent.rating } : null,
      });
      view.status = to;
      view.version += 1;
      return json(200, { ...view, viewerIsReporter: true });
    }

    const one = path.match(/^\/api\/complaints\/([^/?]+)$/);
    if (one) {
      const view = complaints.get(decodeURIComponent(one[1]!));
      const reporter = isReporterFor(view);
      if (!view || (view.confidential && !reporter)) return error(404, 'not_found');
      const seen = { ...view, reporter: reporter ? view.reporter : null, viewerIsReporter: reporter };
      // As the API withholds a refused complaint's own words from the public.
      if (view.status !== 'rejected' || reporter) return json(200, seen);
      const events = view.events.map((e) => (e.actor === 'citizen' ? { ...e, body: null } : e));
      return json(200, { ...seen, title: '', description: '', address: null, lat: null, lng: null, events, textWithheld: true });
    }

    if (path === '/api/complaints' || path.startsWith('/api/complaints?')) {
      return json(200, feed.get(path) ?? { items: [], nextCursor: null });
    }
    return error(404, 'not_found');
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ path, method, headers, body });
    return handle(path, method, headers, body);
  });
  vi.stubGlobal('fetch', fetch);
  // The tracking page follows its complaint live: a socket the tests drive, never a real one.
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);

  return {
    fetch,
    requests,
    /** The paths asked for, meta and photos left out unless `all`. */
    paths: (all = false) =>
      requests.map((r) => r.path).filter((p) => all || (p !== '/api/meta' && !p.startsWith('/api/photos/'))),
    addComplaint: (view: ComplaintView) => complaints.set(view.code, structuredClone(view)),
    /** Changes a stored complaint behind the page's back, as staff or another device would. */
    changeComplaint: (code: string, change: (view: ComplaintView) => void) => change(complaints.get(code)!),
    setFeed: (path: string, response: FeedResponse) => feed.set(path, response),
    failNext: (path: string) => failures.add(path),
  };
}
