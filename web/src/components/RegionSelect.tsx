// One labelled select of the region picker, with its loading and error states in words.
import { For, Show } from 'solid-js';
import type { RegionList } from '../api/regions';
import { useI18n } from '../i18n';
import { errorMessageKey } from '../i18n/messages';

export type RegionLevel = 'regency' | 'district' | 'village';

export interface RegionSelectProps {
  level: RegionLevel;
  list: RegionList;
  selected: string | null;
  onSelect: (code: string | null) => void;
}

export function RegionSelect(props: RegionSelectProps) {
  const { t } = useI18n();
  const statusId = () => `${props.level}-status`;
  const placeholder = () =>
    props.list.status() === 'waiting' && props.level !== 'regency'
      ? t(`picker.${props.level}.waiting`)
      : t(`picker.${props.level}.choose`);
  const statusText = () => {
    const status = props.list.status();
    if (status === 'loading') return t(`picker.${props.level}.loading`);
    if (status === 'error') {
      return `${t(`picker.${props.level}.error`)} ${t(errorMessageKey(props.list.error()))}`;
    }
    return '';
  };

  return (
    <div class="region-field">
      <label for={props.level}>{t(`picker.${props.level}.label`)}</label>
      <select
        id={props.level}
        name={props.level}
        disabled={props.list.status() !== 'ready'}
        aria-describedby={statusId()}
        onChange={(e) => props.onSelect(e.currentTarget.value || null)}
      >
        <option value="" selected={!props.selected}>
          {placeholder()}
        </option>
        <For each={props.list.regions()}>
          {(region) => (
            <option value={region.code} selected={region.code === props.selected}>
              {region.name}
            </option>
          )}
        </For>
      </select>
      <div class="region-status">
        <p id={statusId()} role="status" classList={{ error: props.list.status() === 'error' }}>
          {statusText()}
        </p>
        <Show when={props.list.status() === 'error'}>
          <button type="button" onClick={() => props.list.retry()}>
            {t('error.retry')}
          </button>
        </Show>
      </div>
    </div>
  );
}
