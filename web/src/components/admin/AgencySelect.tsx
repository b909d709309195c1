// The agencies of `/api/meta` as a select, for the filter and for a new agency account.
import { For, Show } from 'solid-js';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';

export interface AgencySelectProps {
  id: string;
  value: string;
  onChange: (slug: string) => void;
  /** The first option, with the empty value: "all agencies" or "choose an agency". */
  emptyLabel: string;
  invalid?: boolean;
  describedBy?: string;
}

export function AgencySelect(props: AgencySelectProps) {
  const { t } = useI18n();
  const { meta, reload } = useMeta();
  const agencies = () => (meta.state === 'ready' ? meta()!.agencies : []);
  return (
    <>
      <select
        id={props.id}
        disabled={meta.state !== 'ready'}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="" selected={!props.value}>
          {meta.state === 'ready' ? props.emptyLabel : t('admin.agency.loading')}
        </option>
        <For each={agencies()}>
          {(agency) => (
            <option value={agency.slug} selected={agency.slug === props.value}>
              {agency.shortName ? `${agency.name} (${agency.shortName})` : agency.name}
            </option>
          )}
        </For>
      </select>
      <Show when={meta.state === 'errored'}>
        <p class="field-error" role="alert">
          {t('admin.agency.error')} {t(errorMessageKey(meta.error))}{' '}
          <button type="button" class="admin-link-button" onClick={reload}>
            {t('error.retry')}
          </button>
        </p>
      </Show>
    </>
  );
}
