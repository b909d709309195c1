// The complaint categories from `/api/meta`: icon, name and what belongs in each.
import { For, Match, Switch } from 'solid-js';
import type { CategoryInfo } from '../../../worker/domain/api';
import { useMeta } from '../api/meta';
import { useI18n } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import { categoryGlyph } from './categoryGlyph';
import { LoadError } from './LoadError';
import './CategoryList.css';

function CategoryIcon(props: { category: CategoryInfo; name: string }) {
  return (
    <span class="category-icon" aria-hidden="true">
      {categoryGlyph(props.category, props.name)}
    </span>
  );
}

export function CategoryList() {
  const { t, pick } = useI18n();
  const { meta, reload } = useMeta();
  return (
    <Switch>
      <Match when={meta.state === 'errored'}>
        <LoadError message={`${t('home.categories.error')} ${t(errorMessageKey(meta.error))}`} onRetry={reload} />
      </Match>
      <Match when={meta.state !== 'ready'}>
        <p role="status">{t('home.categories.loading')}</p>
      </Match>
      <Match when={meta()?.categories.length === 0}>
        <p>{t('home.categories.empty')}</p>
      </Match>
      <Match when={meta()}>
        {(data) => (
          <ul class="category-list">
            <For each={data().categories}>
              {(category) => (
                <li>
                  <CategoryIcon category={category} name={pick(category.name)} />
                  <div>
                    <h3>{pick(category.name)}</h3>
                    <p>{pick(category.description)}</p>
                  </div>
                </li>
              )}
            </For>
          </ul>
        )}
      </Match>
    </Switch>
  );
}
