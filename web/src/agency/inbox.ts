// The agency's inbox as a store: the list (newest activity first), the open counts by status,
// a status filter, and the cursor for catching up with what happened since (useLiveTopic).
// A refresh asked for while one runs is folded into one more, never run side by side.
import { createSignal } from 'solid-js';
import type { ComplaintView, InboxEventsResponse, InboxItem } from '../../../worker/domain/api';
import type { ComplaintStatus } from '../../../worker/domain/vocabulary';
import { getInbox, getInboxEvents } from './api';

export type InboxEvent = InboxEventsResponse['events'][number];
export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * A complaint just forwarded to us: the one kind of event that calls for a beep. A forward away
 * from us (to another agency) is told to us too, with `heldHere` false.
 */
export const isArrival = (event: { eventType: string; status: ComplaintStatus; heldHere?: boolean }) =>
  event.eventType === 'forwarded' && event.status === 'forwarded' && event.heldHere !== false;

export function createInbox(options: { onError: (error: unknown) => void }) {
  const [filter, setFilterSignal] = createSignal<ComplaintStatus | null>(null);
  const [items, setItems] = createSignal<InboxItem[]>([]);
  const [counts, setCounts] = createSignal<Partial<Record<ComplaintStatus, number>>>({});
  const [nextCursor, setNextCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<LoadStatus>('loading');
  const [moreStatus, setMoreStatus] = createSignal<'idle' | 'loading' | 'error'>('idle');
  const [error, setError] = createSignal<unknown>();
  /** The newest event id the list reflects; null before the first load. */
  let cursor: number | null = null;
  let running: Promise<number> | null = null;
  let again = false;

  /** Loads the first page again (the filter may change meanwhile: the last word counts). */
  function refresh(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        for (;;) {
          again = false;
          const response = await getInbox(filter());
          if (again) continue;
          setItems(response.items);
          setCounts(response.counts);
          setNextCursor(response.nextCursor);
          setStatus('ready');
          setMoreStatus('idle');
          cursor = Math.max(cursor ?? 0, response.lastEventId);
          return cursor;
        }
      } catch (failure) {
        setError(failure);
        if (status() !== 'ready') setStatus('error');
        options.onError(failure);
        throw failure;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    filter,
    items,
    counts,
    status,
    moreStatus,
    error,
    hasMore: () => nextCursor() !== null,
    refresh,
    setFilter(next: ComplaintStatus | null) {
      if (next === filter()) return;
      setFilterSignal(next); // the list shown stays until the filtered one comes
      void refresh().catch(() => undefined);
    },
    async loadMore() {
      const after = nextCursor();
      if (!after || moreStatus() === 'loading') return;
      setMoreStatus('loading');
      try {
        const response = await getInbox(filter(), after);
        const known = new Set(items().map((item) => item.code));
        setItems([...items(), ...response.items.filter((item) => !known.has(item.code))]);
        setNextCursor(response.nextCursor);
        setMoreStatus('idle');
      } catch (failure) {
        setMoreStatus('error');
        options.onError(failure);
      }
    },
    /**
     * What happened after `since` (null: after what the list shows, once loaded). Resolves with
     * the events and the newest id they cover; the list is loaded again when anything happened.
     * The list may then show later events too, but their news (an arrival) is told only when
     * they come live or with the next catch-up, so the mark stays at what the events read.
     */
    async catchUp(since: number | null): Promise<{ events: InboxEvent[]; lastEventId: number }> {
      const from = since ?? cursor;
      if (from === null) return { events: [], lastEventId: await (running ?? refresh()) };
      const { events, lastEventId } = await getInboxEvents(from);
      cursor = Math.max(cursor ?? 0, events.length ? await refresh() : lastEventId);
      return { events, lastEventId };
    },
    /** An action's answer, in place: the list shows what the API now says of the complaint. */
    updateFrom(view: ComplaintView, answered: boolean) {
      setItems(
        items().map((item) =>
          item.code === view.code
            ? {
                ...item,
                title: view.title,
                status: view.status,
                priority: view.priority,
                version: view.version,
                isNew: item.isNew && view.status === 'forwarded',
                firstResponseAt: item.firstResponseAt ?? (answered ? view.updatedAt : null),
              }
            : item,
        ),
      );
    },
    find: (code: string) => items().find((item) => item.code === code),
  };
}

export type Inbox = ReturnType<typeof createInbox>;
