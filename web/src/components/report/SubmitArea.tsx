// The send button with what is happening to the complaint: sending (a status), or why it was
// not sent (an alert), in words a citizen on a weak connection can act on.
import { Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { ApiError } from '../../api/client';
import { useSay, type Said } from './text';

function waitWords(seconds: number | undefined): Said {
  if (seconds === undefined) return { key: 'report.wait.later' };
  if (seconds < 90) return { key: 'report.wait.seconds', params: { n: Math.max(1, seconds) } };
  return { key: 'report.wait.minutes', params: { n: Math.ceil(seconds / 60) } };
}

export function SubmitArea(props: { sending: boolean; waitingForPhotos: boolean; failure: unknown }) {
  const { t } = useI18n();
  const say = useSay();

  const failureText = () => {
    const failure = props.failure;
    if (!failure) return '';
    if (!(failure instanceof ApiError)) return t('report.submit.server');
    if (failure.status === 0) return t('report.submit.network');
    if (failure.status === 429) {
      return t('report.submit.rateLimited', { wait: say(waitWords(failure.retryAfterSeconds)) });
    }
    if (failure.status >= 500 || failure.code === 'bad_response') return t('report.submit.server');
    return t('report.submit.rejected', { message: failure.message });
  };

  return (
    <div class="submit-area">
      <div role="alert">
        <Show when={failureText()}>
          <p class="submit-failure">{failureText()}</p>
        </Show>
      </div>
      <p role="status" class="status">
        {props.waitingForPhotos
          ? t('report.submit.waiting')
          : props.sending
            ? t('report.submit.sending')
            : ''}
      </p>
      <button type="submit" class="primary submit" disabled={props.sending}>
        {props.sending ? t('report.submit.busy') : t('report.submit.label')}
      </button>
      <p class="hint">{t('report.submit.hint')}</p>
    </div>
  );
}
