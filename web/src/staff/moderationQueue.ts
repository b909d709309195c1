// The desk's lists as the API pages them: the complaints waiting for a moderator, oldest
// first, and those agencies hold past due, most overdue first. The first page is the API's
// largest; the next ones load as the moderator nears the end of what is loaded.
import { batch, createSignal } from 'solid-js';
import type { ModerationItem, OverdueItem } from '../../../worker/domain/api';
import { getModerationQueue, getOverdue } from './api';

export type QueueStatus = 'loading' | 'ready' | 'error';

/** What a list's entries have in common: a complaint at a version. */
interface Listed {
  code: string;
  version: number;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export interface PagedList<T extends Listed> {
  status: () => QueueStatus;
  error: () => unknown;
  items: () => T[];
  /** How many wait in all, loaded or not. */
  total: () => number;
  hasMore: () => boolean;
  moreStatus: () => 'idle' | 'loading' | 'error';
  /** Loads from the start again, at least as far as `atLeast` complaints when there are that many. */
  reload: (atLeast?: number) => Promise<void>;
  loadMore: () => Promise<void>;
  find: (code: string) => T | undefined;
  remove: (code: string) => void;
  replace: (item: T) => void;
}

export type ModerationQueue = PagedList<ModerationItem>;
export type OverdueList = PagedList<OverdueItem>;

/** `onError` hears every failure first (a 401 ends the session). */
export const createModerationQueue = (onError: (error: unknown) => void): ModerationQueue => createPagedList(getModerationQueue, onError);

export const createOverdueList = (onError: (error: unknown) => void): OverdueList => createPagedList(getOverdue, onError);

function createPagedList<T extends Listed>(getPage: (cursor: string | null) => Promise<Page<T>>, onError: (error: unknown) => void): PagedList<T> {
  const [status, setStatus] = createSignal<QueueStatus>('loading');
  const [error, setError] = createSignal<unknown>();
  const [items, setItems] = createSignal<T[]>([]);
  const [total, setTotal] = createSignal(0);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [moreStatus, setMoreStatus] = createSignal<'idle' | 'loading' | 'error'>('idle');
  // A reload makes any page still on its way stale.
  let generation = 0;

  /** Adds a page, leaving out complaints already listed (the queue moves between pages). */
  const append = (list: T[], page: T[]) => {
    const known = new Set(list.map((item) => item.code));
    return [...list, ...page.filter((item) => !known.has(item.code))];
  };

  async function reload(atLeast = 0) {
    const mine = ++generation;
    if (status() !== 'ready') setStatus('loading');
    try {
      let page = await getPage(null);
      let list = page.items;
      for (let pages = 1; page.nextCursor && list.length < atLeast && pages < 10; pages++) {
        page = await getPage(page.nextCursor);
        list = append(list, page.items);
      }
      if (mine !== generation) return;
      // An unchanged complaint keeps its object, so its entry (and any focus or half-filled
      // form on it) stays put while a live reload brings in others.
      const unchanged = new Map(items().map((item) => [`${item.code}@${item.version}`, item]));
      list = list.map((item) => unchanged.get(`${item.code}@${item.version}`) ?? item);
      batch(() => {
        setItems(list);
        setTotal(page.total);
        setCursor(page.nextCursor);
        setMoreStatus('idle');
        setStatus('ready');
      });
    } catch (failure) {
      if (mine !== generation) return;
      onError(failure);
      batch(() => {
        setError(failure);
        setStatus('error');
      });
    }
  }

  async function loadMore() {
    const from = cursor();
    if (!from || moreStatus() === 'loading') return;
    const mine = generation;
    setMoreStatus('loading');
    try {
      const page = await getPage(from);
      if (mine !== generation) return;
      batch(() => {
        setItems((list) => append(list, page.items));
        setTotal(page.total);
        setCursor(page.nextCursor);
        setMoreStatus('idle');
      });
    } catch (failure) {
      if (mine !== generation) return;
      onError(failure);
      setMoreStatus('error');
    }
  }

  void reload();

  return {
    status,
    error,
    items,
    total,
    hasMore: () => cursor() !== null,
    moreStatus,
    reload,
    loadMore,
    find: (code) => items().find((item) => item.code === code),
    remove(code) {
      batch(() => {
        setItems((list) => list.filter((item) => item.code !== code));
        setTotal((n) => Math.max(0, n - 1));
      });
    },
    replace: (next) => setItems((list) => list.map((item) => (item.code === next.code ? next : item))),
  };
}
