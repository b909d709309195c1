// The lifecycle of a complaint as one table: who may do what, from which status, and where
// it leads (DESIGN.md, "Lifecycle"). Routes ask `transition()`; anything not in the table
// is refused with 409.
import { type ActorRole, type ComplaintStatus, heldStatuses } from './vocabulary';

export const complaintActions = [
  'forward',
  'reject',
  'duplicate',
  'correct',
  'acknowledge',
  'respond',
  'return',
  'resolve',
  'reopen',
  'confirm',
  'close',
  'note',
  'comment',
] as const;
export type ComplaintAction = (typeof complaintActions)[number];

interface Rule {
  from: readonly ComplaintStatus[];
  action: ComplaintAction;
  roles: readonly ActorRole[];
  /** Where it leads; `same` keeps the status (notes, comments, corrections, responses). */
  to: ComplaintStatus | 'same';
}

const OPEN: readonly ComplaintStatus[] = ['submitted', 'forwarded', 'in_progress', 'resolved'];
const AT_AGENCY = heldStatuses;

export const lifecycle: readonly Rule[] = [
  // Moderators screen what citizens submit.
  { from: ['submitted'], action: 'forward', roles: ['moderator', 'admin', 'system'], to: 'forwarded' },
  { from: ['submitted'], action: 'reject', roles: ['moderator', 'admin'], to: 'rejected' },
  { from: ['submitted'], action: 'duplicate', roles: ['moderator', 'admin'], to: 'duplicate' },
  { from: ['submitted'], action: 'correct', roles: ['moderator', 'admin'], to: 'same' },
  // Moderators may move a complaint on to another agency while the first holds it.
  { from: AT_AGENCY, action: 'forward', roles: ['moderator', 'admin'], to: 'forwarded' },
  // The agency works on it.
  { from: ['forwarded'], action: 'acknowledge', roles: ['agency'], to: 'in_progress' },
  { from: ['forwarded'], action: 'respond', roles: ['agency'], to: 'in_progress' },
  { from: ['in_progress'], action: 'respond', roles: ['agency'], to: 'same' },
  // The system returns one that lands at an agency switched off (reopened there, or forwarded
  // as it was switched off): nobody there can open it any more.
  { from: AT_AGENCY, action: 'return', roles: ['agency', 'system'], to: 'submitted' },
  { from: AT_AGENCY, action: 'resolve', roles: ['agency'], to: 'resolved' },
  // The reporter closes the loop, or the cron does after 10 days.
  { from: ['resolved'], action: 'reopen', roles: ['citizen'], to: 'in_progress' },
  { from: ['resolved'], action: 'confirm', roles: ['citizen'], to: 'closed' },
  { from: ['resolved'], action: 'close', roles: ['system'], to: 'closed' },
  // Words without a change of status.
  { from: OPEN, action: 'note', roles: ['moderator', 'agency', 'admin'], to: 'same' },
  { from: [...OPEN, 'rejected', 'duplicate'], action: 'comment', roles: ['citizen'], to: 'same' },
];

/** The status an action leads to, or undefined when the table does not allow it. */
export function transition(from: ComplaintStatus, action: ComplaintAction, role: ActorRole): ComplaintStatus | undefined {
  const rule = lifecycle.find((r) => r.action === action && r.from.includes(from) && r.roles.includes(role));
  if (!rule) return undefined;
  return rule.to === 'same' ? from : rule.to;
}

/** Every action a role may take on a complaint in this status (for buttons in the desk). */
export function allowedActions(from: ComplaintStatus, role: ActorRole): ComplaintAction[] {
  return complaintActions.filter((action) => transition(from, action, role) !== undefined);
}
