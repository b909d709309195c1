// A secret shown once, right after it was made (a password, an API key), for the admin to
// hand over. Nothing keeps it: "Done" forgets it.
import { createSignal, For, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n';

export interface ShownSecretProps {
  id: string;
  title: string;
  /** What the secret belongs to, shown before it. */
  facts: { label: string; value: string }[];
  secret: { label: string; value: string };
  note: string;
  copyLabel: string;
  onDone: () => void;
}

export function ShownSecret(props: ShownSecretProps) {
  const { t } = useI18n();
  const [copied, setCopied] = createSignal(false);
  let panel!: HTMLDivElement;
  onMount(() => panel.focus());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret.value);
      setCopied(true);
    } catch {
      // no clipboard (old browser, no permission): the secret stays on screen to copy
    }
  };
  return (
    <div class="admin-secret" role="group" aria-labelledby={`${props.id}-title`} tabindex="-1" ref={panel}>
      <p id={`${props.id}-title`} class="admin-secret-title">
        {props.title}
      </p>
      <dl>
        <For each={props.facts}>
          {(fact) => (
            <>
              <dt>{fact.label}</dt>
              <dd>
                <code>{fact.value}</code>
              </dd>
            </>
          )}
        </For>
        <dt>{props.secret.label}</dt>
        <dd>
          <code class="admin-secret-value">{props.secret.value}</code>
        </dd>
      </dl>
      <p>{props.note}</p>
      <div class="admin-buttons">
        <Show when={typeof navigator.clipboard?.writeText === 'function'}>
          <button type="button" onClick={() => void copy()}>
            {copied() ? t('admin.secret.copied') : props.copyLabel}
          </button>
        </Show>
        <button type="button" onClick={() => props.onDone()}>
          {t('admin.secret.done')}
        </button>
      </div>
    </div>
  );
}
