// A stand-in for the Worker's agency routes (session, inbox, inbox events, complaint view and
// the agency actions), installed as the global `fetch`, and a fake WebSocket the tests drive.
// The server state is tiny: the inbox's complaints with their versions and an event log.
import { vi } from 'vitest';
import type { ComplaintView, FiledVia, InboxEventsResponse, InboxItem, StaffInfo, TimelineEvent } from '../../../worker/domain/api';
import type { ComplaintStatus } from '../../../worker/domain/vocabulary';
import type { LiveMessage } from '../../../worker/domain/live';
import { FakeWebSocket } from '../fake-websocket';
import { agencies, agencyUser, hoursAgo } from '../staff/fake-staff-api';

const HOUR = 60 * 60 * 1000;
const pdam = { slug: agencies[0]!.slug, name: agencies[0]!.name, shortName: agencies[0]!.shortName };
const water = { slug: 'air-bersih', name: { id: 'Air bersih', en: 'Clean water' }, icon: '💧' };
const place = {
  regency: { code: '52.01', name: 'Kabupaten Lombok Barat' },
  district: { code: '52.01.01', name: 'Gerung' },
  village: { code: '52.01.01.2001', name: 'Dasan Geres' },
};
export const code = (n: number) => `NTB-${String(n).padStart(8, '0')}`;

/** The n-th complaint, forwarded `hours` ago, due by its priority's target (1/24/48 h). */
export function inboxItem(n: number, hours: number, overrides: Partial<InboxItem> = {}): InboxItem {
  const forwardedAt = hoursAgo(hours);
  const target = { urgent: 1, important: 24, normal: 48 }[overrides.priority ?? 'important'];
  return {
    code: code(n),
    title: `Pengaduan nomor ${n}`,
    excerpt: `Uraian pengaduan nomor ${n}.`,
    status: 'forwarded',
    priority: 'important',
    category: water,
    place,
    anonymous: false,
    confidential: false,
    submittedAt: hoursAgo(hours + 2),
    forwardedAt,
    dueAt: new Date(Date.parse(forwardedAt) + target * HOUR).toISOString(),
    firstResponseAt: null,
    isNew: true,
    version: 2,
    photoCount: 0,
    ...overrides,
  };
}

export { FakeWebSocket } from '../fake-websocket';

export interface RecordedRequest {
  path: string;
  method: string;
  body: any;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, errorCode: string) => json(status, { error: { code: errorCode, message: errorCode } });

const actionTo: Record<string, (from: ComplaintStatus) => ComplaintStatus | null> = {
  acknowledge: (from) => (from === 'forwarded' ? 'in_progress' : null),
  respond: (from) => (from === 'forwarded' || from === 'in_progress' ? 'in_progress' : null),
  note: (from) => from,
  resolve: (from) => (from === 'forwarded' || from === 'in_progress' ? 'resolved' : null),
  return: (from) => (from === 'forwarded' || from === 'in_progress' ? 'submitted' : null),
};
const eventTypeOf: Record<string, string> = {
  acknowledge: 'acknowledged',
  respond: 'response',
  note: 'note',
  resolve: 'resolved',
  return: 'returned',
};

export function installAgencyApi() {
  const state = {
    user: agencyUser as StaffInfo | null,
    items: [] as InboxItem[],
    timelines: new Map<string, TimelineEvent[]>(),
    /** Complaints another app filed through Open311, by code. */
    filedVia: new Map<string, FiledVia>(),
    events: [] as InboxEventsResponse['events'],
    lastEventId: 40,
  };
  const requests: RecordedRequest[] = [];

  const view = (item: InboxItem): ComplaintView => ({
    code: item.code,
    title: item.title,
    description: `${item.excerpt} Sudah tiga hari.`,
    status: item.status,
    priority: item.priority,
    category: item.category,
    place: item.place,
    lat: null,
    lng: null,
    address: 'Depan masjid',
    agency: item.status === 'submitted' ? null : pdam,
    anonymous: item.anonymous,
    confidential: item.confidential,
    submittedAt: item.submittedAt,
    updatedAt: new Date().toISOString(),
    events: state.timelines.get(item.code) ?? [],
    photos: [],
    photosPublic: !item.confidential,
    // As the Worker answers an agency (maySeeReporter): no reporter when anonymous or confidential.
    reporter: item.anonymous || item.confidential ? null : { name: 'Baiq Nurul', phone: '081234567890', email: null },
    textWithheld: false,
    viewerIsReporter: false,
    filedVia: state.filedVia.get(item.code) ?? null,
    version: item.version,
  });

  /** Something happens to a complaint: the item changes, and an event is logged. */
  function happen(item: InboxItem, eventType: string, status: ComplaintStatus, body: string | null = null) {
    const next = { ...item, status, version: item.version + 1, isNew: item.isNew && status === 'forwarded' && eventType === 'note' };
    state.items = [next, ...state.items.filter((i) => i.code !== item.code)];
    const eventId = ++state.lastEventId;
    const timeline = state.timelines.get(item.code) ?? [];
    timeline.push({
      id: eventId,
      type: eventType,
      at: new Date().toISOString(),
      actor: 'agency',
      agency: pdam,
      fromStatus: item.status,
      toStatus: status,
      body,
    });
    state.timelines.set(item.code, timeline);
    const event = { eventId, eventType, complaintCode: item.code, status, version: next.version, heldHere: true };
    state.events.push(event);
    return { next, event };
  }

  function handle(path: string, method: string, body: any): Response {
    const url = new URL(path, 'http://localhost');
    if (path === '/api/auth/me') return state.user ? json(200, { user: state.user }) : error(401, 'unauthenticated');
    if (!state.user) return error(401, 'unauthenticated');
    const agencyOnly = state.user.role !== 'agency' ? error(403, 'forbidden') : null;

    if (url.pathname === '/api/inbox') {
      if (agencyOnly) return agencyOnly;
      const status = url.searchParams.get('status');
      const counts: Partial<Record<ComplaintStatus, number>> = {};
      for (const item of state.items) counts[item.status] = (counts[item.status] ?? 0) + 1;
      const items = state.items.filter((item) => !status || item.status === status);
      return json(200, { items, nextCursor: null, counts, lastEventId: state.lastEventId });
    }
    if (url.pathname === '/api/inbox/events') {
      if (agencyOnly) return agencyOnly;
      const since = Number(url.searchParams.get('since'));
      return json(200, { events: state.events.filter((e) => e.eventId > since), lastEventId: state.lastEventId });
    }
    const action = url.pathname.match(/^\/api\/complaints\/([^/]+)\/(acknowledge|respond|note|resolve|return)$/);
    if (action && method === 'POST') {
      const item = state.items.find((i) => i.code === decodeURIComponent(action[1]!));
      if (!item) return error(404, 'not_found');
      const kind = action[2]!;
      const to = actionTo[kind]!(item.status);
      if (body.version !== item.version || !to) return error(409, 'conflict');
      const { next } = happen(item, eventTypeOf[kind]!, to, body.body ?? body.reason ?? null);
      if (kind === 'return') state.items = state.items.filter((i) => i.code !== item.code);
      return json(200, view(next));
    }
    const one = url.pathname.match(/^\/api\/complaints\/([^/]+)$/);
    if (one) {
      const item = state.items.find((i) => i.code === decodeURIComponent(one[1]!));
      return item ? json(200, view(item)) : error(404, 'not_found');
    }
    return error(404, 'not_found');
  }

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input);
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ path, method, body });
    return handle(path, method, body);
  });
  vi.stubGlobal('fetch', fetch);
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);

  return {
    state,
    requests,
    sent: (prefix: string, method?: string) =>
      requests.filter((r) => r.path.startsWith(prefix) && (!method || r.method === method)),
    /** A moderator forwards a new complaint here; returns the live message the topic gets. */
    forward(item: InboxItem): LiveMessage {
      state.items = [item, ...state.items];
      const eventId = ++state.lastEventId;
      const event = { eventId, eventType: 'forwarded', complaintCode: item.code, status: 'forwarded' as const, version: item.version, heldHere: true };
      state.events.push(event);
      return { type: 'event', topic: 'agency:7', ...event };
    },
    /** The moderators forward one of ours on to another agency: it leaves the inbox (told with heldHere false). */
    forwardAway(complaint: string): LiveMessage {
      const item = state.items.find((i) => i.code === complaint)!;
      state.items = state.items.filter((i) => i.code !== complaint);
      const eventId = ++state.lastEventId;
      const event = { eventId, eventType: 'forwarded', complaintCode: complaint, status: 'forwarded' as const, version: item.version + 1, heldHere: false };
      state.events.push(event);
      return { type: 'event', topic: 'agency:7', ...event };
    },
    /** Someone else (a colleague) acts on a complaint. */
    changeElsewhere(complaint: string, eventType: string, status: ComplaintStatus): LiveMessage {
      const item = state.items.find((i) => i.code === complaint)!;
      const { event } = happen(item, eventType, status, 'Dikerjakan rekan.');
      return { type: 'event', topic: 'agency:7', ...event };
    },
  };
}
