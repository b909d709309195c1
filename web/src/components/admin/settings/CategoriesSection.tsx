// `/admin/kategori`: every complaint category, active or not. An admin switches one off or
// on, edits its names and default priority, or adds a new one. A deactivated category is no
// longer offered to citizens.
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { priorities, type Priority } from '../../../../../worker/domain/vocabulary';
import { createCategory, listCategories, updateCategory, type AdminCategory } from '../../../api/adminSettings';
import { useI18n, type MessageKey } from '../../../i18n';
import { describedBy, Field } from '../../Field';
import { PanelActions } from '../PanelActions';
import { isConflict, refusedFields, settingsErrorKey } from './errors';
import { ActiveRow, SlugSection } from './rows';

const SLUG = /^[a-z][a-z0-9-]{1,63}$/;
type NameField = 'nameId' | 'nameEn';
const nameFields: NameField[] = ['nameId', 'nameEn'];

function PrioritySelect(props: { id: string; value: Priority; onChange: (value: Priority) => void }) {
  const { t } = useI18n();
  return (
    <Field class="admin-field" id={props.id} label={t('admin.categories.priority')}>
      <select id={props.id} onChange={(e) => props.onChange(e.currentTarget.value as Priority)}>
        <For each={priorities}>
          {(p) => (
            <option value={p} selected={p === props.value}>
              {t(`admin.priority.${p}`)}
            </option>
          )}
        </For>
      </select>
    </Field>
  );
}

/** The two names, each required; `errors` marks the empty ones. */
function NameInputs(props: {
  idPrefix: string;
  draft: Record<NameField, string>;
  errors: Partial<Record<NameField, boolean>>;
  onInput: (field: NameField, value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <For each={nameFields}>
      {(field) => {
        const id = `${props.idPrefix}-${field}`;
        return (
          <Field
            class="admin-field"
            id={id}
            label={t(`admin.categories.${field}`)}
            error={props.errors[field] ? t('admin.error.categoryName') : undefined}
          >
            <input
              id={id}
              value={props.draft[field]}
              aria-invalid={props.errors[field] || undefined}
              aria-describedby={describedBy(id, { error: props.errors[field] })}
              onInput={(e) => props.onInput(field, e.currentTarget.value)}
            />
          </Field>
        );
      }}
    </For>
  );
}

/** As the server checks a name: 2 to 80 characters once trimmed. */
const nameWrong = (name: string) => name.trim().length < 2 || name.trim().length > 80;

/** Marks the names that are wrong and focuses the first; true when one is. */
function markNames(idPrefix: string, errors: Record<NameField, boolean>, set: (errors: Partial<Record<NameField, boolean>>) => void) {
  set(errors);
  const first = nameFields.find((f) => errors[f]);
  if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  return Boolean(first);
}

const checkNames = (idPrefix: string, draft: Record<NameField, string>, set: (errors: Partial<Record<NameField, boolean>>) => void) =>
  markNames(idPrefix, { nameId: nameWrong(draft.nameId), nameEn: nameWrong(draft.nameEn) }, set);

function EditForm(props: { category: AdminCategory; onDone: (change: Partial<AdminCategory>) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = `edit-${props.category.slug}`;
  const [draft, setDraft] = createStore({
    nameId: props.category.nameId,
    nameEn: props.category.nameEn,
    defaultPriority: props.category.defaultPriority,
  });
  const [errors, setErrors] = createStore<Partial<Record<NameField, boolean>>>({});
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending() || checkNames(id, draft, setErrors)) return;
    setSending(true);
    setError(undefined);
    try {
      const sent = { nameId: draft.nameId.trim(), nameEn: draft.nameEn.trim(), defaultPriority: draft.defaultPriority };
      const stored = await updateCategory(props.category.slug, sent);
      props.onDone({
        nameId: stored.nameId ?? sent.nameId,
        nameEn: stored.nameEn ?? sent.nameEn,
        defaultPriority: stored.defaultPriority ?? sent.defaultPriority,
      });
    } catch (failure) {
      const refused = refusedFields(failure, nameFields);
      if (!markNames(id, { nameId: refused.includes('nameId'), nameEn: refused.includes('nameEn') }, setErrors)) {
        setError(settingsErrorKey(failure));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-panel admin-form" aria-label={t('admin.categories.edit')} novalidate onSubmit={(e) => void submit(e)}>
      <NameInputs idPrefix={id} draft={draft} errors={errors} onInput={(f, v) => setDraft(f, v)} />
      <PrioritySelect id={`${id}-priority`} value={draft.defaultPriority} onChange={(v) => setDraft('defaultPriority', v)} />
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.settings.saving' : 'admin.settings.save')}
        </button>
      </PanelActions>
    </form>
  );
}

function CategoryRow(props: { category: AdminCategory; onChange: (change: Partial<AdminCategory>) => void }) {
  const { t } = useI18n();
  return (
    <ActiveRow
      row={props.category}
      name={props.category.nameId}
      save={(change) => updateCategory(props.category.slug, change)}
      onChange={props.onChange}
      editLabel={t('admin.categories.edit')}
      editedNotice={t('admin.categories.saved')}
      EditForm={(panel) => <EditForm category={props.category} onDone={panel.onDone} onCancel={panel.onCancel} />}
    >
      <div class="account-head">
        <h3>
          <Show when={props.category.icon}>
            <span aria-hidden="true">{props.category.icon} </span>
          </Show>
          {props.category.nameId}
        </h3>
        <Show when={!props.category.active}>
          <span class="account-badge account-badge-off">{t('admin.agencies.inactive')}</span>
        </Show>
      </div>
      <dl class="account-facts">
        <dt>{t('admin.agencies.slug')}</dt>
        <dd>{props.category.slug}</dd>
        <dt>{t('admin.categories.nameEn')}</dt>
        <dd>{props.category.nameEn}</dd>
        <dt>{t('admin.categories.priority')}</dt>
        <dd>{t(`admin.priority.${props.category.defaultPriority}`)}</dd>
      </dl>
    </ActiveRow>
  );
}

function AddCategoryForm(props: { onAdded: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = 'new-category';
  const [draft, setDraft] = createStore({ slug: '', nameId: '', nameEn: '', icon: '', defaultPriority: 'normal' as Priority });
  const [errors, setErrors] = createStore<Partial<Record<NameField, boolean>>>({});
  const [slugError, setSlugError] = createSignal<MessageKey>();
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setError(undefined);
    setSlugError(SLUG.test(draft.slug) ? undefined : 'admin.error.slug');
    if (slugError()) {
      checkNames(id, draft, setErrors);
      return document.getElementById(`${id}-slug`)?.focus();
    }
    if (checkNames(id, draft, setErrors)) return;
    setSending(true);
    try {
      await createCategory({
        slug: draft.slug,
        nameId: draft.nameId.trim(),
        nameEn: draft.nameEn.trim(),
        defaultPriority: draft.defaultPriority,
        ...(draft.icon.trim() ? { icon: draft.icon.trim() } : {}),
      });
      props.onAdded(draft.nameId.trim());
    } catch (failure) {
      const refused = refusedFields(failure, ['slug', ...nameFields] as const);
      if (isConflict(failure) || refused.includes('slug')) {
        setSlugError(isConflict(failure) ? 'admin.error.slugTaken' : 'admin.error.slug');
        document.getElementById(`${id}-slug`)?.focus();
      } else if (!markNames(id, { nameId: refused.includes('nameId'), nameEn: refused.includes('nameEn') }, setErrors)) {
        setError(settingsErrorKey(failure));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-form admin-panel" aria-label={t('admin.categories.add')} novalidate onSubmit={(e) => void submit(e)}>
      <Field
        class="admin-field"
        id={`${id}-slug`}
        label={t('admin.agencies.slug')}
        hint={t('admin.agencies.slugHint')}
        error={slugError() && t(slugError()!)}
      >
        <input
          id={`${id}-slug`}
          value={draft.slug}
          aria-invalid={Boolean(slugError()) || undefined}
          aria-describedby={describedBy(`${id}-slug`, { hint: true, error: slugError() })}
          onInput={(e) => setDraft('slug', e.currentTarget.value)}
        />
      </Field>
      <NameInputs idPrefix={id} draft={draft} errors={errors} onInput={(f, v) => setDraft(f, v)} />
      <PrioritySelect id={`${id}-priority`} value={draft.defaultPriority} onChange={(v) => setDraft('defaultPriority', v)} />
      <Field class="admin-field" id={`${id}-icon`} label={t('admin.categories.icon')}>
        <input id={`${id}-icon`} value={draft.icon} onInput={(e) => setDraft('icon', e.currentTarget.value)} />
      </Field>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.settings.saving' : 'admin.categories.add')}
        </button>
      </PanelActions>
    </form>
  );
}

export function CategoriesSection() {
  const { t } = useI18n();
  return (
    <SlugSection
      fetcher={listCategories}
      addLabel={t('admin.categories.add')}
      added={(name) => t('admin.categories.added', { name })}
      empty={t('admin.categories.empty')}
      AddForm={AddCategoryForm}
    >
      {(category, onChange) => <CategoryRow category={category} onChange={onChange} />}
    </SlugSection>
  );
}
