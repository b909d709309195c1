// A stored complaint brought to a given status the way the API would have taken it there
// (each step one lifecycle change with its event), without sending anything to the queue.
import { env } from 'cloudflare:workers';
import { applyComplaintChange } from '../../worker/db/complaint-actions';
import type { ActorRole, ComplaintStatus } from '../../worker/domain/vocabulary';
import { insertComplaint } from './fixtures';

interface Step {
  to: ComplaintStatus;
  type: string;
  actorRole: ActorRole;
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

/** A complaint in `status`, forwarded (if ever) to `agency`. */
export async function complaintAt(status: ComplaintStatus, agency = 'pdam-giri-menang') {
  const { complaint } = await insertComplaint();
  const agencyId = await agencyIdOf(agency);
  let from: ComplaintStatus = 'submitted';
  let version = 1;
  for (const step of pathTo[status]) {
    const ids = await applyComplaintChange(env.DB, {
      complaintId: complaint.id,
      version,
      to: step.to,
      at: Date.now(),
      set: step.type === 'forwarded' ? { agencyId, forwardedAt: Date.now() } : {},
      events: [{ type: step.type, actorRole: step.actorRole, visibility: 'public', fromStatus: from, agencyId: step.actorRole === 'citizen' ? null : step.type === 'forwarded' || step.actorRole === 'agency' ? agencyId : null }],
    });
    if (!ids) throw new Error(`could not take ${complaint.code} to ${step.to}`);
    from = step.to;
    version++;
  }
  return { id: complaint.id, code: complaint.code, version, agencyId };
}
