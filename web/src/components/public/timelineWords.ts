// The words for a timeline event: what happened and who did it.
import { type RejectReason, rejectReasons, type TimelineEvent } from '../../../../worker/domain/api';
import type { I18n, MessageKey } from '../../i18n';

/** Event types the client has words for; any other type reads as a generic update. */
const eventTypes = [
  'submitted',
  'comment',
  'forwarded',
  'rejected',
  'duplicate',
  'acknowledged',
  'response',
  'returned',
  'resolved',
  'reopened',
  'confirmed',
  'closed',
] as const;
type KnownEventType = (typeof eventTypes)[number];

const isKnown = (type: string): type is KnownEventType =>
  (eventTypes as readonly string[]).includes(type);

const labelKey = (type: string): MessageKey =>
  isKnown(type) ? `track.event.${type}` : 'track.event.other';

/** "Diteruskan ke PDAM Giri Menang" when the event names the agency it went to. */
export function eventLabel(event: TimelineEvent, t: I18n['t']): string {
  if (event.type === 'forwarded' && event.agency) {
    return t('track.event.forwardedTo', { agency: event.agency.name });
  }
  return t(labelKey(event.type));
}

/** The agency by name where there is one; otherwise the role, never a staff member's name. */
export function actorText(event: TimelineEvent, t: I18n['t']): string {
  if (event.actor === 'agency' && event.agency) return event.agency.name;
  return t(`track.actor.${event.actor}`);
}

export function statusChangeText(event: TimelineEvent, t: I18n['t']): string | null {
  if (!event.toStatus || event.toStatus === event.fromStatus) return null;
  const to = t(`status.${event.toStatus}`);
  return event.fromStatus
    ? t('track.statusChange', { from: t(`status.${event.fromStatus}`), to })
    : t('track.statusSet', { to });
}

/** Why a complaint was rejected, from the moderator's chosen reason. */
export function rejectionReasonText(event: TimelineEvent, t: I18n['t']): string | null {
  const reason = event.details?.reason;
  if (event.type !== 'rejected' || typeof reason !== 'string' || !(rejectReasons as readonly string[]).includes(reason)) return null;
  return t('track.reason', { reason: t(`track.reason.${reason as RejectReason}`) });
}

/** The code of the complaint this one repeats, when a moderator marked it a duplicate. */
export function duplicateOfCode(event: TimelineEvent): string | null {
  const of = event.details?.of;
  return event.type === 'duplicate' && typeof of === 'string' && /^NTB-[0-9A-HJKMNP-TV-Z]{8}$/.test(of) ? of : null;
}
