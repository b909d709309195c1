// The category as a list of radio cards: icon, name and what belongs in it, from `/api/meta`.
import { For, Match, Show, Switch } from 'solid-js';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { categoryGlyph } from '../categoryGlyph';
import './CategoryField.css';

export interface CategoryFieldProps {
  value: string;
  onChange: (slug: string) => void;
  error?: string;
}

export function CategoryField(props: CategoryFieldProps) {
  const { t, pick } = useI18n();
  const { meta, reload } = useMeta();
  return (
    <fieldset
      id="report-category"
      class="field category-field"
      classList={{ invalid: !!props.error }}
      aria-describedby={props.error ? 'report-category-error' : undefined}
    >
      <legend>{t('report.category.label')}</legend>
      <Show when={props.error}>
        <p id="report-category-error" class="field-error">
          {props.error}
        </p>
      </Show>
      <Switch>
        <Match when={meta.state === 'errored'}>
          <p class="field-error">
            {t('report.category.error')} {t(errorMessageKey(meta.error))}
          </p>
          <button type="button" onClick={reload}>
            {t('error.retry')}
          </button>
        </Match>
        <Match when={meta.state !== 'ready'}>
          <p role="status">{t('report.category.loading')}</p>
        </Match>
        <Match when={meta()}>
          {(data) => (
            <div class="category-options">
              <For each={data().categories}>
                {(category) => (
                  <label class="category-option">
                    <input
                      type="radio"
                      name="category"
                      value={category.slug}
                      checked={props.value === category.slug}
                      aria-invalid={props.error ? 'true' : undefined}
                      aria-labelledby={`category-${category.slug}-name`}
                      aria-describedby={`category-${category.slug}-description`}
                      onChange={() => props.onChange(category.slug)}
                    />
                    <span class="category-glyph" aria-hidden="true">
                      {categoryGlyph(category, pick(category.name))}
                    </span>
                    <span class="category-text">
                      <span id={`category-${category.slug}-name`} class="category-name">{pick(category.name)}</span>
                      <span id={`category-${category.slug}-description`} class="category-description">{pick(category.description)}</span>
                    </span>
                  </label>
                )}
              </For>
            </div>
          )}
        </Match>
      </Switch>
    </fieldset>
  );
}
