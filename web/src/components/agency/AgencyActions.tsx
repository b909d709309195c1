// What the agency can do with the complaint in its current status (the lifecycle table says
// which): a button per action and the form of the chosen one. The inbox sends it, in the name
// of the version shown, and says how it went.
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ComplaintView } from '../../../../worker/domain/api';
import { allowedActions } from '../../../../worker/domain/lifecycle';
import { agencyActionKinds, type AgencyAction, type AgencyActionKind } from '../../agency/api';
import { useI18n } from '../../i18n';
import { failureText } from '../staff/actions';

/** Sends an action; resolves with a failure to show under the form, or undefined when handled. */
export type AgencyPerform = (action: AgencyAction) => Promise<unknown>;

const RETURN_MIN = 5;
const TEXT_MAX = 4000;

export function AgencyActions(props: { view: ComplaintView; perform: AgencyPerform }) {
  const { t } = useI18n();
  const allowed = createMemo(() => {
    const open = allowedActions(props.view.status, 'agency');
    return agencyActionKinds.filter((kind) => open.includes(kind));
  });
  const [chosen, setChosen] = createSignal<AgencyActionKind | null>(null);
  const current = () => {
    const kind = chosen();
    return kind && allowed().includes(kind) ? kind : allowed()[0];
  };
  // One text per action, kept across a conflict so nothing typed is lost.
  const [texts, setTexts] = createSignal<Partial<Record<AgencyActionKind, string>>>({});
  const [problem, setProblem] = createSignal('');
  const [failure, setFailure] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const text = () => texts()[current()!] ?? '';

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const kind = current();
    if (!kind || busy()) return;
    let action: AgencyAction;
    const value = text().trim();
    if (kind === 'acknowledge') action = { kind };
    else {
      const min = kind === 'return' ? RETURN_MIN : 1;
      if (value.length < min) {
        setProblem(min > 1 ? t('inbox.tooShort', { min: String(min) }) : t('inbox.required'));
        document.getElementById('agency-text')?.focus();
        return;
      }
      action = kind === 'return' ? { kind, reason: value } : { kind, body: value };
    }
    setProblem('');
    setFailure(undefined);
    setBusy(true);
    try {
      const left = await props.perform(action);
      setFailure(left);
      if (left === undefined) setTexts({ ...texts(), [kind]: '' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="agency-actions" aria-label={current() ? t(`inbox.${current()!}`) : undefined}>
      <Show when={allowed().length > 0} fallback={<p>{t('inbox.noActions')}</p>}>
        <div class="action-buttons">
          <For each={allowed()}>
            {(kind) => (
              <button
                type="button"
                aria-pressed={current() === kind}
                onClick={() => {
                  setChosen(kind);
                  setProblem('');
                  setFailure(undefined);
                }}
              >
                {t(`inbox.${kind}`)}
              </button>
            )}
          </For>
        </div>
        <form class="action-form" onSubmit={(e) => void submit(e)} novalidate>
          <Switch>
            <Match when={current() === 'acknowledge'}>{null}</Match>
            <Match when={current()}>
              {(kind) => (
                <div>
                  <label for="agency-text">{t(`inbox.${kind() as Exclude<AgencyActionKind, 'acknowledge'>}.label`)}</label>
                  <Show when={problem()}>
                    <p class="field-error" id="agency-text-error">
                      {problem()}
                    </p>
                  </Show>
                  <textarea
                    id="agency-text"
                    rows={4}
                    maxlength={TEXT_MAX}
                    aria-invalid={problem() ? 'true' : undefined}
                    aria-describedby={problem() ? 'agency-text-error' : undefined}
                    value={text()}
                    onInput={(e) => setTexts({ ...texts(), [kind()]: e.currentTarget.value })}
                  />
                </div>
              )}
            </Match>
          </Switch>
          <Show when={failure()}>
            <p role="alert">{failureText(failure(), t)}</p>
          </Show>
          <button type="submit" class="primary" aria-disabled={busy()}>
            {busy() ? t('staff.busy') : current() === 'acknowledge' ? t('inbox.acknowledge') : t('inbox.send')}
          </button>
        </form>
      </Show>
    </section>
  );
}
