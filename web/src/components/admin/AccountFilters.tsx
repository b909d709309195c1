// Filters of the account list: text (applied after a pause in typing), role and agency.
import { createSignal, For, onCleanup } from 'solid-js';
import { staffRoles, type StaffRole } from '../../../../worker/domain/vocabulary';
import type { StaffQuery } from '../../api/admin';
import { useI18n } from '../../i18n';
import { AgencySelect } from './AgencySelect';

const TYPING_PAUSE_MS = 300;

export interface AccountFiltersProps {
  filters: StaffQuery;
  onChange: (change: StaffQuery) => void;
}

export function AccountFilters(props: AccountFiltersProps) {
  const { t } = useI18n();
  const [text, setText] = createSignal(props.filters.q ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const applyText = () => {
    clearTimeout(timer);
    props.onChange({ q: text().trim() || undefined });
  };
  onCleanup(() => clearTimeout(timer));

  return (
    <form
      class="admin-filters"
      role="search"
      aria-label={t('admin.filter.title')}
      onSubmit={(e) => {
        e.preventDefault();
        applyText();
      }}
    >
      <div class="admin-field">
        <label for="filter-q">{t('admin.filter.text')}</label>
        <input
          id="filter-q"
          type="search"
          autocomplete="off"
          autocapitalize="none"
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            clearTimeout(timer);
            timer = setTimeout(applyText, TYPING_PAUSE_MS);
          }}
        />
      </div>
      <div class="admin-field">
        <label for="filter-role">{t('admin.field.role')}</label>
        <select
          id="filter-role"
          onChange={(e) => props.onChange({ role: (e.currentTarget.value as StaffRole) || undefined })}
        >
          <option value="" selected={!props.filters.role}>
            {t('admin.filter.allRoles')}
          </option>
          <For each={staffRoles}>
            {(role) => (
              <option value={role} selected={props.filters.role === role}>
                {t(`admin.role.${role}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="admin-field">
        <label for="filter-agency">{t('admin.field.agency')}</label>
        <AgencySelect
          id="filter-agency"
          value={props.filters.agency ?? ''}
          onChange={(agency) => props.onChange({ agency: agency || undefined })}
          emptyLabel={t('admin.filter.allAgencies')}
        />
      </div>
    </form>
  );
}
