// A complaint's state as its event log tells it: the events replayed through the lifecycle
// table (worker/domain/lifecycle.ts). Fault and concurrency tests compare it with the row.
import { env } from 'cloudflare:workers';
import { expect, vi } from 'vitest';
import { type ComplaintAction, transition } from '../../worker/domain/lifecycle';
import type { ActorRole, ComplaintStatus } from '../../worker/domain/vocabulary';

export interface LoggedEvent {
  id: number;
  type: string;
  actorRole: ActorRole;
  actorUserId: number | null;
  agencyId: number | null;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  createdAt: number;
}

export interface ComplaintState {
  status: ComplaintStatus;
  agencyId: number | null;
  version: number;
}

/** The event types that are one action of the lifecycle table each. */
const actionOf: Record<string, ComplaintAction> = {
  forwarded: 'forward',
  rejected: 'reject',
  duplicate: 'duplicate',
  corrected: 'correct',
  acknowledged: 'acknowledge',
  response: 'respond',
  returned: 'return',
  resolved: 'resolve',
  reopened: 'reopen',
  confirmed: 'confirm',
  closed: 'close',
  note: 'note',
};

/** A forward's note is written in the forward's own batch: the same change, not another. */
const isForwardNote = (e: LoggedEvent, previous: LoggedEvent) =>
  e.type === 'note' &&
  previous.type === 'forwarded' &&
  e.id === previous.id + 1 &&
  e.createdAt === previous.createdAt &&
  e.actorUserId === previous.actorUserId &&
  e.agencyId === previous.agencyId &&
  e.fromStatus === previous.fromStatus;

/** Replays the log; throws at the first event the lifecycle table does not allow. */
export function replay(log: LoggedEvent[]): ComplaintState {
  const [first, ...rest] = log;
  if (first?.type !== 'submitted') throw new Error(`the log starts with ${first?.type ?? 'nothing'}, not submitted`);
  let state: ComplaintState = { status: 'submitted', agencyId: null, version: 1 };
  let previous = first;
  for (const e of rest) {
    const at = `event ${e.id} (${e.type} by ${e.actorRole})`;
    if (e.type === 'breached') continue; // the cron's mark: no change of the complaint
    if (e.type === 'comment') {
      if (!transition(state.status, 'comment', e.actorRole)) throw new Error(`${at}: no comment allowed on ${state.status}`);
      continue;
    }
    if (isForwardNote(e, previous)) {
      previous = e;
      continue;
    }
    const action = actionOf[e.type];
    if (!action) throw new Error(`${at}: not an action of the lifecycle`);
    const to = transition(state.status, action, e.actorRole);
    if (!to) throw new Error(`${at}: not allowed from ${state.status}`);
    if (e.fromStatus !== state.status || e.toStatus !== to) throw new Error(`${at}: says ${e.fromStatus} → ${e.toStatus}, the table ${state.status} → ${to}`);
    const agencyId = e.type === 'forwarded' ? e.agencyId : e.type === 'returned' ? null : state.agencyId;
    state = { status: to, agencyId, version: state.version + 1 };
    previous = e;
  }
  return state;
}

export async function eventLog(complaintId: number): Promise<LoggedEvent[]> {
  const { results } = await env.DB.prepare(
    `SELECT id, type, actor_role AS actorRole, actor_user_id AS actorUserId, agency_id AS agencyId, from_status AS fromStatus,
            to_status AS toStatus, created_at AS createdAt
     FROM events WHERE complaint_id = ? ORDER BY id`,
  )
    .bind(complaintId)
    .all<LoggedEvent>();
  return results;
}

export async function storedState(complaintId: number): Promise<ComplaintState> {
  const row = await env.DB.prepare('SELECT status, agency_id AS agencyId, version FROM complaints WHERE id = ?').bind(complaintId).first<ComplaintState>();
  if (!row) throw new Error(`no complaint ${complaintId}`);
  return row;
}

/** The row says what its event log says; returns that state. */
export async function expectRowMatchesLog(complaintId: number): Promise<ComplaintState> {
  const [row, log] = await Promise.all([storedState(complaintId), eventLog(complaintId)]);
  expect(row, `complaint ${complaintId}: ${log.map((e) => `${e.id}:${e.type}`).join(' ')}`).toEqual(replay(log));
  return row;
}

export async function complaintIdOf(code: string): Promise<number> {
  const row = await env.DB.prepare('SELECT id FROM complaints WHERE code = ?').bind(code).first<{ id: number }>();
  if (!row) throw new Error(`no complaint ${code}`);
  return row.id;
}

/** Until the queue consumer has confirmed every event of the complaint so far. */
export async function eventsDelivered(code: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const row = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE delivered_at IS NULL AND complaint_id = (SELECT id FROM complaints WHERE code = ?)')
        .bind(code)
        .first<{ n: number }>();
      expect(row!.n).toBe(0);
    },
    { timeout: 10_000, interval: 50 },
  );
}
