// A password shown once, right after it was set, for the admin to hand over. Nothing keeps
// it: "Done" forgets it.
import { createSignal, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n';

export interface ShownPasswordProps {
  id: string;
  title: string;
  username: string;
  password: string;
  onDone: () => void;
}

export function ShownPassword(props: ShownPasswordProps) {
  const { t } = useI18n();
  const [copied, setCopied] = createSignal(false);
  let panel!: HTMLDivElement;
  onMount(() => panel.focus());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.password);
      setCopied(true);
    } catch {
      // no clipboard (old browser, no permission): the password stays on screen to copy
    }
  };
  return (
    <div class="admin-secret" role="group" aria-labelledby={`${props.id}-title`} tabindex="-1" ref={panel}>
      <p id={`${props.id}-title`} class="admin-secret-title">
        {props.title}
      </p>
      <dl>
        <dt>{t('admin.field.username')}</dt>
        <dd>
          <code>{props.username}</code>
        </dd>
        <dt>{t('admin.field.password')}</dt>
        <dd>
          <code class="admin-secret-value">{props.password}</code>
        </dd>
      </dl>
      <p>{t('admin.secret.note')}</p>
      <div class="admin-buttons">
        <Show when={typeof navigator.clipboard?.writeText === 'function'}>
          <button type="button" onClick={() => void copy()}>
            {copied() ? t('admin.secret.copied') : t('admin.secret.copy')}
          </button>
        </Show>
        <button type="button" onClick={() => props.onDone()}>
          {t('admin.secret.done')}
        </button>
      </div>
    </div>
  );
}
