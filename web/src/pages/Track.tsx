// `/lacak`: find a complaint by its code, or open one remembered on this device.
// `/lacak/:code`: the complaint's tracking page; with the reporter's token it also shows their
// details and lets them reply, and on a resolved complaint confirm it (with a rating) or reopen it.
import { useParams } from '@solidjs/router';
import { createRenderEffect, createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { ComplaintView, TimelineEvent } from '../../../worker/domain/api';
import { ApiError } from '../api/client';
import { getComplaint } from '../api/complaints';
import { CloseLoop, reporterRating } from '../components/public/CloseLoop';
import { CommentForm } from '../components/public/CommentForm';
import { LoadError } from '../components/LoadError';
import {
  ComplaintFacts,
  ComplaintHeader,
  ReporterDetails,
} from '../components/public/ComplaintDetails';
import { MyComplaintsList } from '../components/public/MyComplaintsList';
import { forgetMyComplaint, rememberMyComplaint } from '../components/public/myComplaints';
import { PhotoGallery } from '../components/public/PhotoGallery';
import { Timeline } from '../components/public/Timeline';
import { TrackCodeForm } from '../components/public/TrackCodeForm';
import { normaliseComplaintCode } from '../../../worker/domain/complaint-code';
import { followComplaint } from '../components/public/liveComplaint';
import { useTrackingToken } from '../components/public/trackingToken';
import { LiveState } from '../live/LiveState';
import { useI18n, usePageTitle, type MessageKey } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import './Track.css';

function TrackStart() {
  const { t } = useI18n();
  usePageTitle('track.title');
  return (
    <section class="track-start" aria-labelledby="track-title">
      <h1 id="track-title">{t('track.form.title')}</h1>
      <p>{t('track.form.intro')}</p>
      <TrackCodeForm />
      <MyComplaintsList />
    </section>
  );
}

function ComplaintNotFound(props: { typed: string }) {
  const { t } = useI18n();
  usePageTitle('track.notFound.pageTitle');
  return (
    <section class="track-start" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('track.notFound.title')}</h1>
      <p>{t('track.notFound.body', { code: props.typed })}</p>
      <p>{t('track.notFound.confidential')}</p>
      <TrackCodeForm initial={props.typed} />
    </section>
  );
}

function TrackComplaint(props: { code: string }) {
  const { t } = useI18n();
  const tokens = useTrackingToken(props.code);
  /** The token the server accepted as the reporter's, once the complaint has loaded. */
  let token: string | null = tokens.fromLink ?? tokens.stored;
  /** The link carried a token that is not this complaint's (cut short, mistyped). */
  const [linkRefused, setLinkRefused] = createSignal(false);
  const [complaint, { mutate, refetch }] = createResource(async () => {
    // The link's token first, then the one kept on this device.
    const tries = [...new Set([tokens.fromLink, tokens.stored])].filter((t): t is string => !!t);
    let seen: ComplaintView | undefined;
    let missing: unknown;
    for (const tried of tries) {
      try {
        const view = await getComplaint(props.code, tried);
        if (view.viewerIsReporter) {
          token = tried;
          rememberMyComplaint({ code: view.code, token: tried, title: view.title, submittedAt: view.submittedAt });
          return view;
        }
        seen = view;
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'not_found')) throw error;
        missing = error;
      }
    }
    if (tokens.fromLink) forgetMyComplaint(props.code, tokens.fromLink);
    if (tokens.fromLink || tokens.malformed) setLinkRefused(true);
    token = null;
    if (seen) return seen;
    if (missing) throw missing;
    return getComplaint(props.code, null);
  });
  const notFound = () =>
    complaint.state === 'errored' &&
    complaint.error instanceof ApiError &&
    complaint.error.code === 'not_found';
  const addEvent = (event: TimelineEvent) =>
    mutate((view) => view && { ...view, events: [...view.events, event] });
  const live = followComplaint({
    code: props.code,
    get token() {
      return token;
    },
    view: () => (complaint.state === 'ready' ? complaint() : undefined),
    update: (view) => mutate(view),
  });

  // What the reporter's answer to "is it solved?" led to; it outlives the controls it came from.
  const [loopSaid, setLoopSaid] = createSignal<MessageKey | null>(null);
  let loopSaidLine: HTMLParagraphElement | undefined;
  const sayLoop = (key: MessageKey) => {
    setLoopSaid(key);
    loopSaidLine?.focus();
  };
  const loopDone = (view: ComplaintView, said: MessageKey) => {
    mutate(view);
    sayLoop(said);
  };
  async function loopConflict() {
    try {
      mutate(await getComplaint(props.code, token));
      sayLoop('track.loop.conflict');
    } catch {
      sayLoop('track.loop.reloadFailed');
    }
  }

  createRenderEffect(() => {
    if (!notFound()) document.title = t('track.pageTitle', { code: props.code });
  });

  return (
    <Switch>
      <Match when={notFound()}>
        <ComplaintNotFound typed={props.code} />
      </Match>
      <Match when={complaint.state === 'errored'}>
        <LoadError
          heading={props.code}
          message={`${t('track.loadError')} ${t(errorMessageKey(complaint.error))}`}
          onRetry={() => void refetch()}
        />
      </Match>
      <Match when={complaint.state === 'ready' && complaint()}>
        {(view) => (
          <article class="complaint" aria-labelledby="complaint-title">
            <Show when={live.reconnecting()}>
              <LiveState state="offline" />
            </Show>
            <Show when={live.movedAway()}>
              <p class="track-said" role="status">
                {t('track.movedAway')}
              </p>
            </Show>
            <ComplaintHeader complaint={view()} />
            <Show when={linkRefused()}>
              <p class="form-error" role="alert">
                {t('track.linkRefused')}
              </p>
            </Show>
            <p role="status" class="track-said">
              {live.said()}
            </p>
            <ComplaintFacts complaint={view()} />
            <section aria-labelledby="description-title">
              <h2 id="description-title">{t('track.description')}</h2>
              <Show when={!view().textWithheld} fallback={<p class="field-hint">{t('track.withheld.public')}</p>}>
                <p class="complaint-description">{view().description}</p>
              </Show>
              <Show when={view().viewerIsReporter && view().status === 'rejected'}>
                <p class="field-hint">{t('track.withheld.reporter')}</p>
              </Show>
            </section>
            <Show when={view().photos.length > 0}>
              <section aria-labelledby="photos-title">
                <h2 id="photos-title">{t('track.photos')}</h2>
                <PhotoGallery photos={view().photos} needsToken={!view().photosPublic} token={token} />
              </section>
            </Show>
            <Show when={view().viewerIsReporter}>
              <ReporterDetails complaint={view()} />
            </Show>
            <section aria-labelledby="timeline-title">
              <h2 id="timeline-title">{t('track.timeline.title')}</h2>
              <Timeline events={view().events} />
            </section>
            <Show when={view().viewerIsReporter}>
              <p ref={loopSaidLine} class="form-success loop-said" role="status" tabindex="-1">
                {loopSaid() ? t(loopSaid()!) : ''}
              </p>
            </Show>
            <Show when={view().viewerIsReporter && view().status === 'resolved' && token}>
              {(reporterToken) => (
                <CloseLoop
                  complaint={view()}
                  token={reporterToken()}
                  onDone={loopDone}
                  onConflict={() => void loopConflict()}
                />
              )}
            </Show>
            <Switch fallback={<p class="field-hint">{t('track.comment.reporterOnly')}</p>}>
              <Match when={view().status === 'closed'}>
                <Show when={view().viewerIsReporter && reporterRating(view())}>
                  {(rating) => (
                    <p class="loop-rating">
                      <span aria-hidden="true">{'★'.repeat(rating())} </span>
                      {t('track.loop.yourRating', { rating: String(rating()) })}
                    </p>
                  )}
                </Show>
                <p class="field-hint">{t('track.comment.closed')}</p>
              </Match>
              <Match when={view().viewerIsReporter && token}>
                {(reporterToken) => (
                  <CommentForm code={view().code} token={reporterToken()} onPosted={addEvent} />
                )}
              </Match>
            </Switch>
          </article>
        )}
      </Match>
      <Match when={true}>
        <p role="status">{t('track.loading', { code: props.code })}</p>
      </Match>
    </Switch>
  );
}

export default function Track() {
  const params = useParams<{ code?: string }>();
  // Keyed by the canonical code: "ntb-7k3m9q2x" becoming "NTB-7K3M9Q2X" in the address
  // keeps the same page, while another code starts afresh.
  const code = () => (params.code ? normaliseComplaintCode(params.code) : null);
  return (
    <Switch>
      <Match when={!params.code}>
        <TrackStart />
      </Match>
      <Match when={code()} keyed>
        {(canonical) => <TrackComplaint code={canonical} />}
      </Match>
      <Match when={params.code}>{(typed) => <ComplaintNotFound typed={typed()} />}</Match>
    </Switch>
  );
}
