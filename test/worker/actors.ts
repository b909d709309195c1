// Who acts on a complaint through the real API (staff of each role, the reporter with the
// tracking token, anyone without), each action's request, and the answer the lifecycle table
// and the access rules call for. Shared by the concurrency and the model-based tests.
import { TRACKING_TOKEN_HEADER } from '../../worker/domain/api';
import { type ComplaintAction, transition } from '../../worker/domain/lifecycle';
import type { ComplaintStatus, StaffRole } from '../../worker/domain/vocabulary';
import { agencyIdOf } from './complaint-states';
import { call } from './helpers';
import { signIn } from './staff';

export type Actor =
  | { name: string; kind: 'staff'; role: StaffRole; agencyId: number | null; cookie: string }
  | { name: string; kind: 'reporter'; token: string; ip: string }
  | { name: string; kind: 'public'; ip: string };

export async function staffActor(name: string, role: StaffRole, agency?: string): Promise<Actor> {
  const { cookie } = await signIn(role, agency);
  return { name, kind: 'staff', role, agencyId: agency ? await agencyIdOf(agency) : null, cookie };
}

let ipCounter = 0;
const nextIp = () => `203.0.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`;
export const reporterActor = (name: string, token: string): Actor => ({ name, kind: 'reporter', token, ip: nextIp() });
export const publicActor = (name: string): Actor => ({ name, kind: 'public', ip: nextIp() });

/** What each route asks for: who may call it at all, and what the lifecycle calls the action. */
interface Route {
  path: string;
  lifecycle: ComplaintAction;
  /** Staff roles the route admits (any staff when empty); `reporter` routes take the token. */
  gate: { staff: StaffRole[] } | 'reporter';
  /** Comments name no version and change none. */
  versioned: boolean;
  body: (version: number, ctx: { other: string; agency: string; n: number }) => Record<string, unknown>;
}

export const routes = {
  forward: { path: 'forward', lifecycle: 'forward', gate: { staff: ['moderator', 'admin'] }, versioned: true, body: (version, x) => ({ version, agency: x.agency, priority: 'important', note: `Catatan ${x.n}` }) },
  reject: { path: 'reject', lifecycle: 'reject', gate: { staff: ['moderator', 'admin'] }, versioned: true, body: (version) => ({ version, reason: 'incomplete' }) },
  duplicate: { path: 'duplicate', lifecycle: 'duplicate', gate: { staff: ['moderator', 'admin'] }, versioned: true, body: (version, x) => ({ version, of: x.other }) },
  correct: { path: 'correct', lifecycle: 'correct', gate: { staff: ['moderator', 'admin'] }, versioned: true, body: (version, x) => ({ version, title: `Judul dikoreksi nomor ${x.n}` }) },
  acknowledge: { path: 'acknowledge', lifecycle: 'acknowledge', gate: { staff: ['agency'] }, versioned: true, body: (version) => ({ version }) },
  respond: { path: 'respond', lifecycle: 'respond', gate: { staff: ['agency'] }, versioned: true, body: (version, x) => ({ version, body: `Jawaban ${x.n}` }) },
  return: { path: 'return', lifecycle: 'return', gate: { staff: ['agency'] }, versioned: true, body: (version) => ({ version, reason: 'Bukan kewenangan kami' }) },
  resolve: { path: 'resolve', lifecycle: 'resolve', gate: { staff: ['agency'] }, versioned: true, body: (version, x) => ({ version, body: `Selesai ${x.n}` }) },
  note: { path: 'note', lifecycle: 'note', gate: { staff: [] }, versioned: true, body: (version, x) => ({ version, body: `Catatan ${x.n}` }) },
  reopen: { path: 'reopen', lifecycle: 'reopen', gate: 'reporter', versioned: true, body: (version) => ({ version, reason: 'Air masih belum mengalir' }) },
  confirm: { path: 'confirm', lifecycle: 'confirm', gate: 'reporter', versioned: true, body: (version) => ({ version, rating: 4 }) },
  comment: { path: 'comments', lifecycle: 'comment', gate: 'reporter', versioned: false, body: (_version, x) => ({ body: `Tambahan ${x.n}` }) },
} satisfies Record<string, Route>;
export type RouteName = keyof typeof routes;
export const routeNames = Object.keys(routes) as RouteName[];

let n = 0;
/** Sends one action as the actor, naming the version it saw. */
export function act(actor: Actor, code: string, route: RouteName, version: number, ctx: { other: string; agency?: string }) {
  const r: Route = routes[route];
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (actor.kind === 'staff') headers.Cookie = actor.cookie;
  else headers['CF-Connecting-IP'] = actor.ip;
  if (actor.kind === 'reporter') headers[TRACKING_TOKEN_HEADER] = actor.token;
  return call(`/api/complaints/${code}/${r.path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(r.body(version, { other: ctx.other, agency: ctx.agency ?? 'pdam-giri-menang', n: ++n })),
  });
}

export interface ComplaintFacts {
  status: ComplaintStatus;
  agencyId: number | null;
  version: number;
}

/** The status the API must answer: from the gate, the reach, the version and the lifecycle table. */
export function expectedStatus(actor: Actor, route: RouteName, c: ComplaintFacts, seenVersion: number): number {
  const r: Route = routes[route];
  if (r.gate === 'reporter') {
    // Anyone else is told that only the reporter may (the complaint is not confidential).
    if (actor.kind !== 'reporter') return 403;
  } else {
    if (actor.kind !== 'staff') return 401;
    if (r.gate.staff.length && !r.gate.staff.includes(actor.role)) return 403;
    if (actor.role === 'agency' && actor.agencyId !== c.agencyId) return 404;
  }
  if (r.versioned && seenVersion !== c.version) return 409;
  const role = actor.kind === 'staff' ? actor.role : 'citizen';
  if (!transition(c.status, r.lifecycle, role)) return 409;
  return r.versioned ? 200 : 201;
}
