// The reporter's reply on their own tracking page, sent with the tracking token.
import { createSignal, Show } from 'solid-js';
import { complaintLimits, type TimelineEvent } from '../../../../worker/domain/api';
import { ApiError } from '../../api/client';
import { postComment } from '../../api/complaints';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';

function commentErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'network';
  if (code === 'validation_failed' || code === 'unprocessable') return 'track.comment.invalid';
  if (code === 'conflict') return 'track.comment.closed';
  if (code === 'not_found' || code === 'forbidden' || code === 'unauthenticated') {
    return 'track.comment.denied';
  }
  return errorMessageKey(error);
}

export interface CommentFormProps {
  code: string;
  token: string;
  onPosted: (event: TimelineEvent) => void;
}

export function CommentForm(props: CommentFormProps) {
  const { t } = useI18n();
  const max = complaintLimits.commentMax;
  const [text, setText] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey | null>(null);
  const [sent, setSent] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const body = text().trim();
    setSent(false);
    if (!body) {
      setError('track.comment.empty');
      return;
    }
    setError(null);
    setSending(true);
    try {
      const posted = await postComment(props.code, props.token, body);
      props.onPosted(posted);
      setText('');
      setSent(true);
    } catch (failure) {
      setError(commentErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="comment-form" aria-labelledby="comment-title" onSubmit={submit} novalidate>
      <h2 id="comment-title">{t('track.comment.title')}</h2>
      <p>{t('track.comment.intro')}</p>
      <label for="comment-body">{t('track.comment.label')}</label>
      <textarea
        id="comment-body"
        name="body"
        rows={4}
        maxLength={max}
        value={text()}
        aria-invalid={error() === 'track.comment.empty' || error() === 'track.comment.invalid'}
        aria-describedby={error() ? 'comment-count comment-error' : 'comment-count'}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSent(false);
        }}
      />
      <p id="comment-count" class="field-hint">
        {t('track.comment.count', { count: String(text().length), max: String(max) })}
      </p>
      <Show when={error()}>
        {(key) => (
          <p id="comment-error" class="form-error" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
      <button type="submit" disabled={sending()}>
        {sending() ? t('track.comment.sending') : t('track.comment.submit')}
      </button>
      <p class="form-success" role="status">
        {sent() ? t('track.comment.sent') : ''}
      </p>
    </form>
  );
}
