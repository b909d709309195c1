// Messages a LiveInbox sends to its sockets: one discriminated union for worker and client.
import type { ComplaintStatus } from './vocabulary';

/** `agency:<id>`, `moderation` or `complaint:<code>`. */
export type LiveTopic = `agency:${number}` | 'moderation' | `complaint:${string}`;

export function isLiveTopic(value: string): value is LiveTopic {
  return /^(agency:\d+|moderation|complaint:NTB-[0-9A-HJKMNP-TV-Z]{8})$/.test(value);
}

export type LiveMessage =
  | { type: 'ready'; topic: LiveTopic }
  | {
      type: 'event';
      topic: LiveTopic;
      eventId: number;
      eventType: string;
      complaintCode: string;
      status: ComplaintStatus;
      version: number;
      /**
       * On an agency's topic: whether that agency holds the complaint (as the consumer read it).
       * A forward away from it is told to it too, and must not sound like an arrival.
       */
      heldHere?: boolean;
    };

/** How the server closes a live socket, beside the standard codes: the worker and the client read these alike. */
export const LIVE_CLOSE = {
  /** Its staff session ended (signed out, expired, disabled, agency switched off). */
  sessionEnded: 4001,
  /** An agency member's socket on a confidential complaint that left their agency: every reconnect would be refused. */
  movedAway: 4003,
  /** The complaint came back to their agency within the same delivery: reconnect, to be authorised anew. */
  reconnect: 1012,
} as const;

/**
 * What the queue consumer hands a LiveInbox: a message, and for an event on a complaint's
 * topic who holds the complaint from that event on (`heldBy`: the agency a forward gave it
 * to, null after a return to the moderators; absent: it did not move), which the object reads
 * and never sends. A `silent` event is told to no socket: an internal return published to a
 * confidential complaint's page only for its `heldBy`.
 */
export type PublishedMessage = LiveMessage | (Extract<LiveMessage, { type: 'event' }> & { heldBy?: number | null; silent?: true });
