// A stored complaint brought to a given status the way the API would have taken it there
// (each step one lifecycle change with its events), without sending anything to the queue.
import { env } from 'cloudflare:workers';
import { applyComplaintChange } from '../../worker/db/complaint-actions';
import type { ActorRole, ComplaintStatus } from '../../worker/domain/vocabulary';
import { insertComplaint } from './fixtures';

export interface Step {
  to: ComplaintStatus;
  type: string;
  actorRole: ActorRole;
  /** The agency forwarded to, or the agency acting. */
  agency?: string;
  visibility?: 'public' | 'internal';
  /** A forward's internal note, written in the same change. */
  note?: boolean;
}

export interface StoredComplaint {
  id: number;
  code: string;
  status: ComplaintStatus;
  version: number;
  agencyId: number | null;
}

const forward: Step = { to: 'forwarded', type: 'forwarded', actorRole: 'moderator' };
const acknowledge: Step = { to: 'in_progress', type: 'acknowledged', actorRole: 'agency' };
const resolve: Step = { to: 'resolved', type: 'resolved', actorRole: 'agency' };

/** The steps from `submitted` to each status. */
const pathTo: Record<ComplaintStatus, Step[]> = {
  submitted: [],
  forwarded: [forward],
  in_progress: [forward, acknowledge],
  resolved: [forward, acknowledge, resolve],
  closed: [forward, acknowledge, resolve, { to: 'closed', type: 'confirmed', actorRole: 'citizen' }],
  rejected: [{ to: 'rejected', type: 'rejected', actorRole: 'moderator' }],
  duplicate: [{ to: 'duplicate', type: 'duplicate', actorRole: 'moderator' }],
};

export async function agencyIdOf(slug: string): Promise<number> {
  const row = await env.DB.prepare('SELECT id FROM agencies WHERE slug = ?').bind(slug).first<{ id: number }>();
  if (!row) throw new Error(`no agency ${slug}`);
  return row.id;
}

export async function categoryIdOf(slug: string): Promise<number> {
  const row = await env.DB.prepare('SELECT id FROM categories WHERE slug = ?').bind(slug).first<{ id: number }>();
  if (!row) throw new Error(`no category ${slug}`);
  return row.id;
}

/** Applies one step as the API would (guarded by the version), or throws. Returns the event ids. */
export async function takeStep(c: StoredComplaint, step: Step): Promise<number[]> {
  const agencyId = step.agency ? await agencyIdOf(step.agency) : step.actorRole === 'agency' ? c.agencyId : null;
  const at = Date.now();
  const visibility = step.visibility ?? (step.type === 'returned' || step.type === 'note' ? 'internal' : 'public');
  const event = { type: step.type, actorRole: step.actorRole, visibility, fromStatus: c.status, agencyId } as const;
  const ids = await applyComplaintChange(env.DB, {
    complaintId: c.id,
    version: c.version,
    to: step.to,
    at,
    set: step.type === 'forwarded' ? { agencyId, forwardedAt: at } : step.type === 'returned' ? { agencyId: null } : {},
    events: [event, ...(step.note ? [{ ...event, type: 'note', visibility: 'internal' as const, body: 'Catatan untuk instansi' }] : [])],
  });
  if (!ids) throw new Error(`could not take ${c.code} from ${c.status} to ${step.to}`);
  c.status = step.to;
  c.version++;
  if (step.type === 'forwarded') c.agencyId = agencyId;
  if (step.type === 'returned') c.agencyId = null;
  return ids;
}

/** A new complaint (in `category`) taken through `steps`; its `submitted` event first in `eventIds`. */
export async function complaintThrough(steps: Step[], category = 'air-bersih') {
  const { complaint, event } = await insertComplaint({ categoryId: await categoryIdOf(category) });
  const c: StoredComplaint = { id: complaint.id, code: complaint.code, status: 'submitted', version: 1, agencyId: null };
  const eventIds = [event.id];
  for (const step of steps) eventIds.push(...(await takeStep(c, step)));
  return { ...c, eventIds };
}

/** A complaint in `status`, forwarded (if ever) to `agency`. */
export async function complaintAt(status: ComplaintStatus, agency = 'pdam-giri-menang') {
  return complaintThrough(pathTo[status].map((step) => (step.type === 'forwarded' ? { ...step, agency } : step)));
}
