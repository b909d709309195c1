// The public feed as a list that grows: the first page follows the filters, and "load more"
// appends the next page by its cursor. An answer for filters no longer shown is dropped.
import { createComputed, createMemo, createResource, createSignal, on, type Accessor } from 'solid-js';
import type { FeedItem, FeedResponse } from '../../../../worker/domain/api';
import { getFeed } from '../../api/complaints';
import { filtersKey, type FeedFilters } from './feedFilters';

export type FeedListState = 'loading' | 'error' | 'ready';

export function createFeedList(filters: Accessor<FeedFilters>) {
  const [firstPage, { refetch }] = createResource(filters, (f) => getFeed(f));
  const [morePages, setMorePages] = createSignal<FeedResponse[]>([]);
  const [moreState, setMoreState] = createSignal<'idle' | 'loading' | 'error'>('idle');
  const [moreError, setMoreError] = createSignal<unknown>();

  /** Bumped on every restart, so a "load more" answer for an earlier list is dropped. */
  let generation = 0;
  const reset = () => {
    generation++;
    setMorePages([]);
    setMoreState('idle');
  };
  // New filters start again from their first page.
  createComputed(on(() => filtersKey(filters()), reset, { defer: true }));

  const state = (): FeedListState => {
    if (firstPage.state === 'errored') return 'error';
    return firstPage.state === 'ready' ? 'ready' : 'loading';
  };
  const pages = () => (state() === 'ready' ? [firstPage()!, ...morePages()] : []);
  const items = createMemo(() => {
    const seen = new Set<string>();
    const all: FeedItem[] = [];
    for (const page of pages()) {
      for (const item of page.items) {
        if (!seen.has(item.code)) all.push(item);
        seen.add(item.code);
      }
    }
    return all;
  });
  const nextCursor = () => pages().at(-1)?.nextCursor ?? null;

  async function loadMore() {
    const cursor = nextCursor();
    if (!cursor || moreState() === 'loading') return;
    const started = generation;
    setMoreState('loading');
    try {
      const page = await getFeed({ ...filters(), cursor });
      if (started !== generation) return;
      setMorePages((before) => [...before, page]);
      setMoreState('idle');
    } catch (error) {
      if (started !== generation) return;
      setMoreError(error);
      setMoreState('error');
    }
  }

  return {
    state,
    error: () => firstPage.error as unknown,
    items,
    hasMore: () => nextCursor() !== null,
    moreState,
    moreError,
    loadMore,
    retry: () => {
      reset();
      void refetch();
    },
  };
}
