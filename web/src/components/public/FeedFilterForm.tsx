// The feed's three filters. Each choice applies at once (and lands in the address).
import { For, Show } from 'solid-js';
import { feedStatuses } from '../../../../worker/domain/api';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import type { FeedFilters } from './feedFilters';

export interface FeedFilterFormProps {
  filters: FeedFilters;
  onChange: (change: Partial<Record<keyof FeedFilters, string | undefined>>) => void;
}

export function FeedFilterForm(props: FeedFilterFormProps) {
  const { t, pick } = useI18n();
  const { meta, reload } = useMeta();
  const ready = () => meta.state === 'ready';
  const pickValue = (e: Event & { currentTarget: HTMLSelectElement }) =>
    e.currentTarget.value || undefined;

  return (
    <form
      class="feed-filters"
      aria-label={t('feed.filters.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div class="feed-filter">
        <label for="feed-category">{t('feed.filters.category')}</label>
        <select
          id="feed-category"
          disabled={!ready()}
          onChange={(e) => props.onChange({ category: pickValue(e) })}
        >
          <option value="" selected={!props.filters.category}>
            {t('feed.filters.allCategories')}
          </option>
          <For each={ready() ? meta()!.categories : []}>
            {(category) => (
              <option value={category.slug} selected={category.slug === props.filters.category}>
                {pick(category.name)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="feed-filter">
        <label for="feed-regency">{t('feed.filters.regency')}</label>
        <select
          id="feed-regency"
          disabled={!ready()}
          onChange={(e) => props.onChange({ regency: pickValue(e) })}
        >
          <option value="" selected={!props.filters.regency}>
            {t('feed.filters.allRegencies')}
          </option>
          <For each={ready() ? meta()!.regencies : []}>
            {(regency) => (
              <option value={regency.code} selected={regency.code === props.filters.regency}>
                {regency.name}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="feed-filter">
        <label for="feed-status">{t('feed.filters.status')}</label>
        <select id="feed-status" onChange={(e) => props.onChange({ status: pickValue(e) })}>
          <option value="" selected={!props.filters.status}>
            {t('feed.filters.allStatuses')}
          </option>
          <For each={feedStatuses}>
            {(status) => (
              <option value={status} selected={status === props.filters.status}>
                {t(`status.${status}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={meta.state === 'errored'}>
        <div class="feed-filters-error">
          <p role="alert">
            {t('feed.filters.error')} {t(errorMessageKey(meta.error))}
          </p>
          <button type="button" onClick={reload}>
            {t('error.retry')}
          </button>
        </div>
      </Show>
    </form>
  );
}
