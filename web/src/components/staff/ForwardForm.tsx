// Forward to an agency: the routing suggestion preselected, any agency findable by typing,
// the priority from the category, and an optional note the agency reads. A complaint an
// agency holds moves on to another one, at the priority it has.
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { AgencyInfo, AgencyRef, MetaResponse, ModerationItem } from '../../../../worker/domain/api';
import type { Priority } from '../../../../worker/domain/vocabulary';
import { useI18n } from '../../i18n';
import { ACTION_FORM_ID, createSending, failureText, fieldNamed, type Perform } from './actions';
import { unitText } from './format';

/** A waiting complaint (with its routing suggestion), or one an agency holds (`heldBy`). */
export type ForwardTarget = Pick<ModerationItem, 'category' | 'priority'> & {
  suggestedAgency?: AgencyRef | null;
  heldBy?: AgencyRef | null;
};

export interface ForwardFormProps {
  item: ForwardTarget;
  meta: MetaResponse;
  perform: Perform;
  /** Before each element id, where two forward forms are on the page (the triage desk's and the overdue list's). */
  idPrefix?: string;
}

const matches = (agency: AgencyRef, words: string) =>
  [agency.name, agency.shortName ?? '', agency.slug].some((text) => text.toLowerCase().includes(words));

export function ForwardForm(props: ForwardFormProps) {
  const { t, lang } = useI18n();
  const id = (name: string) => `${props.idPrefix ?? ''}${name}`;
  const sending = createSending(() => props.perform);
  const suggested = props.item.suggestedAgency;
  const heldBy = props.item.heldBy?.slug;
  const category = props.meta.categories.find((c) => c.slug === props.item.category.slug);
  const [agency, setAgency] = createSignal(suggested?.slug ?? '');
  const [priority, setPriority] = createSignal<Priority>((!heldBy && category?.defaultPriority) || props.item.priority);
  const [note, setNote] = createSignal('');
  const [filter, setFilter] = createSignal('');
  const [missing, setMissing] = createSignal(false);

  /** The suggestion first; it is listed even if /api/meta no longer has it. */
  const agencies = createMemo<AgencyRef[]>(() => {
    const others = props.meta.agencies.filter((a: AgencyInfo) => a.slug !== suggested?.slug && a.slug !== heldBy);
    return suggested ? [suggested, ...others] : others;
  });
  const shown = createMemo(() => {
    const words = filter().trim().toLowerCase();
    return words ? agencies().filter((a) => a.slug === agency() || matches(a, words)) : agencies();
  });
  const chosen = () => agencies().find((a) => a.slug === agency());

  function search(words: string) {
    setFilter(words);
    // Typing narrows the list; when the choice falls out of it, the first match becomes the
    // choice, and the submit button names it.
    const typed = words.trim().toLowerCase();
    const current = chosen();
    if (typed && !(current && matches(current, typed))) {
      const first = agencies().find((a) => matches(a, typed));
      if (first) setAgency(first.slug);
    }
  }

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const target = chosen();
    setMissing(!target);
    if (!target) return;
    void sending.send({
      kind: 'forward',
      body: { agency: target.slug, priority: priority(), note: note().trim() || null },
      agencyName: target.name,
    });
  }

  return (
    <form id={id(ACTION_FORM_ID)} class="action-form" onSubmit={submit} novalidate>
      <div>
        <label for={id('forward-search')}>{t('desk.agencySearch')}</label>
        <input
          id={id('forward-search')}
          type="search"
          autocomplete="off"
          aria-controls={id('forward-agency')}
          value={filter()}
          onInput={(e) => search(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.getElementById(id('forward-agency'))?.focus();
            }
          }}
        />
      </div>
      <div>
        <label for={id('forward-agency')}>{t('desk.agency')}</label>
        <Show when={missing() || fieldNamed(sending.failure(), 'agency')}>
          <p class="field-error" id={id('forward-agency-error')}>
            {t('desk.chooseAgency')}
          </p>
        </Show>
        <select
          id={id('forward-agency')}
          size={6}
          aria-invalid={missing() || fieldNamed(sending.failure(), 'agency') ? 'true' : undefined}
          aria-describedby={missing() ? id('forward-agency-error') : undefined}
          onChange={(e) => setAgency(e.currentTarget.value)}
        >
          <For each={shown()}>
            {(option) => (
              <option value={option.slug} selected={option.slug === agency()}>
                {option.slug === suggested?.slug ? t('desk.suggested', { name: option.name }) : option.name}
              </option>
            )}
          </For>
        </select>
      </div>
      <fieldset>
        <legend>{t('desk.priority')}</legend>
        <div class="choices">
          <For each={props.meta.priorities}>
            {(tier) => (
              <label class="choice">
                <input
                  type="radio"
                  name="forward-priority"
                  value={tier.slug}
                  checked={priority() === tier.slug}
                  onChange={() => setPriority(tier.slug)}
                />
                {t(`desk.priority.${tier.slug}`)} ({unitText(tier.targetHours, 'hour', lang())})
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <div>
        <label for={id('forward-note')}>
          {t('desk.note')} <span class="optional">{t('report.optional')}</span>
        </label>
        <textarea id={id('forward-note')} rows={3} maxlength={2000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <Show when={sending.failure()}>
        <p role="alert">{failureText(sending.failure(), t)}</p>
      </Show>
      <button type="submit" class="primary" aria-disabled={sending.busy()}>
        {sending.busy() ? t('staff.busy') : t('desk.forwardTo', { agency: chosen()?.name ?? '…' })}
      </button>
    </form>
  );
}
