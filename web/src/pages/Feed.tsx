// `/pengaduan`: the public feed of verified, non-confidential complaints, as a list that grows
// page by page or as a map of those with a pin. Filters and view live in the address.
import { useSearchParams } from '@solidjs/router';
import {
  createMemo,
  createResource,
  ErrorBoundary,
  For,
  lazy,
  Match,
  Show,
  Suspense,
  Switch,
} from 'solid-js';
import { ntbBounds, type FeedItem, type MapConfig } from '../../../worker/domain/api';
import { getFeed } from '../api/complaints';
import { useMeta } from '../api/meta';
import { LoadError } from '../components/LoadError';
import { FeedCard } from '../components/public/FeedCard';
import { FeedFilterForm } from '../components/public/FeedFilterForm';
import {
  filtersFromSearch,
  filtersKey,
  hasFilters,
  viewFromSearch,
  type FeedFilters,
  type FeedView,
} from '../components/public/feedFilters';
import { createFeedList } from '../components/public/feedList';
import { PinnedList } from '../components/public/PinnedList';
import { useI18n, usePageTitle } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import './Feed.css';

// Leaflet and its CSS come with this chunk, fetched only when the map is opened.
const FeedMap = lazy(() => import('../components/public/FeedMap'));
/** The map shows at most this many pins (the API's limit for `pinned=true`). */
const MAP_LIMIT = 200;

function FeedListView(props: { filters: FeedFilters; clearFilters: () => void }) {
  const { t } = useI18n();
  const feed = createFeedList(() => props.filters);
  return (
    <Switch>
      <Match when={feed.state() === 'error'}>
        <LoadError message={`${t('feed.error')} ${t(errorMessageKey(feed.error()))}`} onRetry={feed.retry} />
      </Match>
      <Match when={feed.state() === 'loading'}>
        <p role="status">{t('feed.loading')}</p>
      </Match>
      <Match when={feed.items().length === 0}>
        <div class="feed-empty">
          <p role="status">{hasFilters(props.filters) ? t('feed.emptyFiltered') : t('feed.empty')}</p>
          <Show when={hasFilters(props.filters)}>
            <button type="button" onClick={props.clearFilters}>
              {t('feed.filters.clear')}
            </button>
          </Show>
        </div>
      </Match>
      <Match when={true}>
        <p class="visually-hidden" role="status">
          {t('feed.count', { count: String(feed.items().length) })}
        </p>
        <ul class="feed-list">
          <For each={feed.items()}>
            {(item) => (
              <li>
                <FeedCard item={item} />
              </li>
            )}
          </For>
        </ul>
        <Show when={feed.hasMore()}>
          <div class="feed-more">
            <Show when={feed.moreState() === 'error'}>
              <p role="alert">
                {t('feed.moreError')} {t(errorMessageKey(feed.moreError()))}
              </p>
            </Show>
            <button
              type="button"
              onClick={() => void feed.loadMore()}
              aria-disabled={feed.moreState() === 'loading'}
            >
              {feed.moreState() === 'loading' ? t('feed.loadingMore') : t('feed.loadMore')}
            </button>
          </div>
        </Show>
      </Match>
    </Switch>
  );
}

/** Without `/api/meta` the map still shows NTB and its pins, only without tiles. */
const offlineMap: MapConfig = { tileUrl: null, attribution: '', bounds: ntbBounds };

function FeedMapView(props: { filters: FeedFilters }) {
  const { t } = useI18n();
  const { meta } = useMeta();
  const [pinned, { refetch }] = createResource(
    () => props.filters,
    (filters) => getFeed({ ...filters, pinned: true, limit: MAP_LIMIT }),
  );
  // The pins of the last answer stay on the map while the next one loads.
  const items = createMemo<FeedItem[]>(
    (shown) => (pinned.state === 'ready' ? pinned()!.items : shown),
    [],
  );
  const config = () => {
    if (meta.state === 'ready') return meta()!.map;
    return meta.state === 'errored' ? offlineMap : undefined;
  };
  const statusText = () => {
    if (pinned.state !== 'ready') return t('map.loading');
    const count = String(items().length);
    return t(pinned()!.nextCursor ? 'map.countLimited' : 'map.count', { count });
  };
  return (
    <section class="feed-map-view" aria-labelledby="feed-map-title">
      <h2 id="feed-map-title">{t('map.title')}</h2>
      <p>{t('map.intro')}</p>
      <Show
        when={pinned.state === 'errored'}
        fallback={<p role="status">{statusText()}</p>}
      >
        <LoadError message={`${t('map.error')} ${t(errorMessageKey(pinned.error))}`} onRetry={() => void refetch()} />
      </Show>
      <Show when={config()} keyed>
        {(mapConfig) => (
          <ErrorBoundary
            fallback={(_, reset) => (
              <LoadError message={t('map.loadError')} onRetry={reset} />
            )}
          >
            <Suspense fallback={<p class="feed-map-placeholder">{t('map.loading')}</p>}>
              <FeedMap items={items()} config={mapConfig} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
      <PinnedList items={items()} />
    </section>
  );
}

export default function Feed() {
  const { t } = useI18n();
  usePageTitle('feed.pageTitle');
  const [search, setSearch] = useSearchParams();
  const filters = createMemo(() => filtersFromSearch(search), undefined, {
    equals: (a, b) => filtersKey(a) === filtersKey(b),
  });
  const view = (): FeedView => viewFromSearch(search);
  const showView = (next: FeedView) =>
    setSearch({ view: next === 'map' ? 'map' : undefined }, { replace: true });
  const clearFilters = () =>
    setSearch({ category: undefined, regency: undefined, status: undefined }, { replace: true });

  return (
    <section class="feed" aria-labelledby="feed-title">
      <h1 id="feed-title">{t('feed.title')}</h1>
      <p>{t('feed.intro')}</p>
      <FeedFilterForm filters={filters()} onChange={(change) => setSearch(change, { replace: true })} />
      <div class="feed-view-switch" role="group" aria-label={t('feed.view.label')}>
        <button type="button" aria-pressed={view() === 'list'} onClick={() => showView('list')}>
          {t('feed.view.list')}
        </button>
        <button type="button" aria-pressed={view() === 'map'} onClick={() => showView('map')}>
          {t('feed.view.map')}
        </button>
      </div>
      <Show
        when={view() === 'map'}
        fallback={<FeedListView filters={filters()} clearFilters={clearFilters} />}
      >
        <FeedMapView filters={filters()} />
      </Show>
    </section>
  );
}
