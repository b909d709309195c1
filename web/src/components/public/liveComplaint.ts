// The tracking page follows `complaint:<code>` while it is open. A live message only says that
// something happened: the page re-reads the complaint, fresh (the catch-up is that same re-read,
// so a first answer the Worker shared from a few seconds ago is corrected as the socket opens) and
// says politely what is new. The topic opens once the complaint has loaded, so a code that is
// not found (or confidential without the token) never knocks on the socket.
import { createEffect, createMemo, createSignal, untrack, type Accessor } from 'solid-js';
import type { ComplaintView } from '../../../../worker/domain/api';
import type { LiveTopic } from '../../../../worker/domain/live';
import { getComplaint } from '../../api/complaints';
import { useI18n } from '../../i18n';
import { useLiveTopic } from '../../live/useLiveTopic';
import { eventLabel } from './timelineWords';

export interface FollowComplaintOptions {
  code: string;
  token: string | null;
  /** The complaint on screen, once loaded. */
  view: Accessor<ComplaintView | undefined>;
  update: (view: ComplaintView) => void;
}

export function followComplaint(options: FollowComplaintOptions) {
  const { t } = useI18n();
  const [said, setSaid] = createSignal('');
  const [troubled, setTroubled] = createSignal(false);
  const loaded = createMemo(() => !!options.view());
  const topic = createMemo<LiveTopic | null>(() => (loaded() ? `complaint:${options.code}` : null));

  /** Re-reads the complaint, shows it and says what is new; resolves with its newest event id. */
  async function reread(): Promise<number> {
    const fresh = await getComplaint(options.code, options.token, { fresh: true });
    const before = untrack(options.view);
    if (before && fresh.version < before.version) return newestId(before); // an older answer came late
    options.update(fresh);
    if (before) {
      const known = new Set(before.events.map((event) => event.id));
      const added = fresh.events.filter((event) => !known.has(event.id)).sort((a, b) => a.id - b.id).at(-1);
      const what = added ? eventLabel(added, t) : fresh.status !== before.status ? t(`status.${fresh.status}`) : null;
      if (what) setSaid(t('track.updated', { what }));
    }
    return newestId(fresh);
  }

  const live = useLiveTopic({
    topic,
    // Only a confidential complaint needs the reporter's token to be followed; it goes no further.
    protocols: () => {
      const token = options.token;
      return untrack(options.view)?.confidential && token ? ['ntbcare', `token.${token}`] : ['ntbcare'];
    },
    onCatchUp: async (since) => Math.max(since ?? 0, await reread()),
    onMessage: () => void reread().catch(() => undefined),
  });
  createEffect(() => live.state() !== 'connecting' && setTroubled(live.state() === 'offline'));

  return {
    said,
    /** From a lost (or refused) connection until live again: no noise on a first connect that works. */
    reconnecting: troubled,
    /** An agency's member on a confidential complaint that left their agency: the page stops following. */
    movedAway: () => live.state() === 'ended',
  };
}

const newestId = (view: ComplaintView) => view.events.reduce((max, event) => Math.max(max, event.id), 0);
