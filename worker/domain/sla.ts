// Service-level targets: when each complaint is due, and when it is late. NTB Care's own
// tiers (DESIGN.md): moderators 24 hours from submission; agencies 1 / 24 / 48 hours from
// forwarding to their first public response; a resolved complaint closes itself after
// 10 days without the reporter's answer (LAPOR!'s rule).
import { moderationTargetMs, type ComplaintStatus, type Priority, priorities, responseTargetMs } from './vocabulary';

/** The targets in force: NTB Care's defaults until an administrator changes them. */
export interface Targets {
  moderationMs: number;
  responseMs: Record<Priority, number>;
}

export const defaultTargets: Targets = { moderationMs: moderationTargetMs, responseMs: { ...responseTargetMs } };

/** Hours as admins edit them ↔ the milliseconds the rules use. */
export function targetsFromHours(h: { moderation: number } & Record<Priority, number>): Targets {
  const ms = (hours: number) => Math.round(hours * 3_600_000);
  return { moderationMs: ms(h.moderation), responseMs: Object.fromEntries(priorities.map((p) => [p, ms(h[p])])) as Record<Priority, number> };
}
export function targetsToHours(t: Targets): { moderation: number } & Record<Priority, number> {
  const h = (ms: number) => ms / 3_600_000;
  return { moderation: h(t.moderationMs), urgent: h(t.responseMs.urgent), important: h(t.responseMs.important), normal: h(t.responseMs.normal) };
}

export const AUTO_CLOSE_AFTER_MS = 10 * 24 * 60 * 60 * 1000;

export type BreachKind = 'moderation' | 'response';

export function moderationDueAt(submittedAt: number, targets: Targets = defaultTargets): number {
  return submittedAt + targets.moderationMs;
}

export function responseDueAt(forwardedAt: number, priority: Priority, targets: Targets = defaultTargets): number {
  return forwardedAt + targets.responseMs[priority];
}

/**
 * Which target a complaint has missed at `now`, if any. `dueAt` is when the next step is
 * owed: set by submission, forwarding, a return and a reopening; cleared by the agency's
 * public answer, a resolution and the end of the road.
 */
export function breachOf(c: { status: ComplaintStatus; dueAt: number | null }, now: number): BreachKind | undefined {
  if (c.dueAt === null || c.dueAt > now) return undefined;
  if (c.status === 'submitted') return 'moderation';
  if (c.status === 'forwarded' || c.status === 'in_progress') return 'response';
  return undefined;
}

export function dueToAutoClose(c: { status: ComplaintStatus; resolvedAt: number | null }, now: number): boolean {
  return c.status === 'resolved' && c.resolvedAt !== null && c.resolvedAt + AUTO_CLOSE_AFTER_MS <= now;
}
