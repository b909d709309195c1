// `/admin/instansi`: every agency, active or not (meta lists only the active ones). An admin
// switches one off or on, renames it, or adds a new one. A deactivated agency gets no new
// complaints (routing passes it by, forwards to it are refused) and its staff cannot sign in;
// the server refuses to switch off one that still holds complaints being handled.
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { agencyKinds, type AgencyKind } from '../../../../../worker/domain/vocabulary';
import { createAgency, listAgencies, updateAgency, type AdminAgency } from '../../../api/adminSettings';
import { useMeta } from '../../../api/meta';
import { useI18n, type MessageKey } from '../../../i18n';
import { describedBy, Field } from '../../Field';
import { PanelActions } from '../PanelActions';
import { isConflict, refusedFields, settingsErrorKey } from './errors';
import { ActiveRow, SlugSection } from './rows';

const SLUG = /^[a-z][a-z0-9-]{1,63}$/;
const nameError = (name: string): MessageKey | undefined =>
  name.trim().length < 3 || name.trim().length > 200 ? 'admin.error.name' : undefined;

/** The regencies of `/api/meta` as options after a first, empty one. */
export function RegencyOptions(props: { value: string; emptyLabel: string }) {
  const { meta } = useMeta();
  return (
    <>
      <option value="" selected={!props.value}>
        {props.emptyLabel}
      </option>
      <For each={meta.state === 'ready' ? meta()!.regencies : []}>
        {(r) => (
          <option value={r.code} selected={r.code === props.value}>
            {r.name}
          </option>
        )}
      </For>
    </>
  );
}

export function useRegencyName() {
  const { meta } = useMeta();
  return (code: string | null) =>
    (code && meta.state === 'ready' && meta()!.regencies.find((r) => r.code === code)?.name) || code || '';
}

function RenameForm(props: { agency: AdminAgency; onDone: (change: Partial<AdminAgency>) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = `rename-${props.agency.slug}`;
  const [name, setName] = createSignal(props.agency.name);
  const [shortName, setShortName] = createSignal(props.agency.shortName ?? '');
  const [invalid, setInvalid] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setInvalid(Boolean(nameError(name())));
    if (invalid()) return document.getElementById(`${id}-name`)?.focus();
    setSending(true);
    setError(undefined);
    try {
      const sent = { name: name().trim(), shortName: shortName().trim() || null };
      const stored = await updateAgency(props.agency.slug, sent);
      props.onDone({ name: stored.name ?? sent.name, shortName: stored.shortName ?? sent.shortName });
    } catch (failure) {
      setError(settingsErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-panel admin-form" aria-label={t('admin.agencies.rename')} novalidate onSubmit={(e) => void submit(e)}>
      <Field class="admin-field" id={`${id}-name`} label={t('admin.agencies.name')} error={invalid() ? t('admin.error.name') : undefined}>
        <input
          id={`${id}-name`}
          value={name()}
          aria-invalid={invalid() || undefined}
          aria-describedby={describedBy(`${id}-name`, { error: invalid() })}
          onInput={(e) => setName(e.currentTarget.value)}
          ref={(el) => queueMicrotask(() => el.focus())}
        />
      </Field>
      <Field class="admin-field" id={`${id}-short`} label={t('admin.agencies.shortName')}>
        <input id={`${id}-short`} value={shortName()} onInput={(e) => setShortName(e.currentTarget.value)} />
      </Field>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.settings.saving' : 'admin.settings.save')}
        </button>
      </PanelActions>
    </form>
  );
}

function AgencyRow(props: { agency: AdminAgency; onChange: (change: Partial<AdminAgency>) => void }) {
  const { t } = useI18n();
  const regencyName = useRegencyName();
  return (
    <ActiveRow
      row={props.agency}
      name={props.agency.name}
      save={(change) => updateAgency(props.agency.slug, change)}
      onChange={props.onChange}
      editLabel={t('admin.agencies.rename')}
      editedNotice={t('admin.agencies.renamed')}
      EditForm={(panel) => <RenameForm agency={props.agency} onDone={panel.onDone} onCancel={panel.onCancel} />}
    >
      <div class="account-head">
        <h3>{props.agency.name}</h3>
        <Show when={!props.agency.active}>
          <span class="account-badge account-badge-off">{t('admin.agencies.inactive')}</span>
        </Show>
      </div>
      <dl class="account-facts">
        <dt>{t('admin.agencies.slug')}</dt>
        <dd>{props.agency.slug}</dd>
        <Show when={props.agency.shortName}>
          <dt>{t('admin.agencies.shortName')}</dt>
          <dd>{props.agency.shortName}</dd>
        </Show>
        <dt>{t('admin.agencies.kind')}</dt>
        <dd>
          {t(`admin.kind.${props.agency.kind}`)}
          {props.agency.regencyCode ? ` · ${regencyName(props.agency.regencyCode)}` : ''}
        </dd>
      </dl>
    </ActiveRow>
  );
}

const newFields = ['slug', 'name', 'kind'] as const;
type NewField = (typeof newFields)[number];
const fieldErrors: Record<NewField, MessageKey> = { slug: 'admin.error.slug', name: 'admin.error.name', kind: 'admin.error.kind' };

function AddAgencyForm(props: { onAdded: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = createStore({ slug: '', name: '', shortName: '', kind: '' as AgencyKind | '', regencyCode: '' });
  const [errors, setErrors] = createStore<Partial<Record<NewField, MessageKey>>>({});
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();

  const show = (found: Partial<Record<NewField, MessageKey>>) => {
    setErrors({ slug: found.slug, name: found.name, kind: found.kind });
    const first = newFields.find((f) => found[f]);
    if (first) document.getElementById(`new-agency-${first}`)?.focus();
    return Boolean(first);
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setError(undefined);
    const found = {
      slug: SLUG.test(draft.slug) ? undefined : fieldErrors.slug,
      name: nameError(draft.name),
      kind: draft.kind ? undefined : fieldErrors.kind,
    };
    if (show(found)) return;
    setSending(true);
    try {
      await createAgency({
        slug: draft.slug,
        name: draft.name.trim(),
        kind: draft.kind as AgencyKind,
        ...(draft.shortName.trim() ? { shortName: draft.shortName.trim() } : {}),
        ...(draft.regencyCode ? { regencyCode: draft.regencyCode } : {}),
      });
      props.onAdded(draft.name.trim());
    } catch (failure) {
      if (isConflict(failure)) show({ slug: 'admin.error.slugTaken' });
      else if (!show(Object.fromEntries(refusedFields(failure, newFields).map((f) => [f, fieldErrors[f]])))) {
        setError(settingsErrorKey(failure));
      }
    } finally {
      setSending(false);
    }
  }

  const input = (field: 'slug' | 'name' | 'shortName', label: MessageKey, hint?: MessageKey) => {
    const id = `new-agency-${field}`;
    const wrong = () => (field === 'shortName' ? undefined : errors[field]);
    return (
      <Field class="admin-field" id={id} label={t(label)} hint={hint && t(hint)} error={wrong() && t(wrong()!)}>
        <input
          id={id}
          value={draft[field]}
          aria-invalid={Boolean(wrong()) || undefined}
          aria-describedby={describedBy(id, { hint, error: wrong() })}
          onInput={(e) => setDraft(field, e.currentTarget.value)}
        />
      </Field>
    );
  };

  return (
    <form class="admin-form admin-panel" aria-label={t('admin.agencies.add')} novalidate onSubmit={(e) => void submit(e)}>
      {input('slug', 'admin.agencies.slug', 'admin.agencies.slugHint')}
      {input('name', 'admin.agencies.name')}
      {input('shortName', 'admin.agencies.shortName')}
      <Field class="admin-field" id="new-agency-kind" label={t('admin.agencies.kind')} error={errors.kind && t(errors.kind)}>
        <select
          id="new-agency-kind"
          aria-invalid={Boolean(errors.kind) || undefined}
          aria-describedby={describedBy('new-agency-kind', { error: errors.kind })}
          onChange={(e) => setDraft('kind', e.currentTarget.value as AgencyKind)}
        >
          <option value="">{t('admin.rules.choose')}</option>
          <For each={agencyKinds}>{(kind) => <option value={kind}>{t(`admin.kind.${kind}`)}</option>}</For>
        </select>
      </Field>
      <Field class="admin-field" id="new-agency-regency" label={t('admin.agencies.regency')}>
        <select id="new-agency-regency" onChange={(e) => setDraft('regencyCode', e.currentTarget.value)}>
          <RegencyOptions value={draft.regencyCode} emptyLabel={t('admin.agencies.province')} />
        </select>
      </Field>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.settings.saving' : 'admin.agencies.add')}
        </button>
      </PanelActions>
    </form>
  );
}

export function AgenciesSection() {
  const { t } = useI18n();
  return (
    <SlugSection
      fetcher={listAgencies}
      addLabel={t('admin.agencies.add')}
      added={(name) => t('admin.agencies.added', { name })}
      empty={t('admin.agencies.empty')}
      AddForm={AddAgencyForm}
    >
      {(agency, onChange) => <AgencyRow agency={agency} onChange={onChange} />}
    </SlugSection>
  );
}
