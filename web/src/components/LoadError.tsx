// A load that failed: what and why in an alert, and a button to try again.
import { useI18n } from '../i18n';

export function LoadError(props: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="load-error">
      <p role="alert">{props.message}</p>
      <button type="button" onClick={() => props.onRetry()}>
        {t('error.retry')}
      </button>
    </div>
  );
}
