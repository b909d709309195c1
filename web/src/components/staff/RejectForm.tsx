// Reject with a reason from the fixed list and a message; the reporter reads both.
import { createSignal, For, Show } from 'solid-js';
import { rejectReasons, type ModerationItem, type RejectReason } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { ACTION_FORM_ID, createSending, failureText, type Perform } from './actions';

export function RejectForm(props: { item: ModerationItem; perform: Perform }) {
  const { t } = useI18n();
  const sending = createSending(() => props.perform);
  const [reason, setReason] = createSignal<RejectReason | null>(null);
  const [message, setMessage] = createSignal('');
  const [problem, setProblem] = createSignal<'reason' | 'message' | null>(null);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const chosen = reason();
    // "Other" says nothing to the reporter by itself.
    const missing = !chosen ? 'reason' : chosen === 'other' && !message().trim() ? 'message' : null;
    setProblem(missing);
    if (missing === 'reason') document.querySelector<HTMLInputElement>('[name="reject-reason"]')?.focus();
    if (missing === 'message') document.getElementById('reject-message')?.focus();
    if (missing || !chosen) return;
    void sending.send({ kind: 'reject', body: { reason: chosen, message: message().trim() || null } });
  }

  return (
    <form id={ACTION_FORM_ID} class="action-form" onSubmit={submit} novalidate>
      <fieldset aria-describedby={problem() === 'reason' ? 'reject-reason-error' : undefined}>
        <legend>{t('desk.reason')}</legend>
        <Show when={problem() === 'reason'}>
          <p class="field-error" id="reject-reason-error">
            {t('desk.chooseReason')}
          </p>
        </Show>
        <div class="choices">
          <For each={rejectReasons}>
            {(slug) => (
              <label class="choice">
                <input
                  type="radio"
                  name="reject-reason"
                  value={slug}
                  checked={reason() === slug}
                  onChange={() => setReason(slug)}
                />
                {t(`desk.reason.${slug}`)}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <div>
        <label for="reject-message">{t('desk.message')}</label>
        <Show when={problem() === 'message'}>
          <p class="field-error" id="reject-message-error">
            {t('desk.explainOther')}
          </p>
        </Show>
        <textarea
          id="reject-message"
          rows={3}
          maxlength={2000}
          aria-describedby={problem() === 'message' ? 'reject-message-error' : undefined}
          aria-invalid={problem() === 'message' ? 'true' : undefined}
          value={message()}
          onInput={(e) => setMessage(e.currentTarget.value)}
        />
      </div>
      <Show when={sending.failure()}>
        <p role="alert">{failureText(sending.failure(), t)}</p>
      </Show>
      <button type="submit" class="primary" aria-disabled={sending.busy()}>
        {sending.busy() ? t('staff.busy') : `${t('desk.reject')} ${props.item.code}`}
      </button>
    </form>
  );
}
