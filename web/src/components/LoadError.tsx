// A load that failed: what and why in an alert, and a button to try again. A page that failed
// as a whole still names what it is about in `heading` (its <h1>).
import { Show } from 'solid-js';
import { useI18n } from '../i18n';

export function LoadError(props: { message: string; onRetry: () => void; heading?: string }) {
  const { t } = useI18n();
  return (
    <div class="load-error">
      <Show when={props.heading}>{(heading) => <h1>{heading()}</h1>}</Show>
      <p role="alert">{props.message}</p>
      <button type="button" onClick={() => props.onRetry()}>
        {t('error.retry')}
      </button>
    </div>
  );
}
