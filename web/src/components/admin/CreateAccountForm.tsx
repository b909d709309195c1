// A new staff account. The agency select appears (and is required) only for the agency role,
// and an agency's first account can take the agency's slug as its username in one click.
import { createSignal, For, Show } from 'solid-js';
import type { CreateStaffRequest, StaffAccount } from '../../../../worker/domain/api';
import { staffRoles } from '../../../../worker/domain/vocabulary';
import { createStaff } from '../../api/admin';
import { useMeta } from '../../api/meta';
import { useI18n, type MessageKey } from '../../i18n';
import {
  accountFields,
  checkAccount,
  createErrors,
  type AccountDraft,
  type FieldErrors,
} from './accountErrors';
import { AgencySelect } from './AgencySelect';
import { describedBy, Field } from '../Field';
import { PanelActions } from './PanelActions';
import { PasswordField } from './PasswordField';

export interface CreateAccountFormProps {
  onCreated: (account: StaffAccount, password: string) => void;
  onCancel: () => void;
}

const fieldId = (field: string) => `new-${field}`;

export function CreateAccountForm(props: CreateAccountFormProps) {
  const { t } = useI18n();
  const { meta } = useMeta();
  const [draft, setDraft] = createSignal<AccountDraft>({
    role: '',
    agency: '',
    username: '',
    displayName: '',
    password: '',
  });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [formError, setFormError] = createSignal<MessageKey>();
  const [sending, setSending] = createSignal(false);

  const error = (field: keyof FieldErrors) => {
    const key = errors()[field];
    return key ? t(key) : undefined;
  };
  const update = (change: Partial<AccountDraft>) => {
    setDraft({ ...draft(), ...change });
    const cleared = { ...errors() };
    for (const field of Object.keys(change)) delete cleared[field as keyof FieldErrors];
    setErrors(cleared);
  };
  const chosenAgency = () =>
    meta.state === 'ready' ? meta()!.agencies.find((a) => a.slug === draft().agency) : undefined;
  const useAgencySlug = () => {
    const agency = chosenAgency();
    if (!agency) return;
    update({ username: agency.slug, ...(draft().displayName.trim() ? {} : { displayName: agency.name }) });
  };
  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = accountFields.find((field) => found[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setFormError(undefined);
    const values = { ...draft(), username: draft().username.trim().toLowerCase() };
    const found = checkAccount(values);
    if (Object.keys(found).length > 0) return showErrors(found);
    const body: CreateStaffRequest = {
      username: values.username,
      displayName: values.displayName.trim(),
      role: values.role as CreateStaffRequest['role'],
      ...(values.role === 'agency' ? { agency: values.agency } : {}),
      password: values.password,
    };
    setSending(true);
    try {
      props.onCreated(await createStaff(body), body.password);
    } catch (failure) {
      const refused = createErrors(failure);
      setFormError(refused.form);
      showErrors(refused.fields);
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-form" aria-labelledby="admin-create-title" onSubmit={submit} novalidate>
      <Field class="admin-field" id={fieldId('role')} label={t('admin.field.role')} error={error('role')}>
        <select
          id={fieldId('role')}
          aria-invalid={error('role') ? true : undefined}
          aria-describedby={describedBy(fieldId('role'), { error: error('role') })}
          onChange={(e) => update({ role: e.currentTarget.value as AccountDraft['role'] })}
        >
          <option value="" selected={!draft().role}>
            {t('admin.field.roleChoose')}
          </option>
          <For each={staffRoles}>
            {(role) => (
              <option value={role} selected={draft().role === role}>
                {t(`admin.role.${role}`)}
              </option>
            )}
          </For>
        </select>
      </Field>
      <Show when={draft().role === 'agency'}>
        <Field class="admin-field" id={fieldId('agency')} label={t('admin.field.agency')} error={error('agency')}>
          <AgencySelect
            id={fieldId('agency')}
            value={draft().agency}
            onChange={(agency) => update({ agency })}
            emptyLabel={t('admin.field.agencyChoose')}
            invalid={!!error('agency')}
            describedBy={describedBy(fieldId('agency'), { error: error('agency') })}
          />
        </Field>
      </Show>
      <Field
        class="admin-field"
        id={fieldId('username')}
        label={t('admin.field.username')}
        hint={t('admin.field.usernameHint')}
        error={error('username')}
      >
        <input
          id={fieldId('username')}
          type="text"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          maxLength={40}
          value={draft().username}
          aria-invalid={error('username') ? true : undefined}
          aria-describedby={describedBy(fieldId('username'), { hint: true, error: error('username') })}
          onInput={(e) => update({ username: e.currentTarget.value })}
        />
        <Show when={draft().role === 'agency' && chosenAgency()}>
          {(agency) => (
            <button type="button" class="admin-link-button" onClick={useAgencySlug}>
              {t('admin.create.useSlug', { slug: agency().slug })}
            </button>
          )}
        </Show>
      </Field>
      <Field
        class="admin-field"
        id={fieldId('displayName')}
        label={t('admin.field.displayName')}
        error={error('displayName')}
      >
        <input
          id={fieldId('displayName')}
          type="text"
          autocomplete="off"
          value={draft().displayName}
          aria-invalid={error('displayName') ? true : undefined}
          aria-describedby={describedBy(fieldId('displayName'), { error: error('displayName') })}
          onInput={(e) => update({ displayName: e.currentTarget.value })}
        />
      </Field>
      <PasswordField
        id={fieldId('password')}
        label={t('admin.field.password')}
        value={draft().password}
        onInput={(password) => update({ password })}
        error={error('password')}
      />
      <PanelActions error={formError()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {sending() ? t('admin.create.sending') : t('admin.create.submit')}
        </button>
      </PanelActions>
    </form>
  );
}
