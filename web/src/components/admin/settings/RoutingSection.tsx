// `/admin/rute`: the routing rules grouped by category, a form to add one, deleting one after
// asking, and a preview that says in a sentence where a complaint would go.
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  createRoutingRule,
  deleteRoutingRule,
  listAgencies,
  listRoutingRules,
  previewRouting,
  type RoutingRuleInfo,
} from '../../../api/adminSettings';
import { useMeta } from '../../../api/meta';
import { useI18n, type MessageKey } from '../../../i18n';
import { Field } from '../../Field';
import { settingsErrorKey } from './errors';
import { FormError, PanelActions } from '../PanelActions';
import { RegencyOptions, useRegencyName } from './AgenciesSection';
import { AddPanel, createAdding, createRows, Loaded } from './rows';

function useNames() {
  const { pick } = useI18n();
  const { meta } = useMeta();
  const [agencies] = createResource(listAgencies);
  return {
    categories: () => (meta.state === 'ready' ? meta()!.categories : []),
    category: (slug: string) => {
      const found = meta.state === 'ready' ? meta()!.categories.find((c) => c.slug === slug) : undefined;
      return found ? pick(found.name) : slug;
    },
    agencies: () => (agencies.state === 'ready' ? agencies()! : []),
    agency: (slug: string) => (agencies.state === 'ready' && agencies()!.find((a) => a.slug === slug)?.name) || slug,
  };
}
type Names = ReturnType<typeof useNames>;

function RuleRow(props: { rule: RoutingRuleInfo; names: Names; onDeleted: () => void }) {
  const { t } = useI18n();
  const regencyName = useRegencyName();
  const [asking, setAsking] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();
  const scope = () => (props.rule.regencyCode ? regencyName(props.rule.regencyCode) : t('admin.rules.wholeProvince'));
  let deleteButton: HTMLButtonElement | undefined;

  async function confirm() {
    if (sending()) return;
    setSending(true);
    setError(undefined);
    try {
      await deleteRoutingRule(props.rule.id);
      props.onDeleted();
    } catch (failure) {
      setError(settingsErrorKey(failure));
      setSending(false);
    }
  }

  return (
    <li class="rule">
      <p>
        {scope()} → <strong>{props.names.agency(props.rule.agency)}</strong>
        {` · ${t('admin.rules.rank')} ${props.rule.rank}`}
        {props.rule.autoForward ? ` · ${t('admin.rules.autoShort')}` : ''}{' '}
        <button type="button" class="admin-link-button" ref={deleteButton} onClick={() => setAsking(true)}>
          {t('admin.rules.delete')}
        </button>
      </p>
      <Show when={asking()}>
        <div class="admin-panel" role="group" aria-label={t('admin.rules.delete')}>
          <p>{t('admin.rules.deleteQuestion', { scope: scope(), agency: props.names.agency(props.rule.agency) })}</p>
          <PanelActions
            error={error()}
            onCancel={() => {
              setAsking(false);
              deleteButton?.focus();
            }}
          >
            <button type="button" class="danger" aria-disabled={sending()} onClick={() => void confirm()}>
              {t('admin.rules.deleteConfirm')}
            </button>
          </PanelActions>
        </div>
      </Show>
    </li>
  );
}

function AddRuleForm(props: { names: Names; onAdded: () => void; onCancel: () => void }) {
  const { t, pick } = useI18n();
  const [draft, setDraft] = createStore({ category: '', regencyCode: '', agency: '', rank: '0', autoForward: false });
  const [errors, setErrors] = createStore<{ category?: boolean; agency?: boolean; rank?: boolean }>({});
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const rank = Number(draft.rank);
    const found = { category: !draft.category, agency: !draft.agency, rank: !Number.isInteger(rank) || rank < 0 || rank > 99 };
    setErrors(found);
    const first = (['category', 'agency', 'rank'] as const).find((f) => found[f]);
    if (first) return document.getElementById(`new-rule-${first}`)?.focus();
    setSending(true);
    setError(undefined);
    try {
      await createRoutingRule({
        category: draft.category,
        agency: draft.agency,
        rank,
        autoForward: draft.autoForward,
        ...(draft.regencyCode ? { regencyCode: draft.regencyCode } : {}),
      });
      props.onAdded();
    } catch (failure) {
      setError(settingsErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-form admin-panel" aria-label={t('admin.rules.add')} novalidate onSubmit={(e) => void submit(e)}>
      <Field class="admin-field" id="new-rule-category" label={t('admin.rules.category')} error={errors.category ? t('admin.error.choose') : undefined}>
        <select id="new-rule-category" aria-invalid={errors.category || undefined} onChange={(e) => setDraft('category', e.currentTarget.value)}>
          <option value="">{t('admin.rules.choose')}</option>
          <For each={props.names.categories()}>{(c) => <option value={c.slug}>{pick(c.name)}</option>}</For>
        </select>
      </Field>
      <Field class="admin-field" id="new-rule-regency" label={t('admin.rules.regency')}>
        <select id="new-rule-regency" onChange={(e) => setDraft('regencyCode', e.currentTarget.value)}>
          <RegencyOptions value={draft.regencyCode} emptyLabel={t('admin.rules.wholeProvince')} />
        </select>
      </Field>
      <Field class="admin-field" id="new-rule-agency" label={t('admin.rules.agency')} error={errors.agency ? t('admin.error.choose') : undefined}>
        <select id="new-rule-agency" aria-invalid={errors.agency || undefined} onChange={(e) => setDraft('agency', e.currentTarget.value)}>
          <option value="">{t('admin.rules.choose')}</option>
          <For each={props.names.agencies().filter((a) => a.active)}>{(a) => <option value={a.slug}>{a.name}</option>}</For>
        </select>
      </Field>
      <Field class="admin-field" id="new-rule-rank" label={t('admin.rules.rank')} error={errors.rank ? t('admin.error.rank') : undefined}>
        <input id="new-rule-rank" inputmode="numeric" value={draft.rank} aria-invalid={errors.rank || undefined} onInput={(e) => setDraft('rank', e.currentTarget.value)} />
      </Field>
      <label class="admin-check">
        <input type="checkbox" checked={draft.autoForward} onChange={(e) => setDraft('autoForward', e.currentTarget.checked)} />{' '}
        {t('admin.rules.auto')}
      </label>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.settings.saving' : 'admin.rules.add')}
        </button>
      </PanelActions>
    </form>
  );
}

function Preview(props: { names: Names }) {
  const { t, pick } = useI18n();
  const regencyName = useRegencyName();
  const [category, setCategory] = createSignal('');
  const [regency, setRegency] = createSignal('');
  const [sentence, setSentence] = createSignal('');
  const [error, setError] = createSignal<MessageKey>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(undefined);
    setSentence('');
    if (!category() || !regency()) return setError('admin.error.choose');
    const asked = { category: props.names.category(category()), regency: regencyName(regency()) };
    try {
      const answer = await previewRouting(category(), regency());
      const main = answer.agency
        ? t(answer.autoForward ? 'admin.preview.auto' : 'admin.preview.moderated', { ...asked, agency: answer.agency.name })
        : t('admin.preview.none', asked);
      const scope = answer.ruleScope && t(answer.ruleScope === 'regency' ? 'admin.preview.regencyRule' : 'admin.preview.provinceRule');
      setSentence(scope ? `${main} ${scope}` : main);
    } catch (failure) {
      setError(settingsErrorKey(failure));
    }
  }

  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('admin.preview.title')}</h2>
      <form class="admin-form" aria-labelledby="preview-title" novalidate onSubmit={(e) => void submit(e)}>
        <Field class="admin-field" id="preview-category" label={t('admin.rules.category')}>
          <select id="preview-category" onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t('admin.rules.choose')}</option>
            <For each={props.names.categories()}>{(c) => <option value={c.slug}>{pick(c.name)}</option>}</For>
          </select>
        </Field>
        <Field class="admin-field" id="preview-regency" label={t('admin.rules.regency')}>
          <select id="preview-regency" onChange={(e) => setRegency(e.currentTarget.value)}>
            <RegencyOptions value={regency()} emptyLabel={t('admin.rules.choose')} />
          </select>
        </Field>
        <FormError error={error()} />
        <div class="admin-buttons">
          <button type="submit">{t('admin.preview.show')}</button>
        </div>
        <p role="status" class="preview-sentence">
          {sentence()}
        </p>
      </form>
    </section>
  );
}

export function RoutingSection() {
  const { t } = useI18n();
  const names = useNames();
  const list = createRows(listRoutingRules, 'id');
  const adding = createAdding();
  // Grouped by the rules' own categories (the API sends them in the categories' order), so
  // the rules of a category no longer offered to citizens still show and can be deleted.
  const groups = () =>
    [...new Set(list.rows.map((r) => r.category))].map((slug) => ({
      name: names.categories().some((c) => c.slug === slug) ? names.category(slug) : t('admin.rules.inactiveCategory', { slug }),
      rules: list.rows.filter((r) => r.category === slug),
    }));

  return (
    <>
      <AddPanel state={adding} label={t('admin.rules.add')}>
        <AddRuleForm
          names={names}
          onAdded={() => {
            adding.added(t('admin.rules.added'));
            list.reload();
          }}
          onCancel={adding.cancel}
        />
      </AddPanel>
      <Loaded loaded={list.loaded()} error={list.error()} onRetry={list.reload}>
        <Show when={groups().length > 0} fallback={<p>{t('admin.rules.empty')}</p>}>
          <For each={groups()}>
            {(group) => (
              <section class="rule-group">
                <h3>{group.name}</h3>
                <ul class="rule-list">
                  <For each={group.rules}>
                    {(rule) => (
                      <RuleRow
                        rule={rule}
                        names={names}
                        onDeleted={() => {
                          list.remove(rule.id);
                          adding.setNotice(t('admin.rules.deleted'));
                          adding.focusButton();
                        }}
                      />
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
        </Show>
      </Loaded>
      <Preview names={names} />
    </>
  );
}
