// A stand-in for the Worker's staff routes (session, moderation queue, moderator actions),
// installed as the global `fetch`, with the reference data of ../fake-api.ts. It keeps a
// tiny server state: who is signed in, the waiting complaints with their versions, and every
// request, so tests can assert on the paths and bodies the client sends.
import { vi } from 'vitest';
import type {
  AgencyInfo,
  ComplaintView,
  MetaResponse,
  ModerationItem,
  OverdueItem,
  StaffInfo,
  TimelineEvent,
} from '../../../worker/domain/api';
import type { ComplaintStatus } from '../../../worker/domain/vocabulary';
import { feedStatuses } from '../../../worker/domain/api';
import { metaFixture, regionFixtures } from '../fake-api';
import { FakeWebSocket } from '../fake-websocket';

const HOUR = 60 * 60 * 1000;
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

export const agencies: AgencyInfo[] = [
  { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang', shortName: 'PDAM GM', kind: 'bumd', regencyCode: '52.01' },
  { slug: 'dinas-pupr-ntb', name: 'Dinas PUPR Provinsi NTB', shortName: 'PUPR', kind: 'dinas', regencyCode: null },
  { slug: 'rsud-provinsi-ntb', name: 'RSUD Provinsi NTB', shortName: null, kind: 'rsud', regencyCode: null },
];
const ref = (a: AgencyInfo) => ({ slug: a.slug, name: a.name, shortName: a.shortName });
export const staffMeta: MetaResponse = { ...metaFixture, agencies };

export const moderator: StaffInfo = {
  id: 1,
  username: 'lalu.verifikator',
  displayName: 'Lalu Verifikator',
  role: 'moderator',
  agencyId: null,
  agency: null,
};
export const agencyUser: StaffInfo = {
  id: 2,
  username: 'pdam-giri-menang',
  displayName: 'PDAM Giri Menang',
  role: 'agency',
  agencyId: 7,
  agency: ref(agencies[0]!),
};

const water = { slug: 'air-bersih', name: { id: 'Air bersih', en: 'Clean water' }, icon: '💧' };
const place = {
  regency: { code: '52.01', name: 'Kabupaten Lombok Barat' },
  district: { code: '52.01.01', name: 'Gerung' },
  village: { code: '52.01.01.2001', name: 'Dasan Geres' },
};

/** The n-th waiting complaint: NTB-0000000n, sent `hours` ago. */
export function itemFixture(n: number, hours: number, overrides: Partial<ModerationItem> = {}): ModerationItem {
  return {
    code: `NTB-${String(n).padStart(8, '0')}`,
    title: `Pengaduan nomor ${n}`,
    description: `Uraian pengaduan nomor ${n}.`,
    status: 'submitted',
    priority: 'normal',
    category: water,
    place,
    lat: null,
    lng: null,
    address: null,
    anonymous: false,
    confidential: false,
    reporter: { name: 'Baiq Nurul', phone: '081234567890', email: null },
    submittedAt: hoursAgo(hours),
    dueAt: new Date(Date.parse(hoursAgo(hours)) + 24 * HOUR).toISOString(),
    photos: [],
    suggestedAgency: ref(agencies[0]!),
    duplicateCandidates: [],
    returned: null,
    filedVia: null,
    version: 1,
    ...overrides,
  };
}

/** The n-th complaint held by an agency past due: NTB-0000010n, `hours` past its target. */
export function overdueFixture(n: number, hours: number, overrides: Partial<OverdueItem> = {}): OverdueItem {
  const due = Date.now() - hours * HOUR;
  return {
    code: `NTB-${String(100 + n).padStart(8, '0')}`,
    title: `Pengaduan di instansi nomor ${n}`,
    status: 'forwarded',
    priority: 'urgent',
    category: water,
    place,
    agency: ref(agencies[0]!),
    confidential: false,
    forwardedAt: new Date(due - HOUR).toISOString(),
    firstResponseAt: null,
    dueAt: new Date(due).toISOString(),
    remindedAt: null,
    version: 2,
    ...overrides,
  };
}

export interface RecordedRequest {
  path: string;
  method: string;
  body: unknown;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const error = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: code } }, headers);

export function installStaffApi() {
  const state = {
    user: null as StaffInfo | null,
    accounts: new Map<string, { password: string; user: StaffInfo }>([
      ['lalu.verifikator', { password: 'kata-sandi-rahasia', user: moderator }],
      ['pdam-giri-menang', { password: 'air-mengalir-lagi', user: agencyUser }],
    ]),
    /** Seconds in the next 429's Retry-After, while sign-in is rate limited. */
    rateLimited: null as number | null,
    /** The waiting complaints, oldest first, as the API orders them. */
    queue: [] as ModerationItem[],
    pageSize: 100,
    /** Complaints that have left the queue, by code, as GET /api/complaints/:code shows them. */
    decided: new Map<string, ComplaintView>(),
    /** Complaints agencies hold past due, most overdue first, as GET /api/moderation/overdue lists them. */
    overdue: [] as OverdueItem[],
    /** The internal notes written on each held complaint, oldest first. */
    notes: new Map<string, TimelineEvent[]>(),
  };
  let nextEventId = 1000;
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, 'network' | number>();

  const view = (item: ModerationItem, status: ComplaintStatus, agency: ComplaintView['agency'] = null): ComplaintView => ({
    code: item.code,
    title: item.title,
    description: item.description,
    status,
    priority: item.priority,
    category: item.category,
    place: item.place,
    lat: item.lat,
    lng: item.lng,
    address: item.address,
    agency,
    anonymous: item.anonymous,
    confidential: item.confidential,
    submittedAt: item.submittedAt,
    updatedAt: new Date().toISOString(),
    events: [],
    photos: item.photos,
    photosPublic: !item.confidential && (feedStatuses as readonly ComplaintStatus[]).includes(status),
    reporter: item.reporter,
    textWithheld: false,
    viewerIsReporter: false,
    filedVia: item.filedVia,
    version: item.version,
  });

  function decide(item: ModerationItem, status: ComplaintStatus, agency: ComplaintView['agency'] = null) {
    state.queue = state.queue.filter((i) => i !== item);
    const decided = view({ ...item, version: item.version + 1 }, status, agency);
    state.decided.set(item.code, decided);
    return decided;
  }

  /** A held complaint as staff see it: forwarded to its agency, with the notes written since. */
  const heldView = (item: OverdueItem): ComplaintView => ({
    ...view(
      { ...itemFixture(0, 30), code: item.code, title: item.title, priority: item.priority, confidential: item.confidential, version: item.version },
      item.status,
      item.agency,
    ),
    events: [
      { id: 1, type: 'submitted', at: hoursAgo(30), actor: 'citizen', agency: null, fromStatus: null, toStatus: 'submitted', body: null },
      { id: 2, type: 'forwarded', at: item.forwardedAt!, actor: 'moderator', agency: item.agency, fromStatus: 'submitted', toStatus: 'forwarded', body: null },
      ...(state.notes.get(item.code) ?? []),
    ],
  });

  /** What the Worker does with a held complaint: a moderator's note reminds, a forward moves it on (and out of the list). */
  function actOnHeld(item: OverdueItem, action: string, body: any): Response {
    if (body.version !== item.version) return error(409, 'conflict');
    if (action === 'note') {
      const at = new Date().toISOString();
      const note: TimelineEvent = { id: nextEventId++, type: 'note', at, actor: 'moderator', agency: null, fromStatus: item.status, toStatus: item.status, body: body.body };
      state.notes.set(item.code, [...(state.notes.get(item.code) ?? []), note]);
      const next = { ...item, version: item.version + 1, remindedAt: at };
      state.overdue = state.overdue.map((i) => (i === item ? next : i));
      return json(200, heldView(next));
    }
    if (action === 'forward') {
      const agency = agencies.find((a) => a.slug === body.agency);
      if (!agency) return json(422, { error: { code: 'unprocessable', message: 'Unknown agency', details: [{ path: 'agency', message: 'Unknown or inactive agency' }] } });
      state.overdue = state.overdue.filter((i) => i !== item);
      const moved = heldView({ ...item, status: 'forwarded', agency: ref(agency), priority: body.priority, version: item.version + 1 });
      state.decided.set(item.code, moved);
      return json(200, moved);
    }
    return error(409, 'conflict');
  }

  function handle(path: string, method: string, body: any): Response {
    const url = new URL(path, 'http://localhost');
    if (path === '/api/meta') return json(200, staffMeta);
    const region = path.match(/^\/api\/regions\/(.+)$/)?.[1];
    if (region) return regionFixtures[region] ? json(200, regionFixtures[region]) : error(404, 'not_found');

    if (path === '/api/auth/login' && method === 'POST') {
      if (state.rateLimited) return error(429, 'rate_limited', { 'Retry-After': String(state.rateLimited) });
      const account = state.accounts.get(body.username);
      if (!account || account.password !== body.password) return error(401, 'unauthenticated');
      state.user = account.user;
      return json(200, { user: account.user });
    }
    if (path === '/api/auth/logout' && method === 'POST') {
      state.user = null;
      return new Response(null, { status: 204 });
    }
    if (path === '/api/auth/me') return state.user ? json(200, { user: state.user }) : error(401, 'unauthenticated');

    if (!state.user) return error(401, 'unauthenticated');
    const staffOnly = state.user.role === 'agency' ? error(403, 'forbidden') : null;

    if (url.pathname === '/api/moderation/queue') {
      if (staffOnly) return staffOnly;
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), state.pageSize);
      const items = state.queue.slice(start, start + limit);
      const next = start + limit < state.queue.length ? String(start + limit) : null;
      return json(200, { items, nextCursor: next, total: state.queue.length });
    }

    if (url.pathname === '/api/moderation/overdue') {
      if (staffOnly) return staffOnly;
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), state.pageSize);
      const items = state.overdue.slice(start, start + limit);
      const next = start + limit < state.overdue.length ? String(start + limit) : null;
      return json(200, { items, total: state.overdue.length, nextCursor: next });
    }

    const action = url.pathname.match(/^\/api\/complaints\/([^/]+)\/(forward|reject|duplicate|correct|note)$/);
    if (action && method === 'POST') {
      if (staffOnly) return staffOnly;
      const code = decodeURIComponent(action[1]!);
      const held = state.overdue.find((i) => i.code === code);
      if (held) return actOnHeld(held, action[2]!, body);
      if (action[2] === 'note') return error(404, 'not_found'); // notes on waiting complaints are not faked
      const item = state.queue.find((i) => i.code === code);
      if (!item) {
        return state.decided.has(code) ? error(409, 'conflict') : error(404, 'not_found');
      }
      if (body.version !== item.version) return error(409, 'conflict');
      switch (action[2]) {
        case 'forward': {
          const agency = agencies.find((a) => a.slug === body.agency);
          if (!agency) return json(422, { error: { code: 'unprocessable', message: 'Unknown agency', details: [{ path: 'agency', message: 'Unknown or inactive agency' }] } });
          return json(200, decide(item, 'forwarded', ref(agency)));
        }
        case 'reject':
          return json(200, decide(item, 'rejected'));
        case 'duplicate': {
          const known = body.of === 'NTB-00000009' || state.decided.has(body.of) || state.queue.some((i) => i.code === body.of);
          if (!known) return json(422, { error: { code: 'unprocessable', message: 'Unknown complaint', details: [{ path: 'of', message: 'No other complaint with this code' }] } });
          const closed = state.decided.get(body.of)?.status;
          if (closed === 'duplicate' || closed === 'rejected') return json(422, { error: { code: 'unprocessable', message: `${body.of} is ${closed}`, details: [{ path: 'of', message: closed }] } });
          return json(200, decide(item, 'duplicate'));
        }
        default: {
          // As the Worker does, a new category is routed anew (disiplin-asn goes to the RSUD here).
          const category = body.category ? staffMeta.categories.find((c) => c.slug === body.category) : undefined;
          const next = {
            ...item,
            version: item.version + 1,
            title: body.title ?? item.title,
            ...(category
              ? {
                  category: { slug: category.slug, name: category.name, icon: category.icon },
                  suggestedAgency: ref(category.slug === 'air-bersih' ? agencies[0]! : agencies[2]!),
                }
              : {}),
          };
          state.queue = state.queue.map((i) => (i === item ? next : i));
          return json(200, view(next, 'submitted'));
        }
      }
    }

    const one = url.pathname.match(/^\/api\/complaints\/([^/]+)$/);
    if (one) {
      const code = decodeURIComponent(one[1]!);
      const waiting = state.queue.find((i) => i.code === code);
      const held = state.overdue.find((i) => i.code === code);
      const found = waiting ? view(waiting, 'submitted') : held ? heldView(held) : state.decided.get(code);
      return found ? json(200, found) : error(404, 'not_found');
    }
    return error(404, 'not_found');
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ path, method, body });
    const failure = failures.get(path);
    if (failure !== undefined) {
      failures.delete(path);
      if (failure === 'network') throw new TypeError('Failed to fetch');
      return error(failure, failure === 401 ? 'unauthenticated' : 'internal');
    }
    return handle(path, method, body);
  });
  vi.stubGlobal('fetch', fetch);
  // The desk follows the moderation topic: a socket the tests drive, never a real one.
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);

  return {
    fetch,
    state,
    requests,
    /** The requests to paths starting with `prefix`. */
    sent: (prefix: string, method?: string) =>
      requests.filter((r) => r.path.startsWith(prefix) && (!method || r.method === method)),
    failNext: (path: string, how: 'network' | number) => failures.set(path, how),
    /** Someone else acts on a complaint: a new version, or a decision that takes it out. */
    changeElsewhere(code: string, change: { title?: string } | { forwardTo: string }) {
      const item = state.queue.find((i) => i.code === code)!;
      if ('forwardTo' in change) {
        decide(item, 'forwarded', ref(agencies.find((a) => a.slug === change.forwardTo)!));
      } else {
        state.queue = state.queue.map((i) => (i === item ? { ...item, ...change, version: item.version + 1 } : i));
      }
    },
  };
}
