// The reporter closes the loop on a resolved complaint, with the tracking token: "yes, it is
// solved" with a 1–5 rating (and a comment if they like) closes it; "not yet" with a reason
// reopens it to the same agency. The page shows the complaint the server answers with.
import { createSignal, For, Show } from 'solid-js';
import { complaintLimits, type ComplaintView } from '../../../../worker/domain/api';
import { ApiError } from '../../api/client';
import { confirmResolved, reopenComplaint } from '../../api/complaints';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';

/** The server's own minimum for a reason to reopen. */
const REASON_MIN = 5;
const ratings = [1, 2, 3, 4, 5] as const;

function loopErrorKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'network';
  if (code === 'validation_failed' || code === 'unprocessable') return 'track.loop.invalid';
  if (code === 'not_found' || code === 'forbidden' || code === 'unauthenticated') return 'track.loop.denied';
  return errorMessageKey(error);
}

export interface CloseLoopProps {
  complaint: ComplaintView;
  token: string;
  /** The complaint as the server answered, and what to say about it. */
  onDone: (view: ComplaintView, said: MessageKey) => void;
  /** The complaint changed meanwhile (409): the page reloads it and says so. */
  onConflict: () => void;
}

export function CloseLoop(props: CloseLoopProps) {
  const { t } = useI18n();
  const max = complaintLimits.commentMax;
  const [choice, setChoice] = createSignal<'confirm' | 'reopen' | null>(null);
  const [rating, setRating] = createSignal<number | null>(null);
  const [comment, setComment] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey | null>(null);
  let firstStar: HTMLInputElement | undefined;
  let reasonBox: HTMLTextAreaElement | undefined;

  function choose(next: 'confirm' | 'reopen') {
    setChoice(next);
    setError(null);
    // The form just opened: take the keyboard to its first field.
    queueMicrotask(() => (next === 'confirm' ? firstStar : reasonBox)?.focus());
  }

  async function send(call: () => Promise<ComplaintView>, said: MessageKey) {
    setError(null);
    setSending(true);
    try {
      props.onDone(await call(), said);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'conflict') props.onConflict();
      else setError(loopErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  function submitConfirm(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const stars = rating();
    if (stars === null) {
      setError('track.loop.noRating');
      return;
    }
    const text = comment().trim();
    const body = { version: props.complaint.version, rating: stars, comment: text || null };
    void send(() => confirmResolved(props.complaint.code, props.token, body), 'track.loop.confirmed');
  }

  function submitReopen(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const text = reason().trim();
    if (text.length < REASON_MIN) {
      setError('track.loop.noReason');
      return;
    }
    const body = { version: props.complaint.version, reason: text };
    void send(() => reopenComplaint(props.complaint.code, props.token, body), 'track.loop.reopened');
  }

  const errorLine = () => (
    <Show when={error()}>
      {(key) => (
        <p id="loop-error" class="form-error" role="alert">
          {t(key())}
        </p>
      )}
    </Show>
  );

  return (
    <section class="close-loop" aria-labelledby="loop-title">
      <h2 id="loop-title">{t('track.loop.title')}</h2>
      <p>{t('track.loop.intro')}</p>
      <p class="field-hint">{t('track.loop.autoClose')}</p>
      <div class="close-loop-choices">
        <button
          type="button"
          aria-expanded={choice() === 'confirm'}
          aria-controls="loop-confirm"
          onClick={() => choose('confirm')}
        >
          {t('track.loop.yes')}
        </button>
        <button
          type="button"
          aria-expanded={choice() === 'reopen'}
          aria-controls="loop-reopen"
          onClick={() => choose('reopen')}
        >
          {t('track.loop.no')}
        </button>
      </div>

      <Show when={choice() === 'confirm'}>
        <form id="loop-confirm" class="comment-form" onSubmit={submitConfirm} novalidate>
          <fieldset
            class="star-rating"
            aria-invalid={error() === 'track.loop.noRating'}
            aria-describedby={error() === 'track.loop.noRating' ? 'loop-error' : undefined}
          >
            <legend>{t('track.loop.rating')}</legend>
            <For each={ratings}>
              {(stars) => (
                <label class="star-option">
                  <input
                    ref={(el) => {
                      if (stars === 1) firstStar = el;
                    }}
                    type="radio"
                    name="rating"
                    value={stars}
                    checked={rating() === stars}
                    onChange={() => {
                      setRating(stars);
                      if (error() === 'track.loop.noRating') setError(null);
                    }}
                  />
                  <span class="star-glyphs" aria-hidden="true">
                    {'★'.repeat(stars)}
                    <span class="star-empty">{'☆'.repeat(5 - stars)}</span>
                  </span>{' '}
                  <span>{t('track.loop.star', { count: String(stars), label: t(`track.loop.star${stars}`) })}</span>
                </label>
              )}
            </For>
          </fieldset>
          <label for="loop-comment">{t('track.loop.comment')}</label>
          <textarea
            id="loop-comment"
            name="comment"
            rows={3}
            maxLength={max}
            value={comment()}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          {errorLine()}
          <button type="submit" disabled={sending()}>
            {sending() ? t('track.loop.sending') : t('track.loop.confirm')}
          </button>
        </form>
      </Show>

      <Show when={choice() === 'reopen'}>
        <form id="loop-reopen" class="comment-form" onSubmit={submitReopen} novalidate>
          <label for="loop-reason">{t('track.loop.reason')}</label>
          <p id="loop-reason-hint" class="field-hint">
            {t('track.loop.reasonHint')}
          </p>
          <textarea
            ref={reasonBox}
            id="loop-reason"
            name="reason"
            rows={4}
            maxLength={max}
            required
            value={reason()}
            aria-invalid={error() === 'track.loop.noReason'}
            aria-describedby={error() ? 'loop-reason-hint loop-error' : 'loop-reason-hint'}
            onInput={(e) => {
              setReason(e.currentTarget.value);
              if (error() === 'track.loop.noReason') setError(null);
            }}
          />
          {errorLine()}
          <button type="submit" disabled={sending()}>
            {sending() ? t('track.loop.sending') : t('track.loop.reopen')}
          </button>
        </form>
      </Show>
    </section>
  );
}

/** The rating the reporter gave when they confirmed, from the `confirmed` event. */
export function reporterRating(view: ComplaintView): number | null {
  const confirmed = view.events.filter((event) => event.type === 'confirmed').at(-1);
  const rating = confirmed?.details?.rating;
  return typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null;
}
