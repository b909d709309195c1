// Mark as a duplicate of a complaint the queue consumer found, or of any code typed in.
import { createSignal, For, Show } from 'solid-js';
import type { ModerationItem } from '../../../../worker/domain/api';
import { normaliseComplaintCode } from '../../../../worker/domain/complaint-code';
import { type ComplaintStatus, complaintStatuses, handledStatuses } from '../../../../worker/domain/vocabulary';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { ACTION_FORM_ID, createSending, failureText, fieldNamed, type Perform } from './actions';

const OTHER = 'other';

export function DuplicateForm(props: { item: ModerationItem; perform: Perform }) {
  const { t } = useI18n();
  const sending = createSending(() => props.perform);
  const candidates = props.item.duplicateCandidates;
  const [choice, setChoice] = createSignal(candidates[0]?.code ?? OTHER);
  const [typed, setTyped] = createSignal('');
  const [problem, setProblem] = createSignal<'invalid' | 'self' | null>(null);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const of = target();
    const wrong = !of ? 'invalid' : of === props.item.code ? 'self' : null;
    setProblem(wrong);
    if (wrong || !of) {
      document.getElementById('duplicate-code')?.focus();
      return;
    }
    void sending.send({ kind: 'duplicate', body: { of } });
  }

  const target = () => (choice() === OTHER ? normaliseComplaintCode(typed()) : choice());
  /** The API refuses an original nobody handles any more (resolved, closed, rejected, a duplicate), naming its status. */
  const closedOriginal = () => {
    const failure = sending.failure();
    const status = failure instanceof ApiError ? failure.details.find((issue) => issue.path === 'of')?.message : undefined;
    return status && !(handledStatuses as readonly string[]).includes(status) && (complaintStatuses as readonly string[]).includes(status)
      ? (status as ComplaintStatus)
      : undefined;
  };
  const invalid = () => problem() !== null || fieldNamed(sending.failure(), 'of');

  return (
    <form id={ACTION_FORM_ID} class="action-form" onSubmit={submit} novalidate>
      <fieldset>
        <legend>{t('desk.duplicateOf')}</legend>
        <div class="choices">
          <For each={candidates}>
            {(candidate) => (
              <label class="choice">
                <input
                  type="radio"
                  name="duplicate-of"
                  value={candidate.code}
                  checked={choice() === candidate.code}
                  onChange={() => setChoice(candidate.code)}
                />
                {candidate.code}: {candidate.title}
              </label>
            )}
          </For>
          <label class="choice">
            <input
              type="radio"
              name="duplicate-of"
              value={OTHER}
              checked={choice() === OTHER}
              onChange={() => setChoice(OTHER)}
            />
            {t('desk.otherCode')}
          </label>
        </div>
      </fieldset>
      <div>
        <label for="duplicate-code" class="visually-hidden">
          {t('desk.otherCode')}
        </label>
        <Show when={problem() || fieldNamed(sending.failure(), 'of')}>
          <p class="field-error" id="duplicate-code-error">
            {problem() === 'self'
              ? t('desk.selfCode')
              : problem() === 'invalid'
                ? t('track.form.invalid')
                : closedOriginal()
                  ? t('desk.originalClosed', { code: target() ?? '', status: t(`status.${closedOriginal()!}`) })
                  : t('track.notFound.body', { code: target() ?? '' })}
          </p>
        </Show>
        <input
          id="duplicate-code"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          placeholder="NTB-…"
          aria-invalid={invalid() ? 'true' : undefined}
          aria-describedby={invalid() ? 'duplicate-code-error' : undefined}
          value={typed()}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            setChoice(OTHER);
          }}
        />
      </div>
      <Show when={sending.failure()}>
        <p role="alert">{failureText(sending.failure(), t)}</p>
      </Show>
      <button type="submit" class="primary" aria-disabled={sending.busy()}>
        {sending.busy() ? t('staff.busy') : `${t('desk.duplicateOf')} ${target() ?? '…'}`}
      </button>
    </form>
  );
}
