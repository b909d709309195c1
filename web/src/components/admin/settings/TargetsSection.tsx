// `/admin/target`: the service-level targets in hours. Saving answers the values stored,
// which the form then shows; a change applies to due times set from then on.
import { createEffect, createResource, createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { getTargets, saveTargets, type Targets } from '../../../api/adminSettings';
import { ApiError } from '../../../api/client';
import { useI18n, type MessageKey } from '../../../i18n';
import { describedBy, Field } from '../../Field';
import { settingsErrorKey } from './errors';
import { FormError } from '../PanelActions';
import { useStaffSession } from '../../../staff/session';
import { Loaded } from './rows';

const fields = ['moderation', 'urgent', 'important', 'normal'] as const;
type TargetField = (typeof fields)[number];
const MIN = 0.25;
const MAX = 720;

function parseHours(text: string): number | undefined {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) && value >= MIN && value <= MAX ? value : undefined;
}

/** What the server would refuse: a number out of range, or a priority waiting longer than a lesser one. */
function checkTargets(draft: Record<TargetField, string>): Partial<Record<TargetField, MessageKey>> {
  const wrong: Partial<Record<TargetField, MessageKey>> = {};
  for (const f of fields) if (parseHours(draft[f]) === undefined) wrong[f] = 'admin.targets.range';
  const [urgent, important, normal] = (['urgent', 'important', 'normal'] as const).map((f) => parseHours(draft[f]));
  if (!wrong.urgent && urgent !== undefined && important !== undefined && urgent > important) wrong.urgent = 'admin.targets.order';
  if (!wrong.important && important !== undefined && normal !== undefined && important > normal) wrong.important = 'admin.targets.order';
  return wrong;
}

function TargetsForm(props: { initial: Targets }) {
  const { t } = useI18n();
  const shown = (targets: Targets) =>
    Object.fromEntries(fields.map((f) => [f, String(targets[f])])) as Record<TargetField, string>;
  const [draft, setDraft] = createStore(shown(props.initial));
  /** Each field the admin must correct, with what to say. */
  const [invalid, setInvalid] = createSignal<Partial<Record<TargetField, MessageKey>>>({});
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();
  const [saved, setSaved] = createSignal('');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSaved('');
    setError(undefined);
    const wrong = checkTargets(draft);
    setInvalid(wrong);
    const first = fields.find((f) => wrong[f]);
    if (first) {
      document.getElementById(`target-${first}`)?.focus();
      return;
    }
    const body = Object.fromEntries(fields.map((f) => [f, parseHours(draft[f])!])) as Targets;
    setSending(true);
    try {
      const stored = await saveTargets(body);
      setDraft(shown(stored));
      setSaved(t('admin.targets.saved', shown(stored)));
    } catch (failure) {
      setError(settingsErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-form" aria-labelledby="settings-title" novalidate onSubmit={(e) => void submit(e)}>
      <p class="hint">{t('admin.targets.note')}</p>
      <For each={fields}>
        {(field) => {
          const id = `target-${field}`;
          const wrong = () => invalid()[field] !== undefined;
          return (
            <Field
              class="admin-field"
              id={id}
              label={t(`admin.targets.${field}`)}
              hint={t('admin.targets.hint')}
              error={wrong() ? t(invalid()[field]!) : undefined}
            >
              <input
                id={id}
                type="text"
                inputmode="decimal"
                value={draft[field]}
                aria-invalid={wrong() || undefined}
                aria-describedby={describedBy(id, { hint: true, error: wrong() })}
                onInput={(e) => setDraft(field, e.currentTarget.value)}
              />
            </Field>
          );
        }}
      </For>
      <FormError error={error()} />
      <div class="admin-buttons">
        <button type="submit" class="primary" aria-disabled={sending()}>
          {t(sending() ? 'admin.settings.saving' : 'admin.settings.save')}
        </button>
      </div>
      <p role="status" class="account-notice">
        {saved()}
      </p>
    </form>
  );
}

export function TargetsSection() {
  const session = useStaffSession();
  const [targets, { refetch }] = createResource(getTargets);
  createEffect(() => {
    const failure: unknown = targets.state === 'errored' ? targets.error : undefined;
    if (failure instanceof ApiError && failure.code === 'unauthenticated') session.ended();
  });
  return (
    <Loaded loaded={targets.state === 'ready'} error={targets.error} onRetry={() => void refetch()}>
      <TargetsForm initial={targets()!} />
    </Loaded>
  );
}
