// The agency's inbox: the list with counts and a status filter beside the selected complaint.
// It follows the agency's live topic: any event re-reads the list from the API (D1 is the
// truth); a complaint newly forwarded here beeps and, when allowed, notifies.
import { useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { normaliseComplaintCode } from '../../../../worker/domain/complaint-code';
import type { ComplaintView, StaffInfo } from '../../../../worker/domain/api';
import { complaintStatuses, type ComplaintStatus } from '../../../../worker/domain/vocabulary';
import type { LiveTopic } from '../../../../worker/domain/live';
import { askNotifyPermission, beep, notify, notifyPermission, unlockSound } from '../../agency/alert';
import { sendAgencyAction, type AgencyAction } from '../../agency/api';
import { createInbox, isArrival } from '../../agency/inbox';
import { ApiError } from '../../api/client';
import { getComplaint } from '../../api/complaints';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { LiveState } from '../../live/LiveState';
import { useLiveTopic, type LiveEvent } from '../../live/useLiveTopic';
import { INBOX_PATH } from '../../staff/destination';
import { useStaffSession } from '../../staff/session';
import { createNow } from '../staff/format';
import { DETAIL_TITLE_ID, InboxDetail } from './InboxDetail';
import { InboxList } from './InboxList';

const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.code === 'unauthenticated';

/** `code`: the complaint the address names (`/instansi/NTB-…`), opened first. */
export function AgencyInbox(props: { user: StaffInfo; code?: string }) {
  const { t } = useI18n();
  const session = useStaffSession();
  const now = createNow();
  const inbox = createInbox({ onError: (error) => isUnauthenticated(error) && session.ended() });
  const [selected, setSelected] = createSignal<string | null>(null);
  const [view, setView] = createSignal<ComplaintView | null>(null);
  const [viewError, setViewError] = createSignal<unknown>();
  const [changedElsewhere, setChangedElsewhere] = createSignal(false);
  const [said, setSaid] = createSignal('');
  const [permission, setPermission] = createSignal(notifyPermission());
  const navigate = useNavigate();
  /** Actions in flight: their own live echo is no news. */
  let acting = false;

  void inbox.refresh().catch(() => undefined);
  const linked = props.code ? normaliseComplaintCode(props.code) : null;

  async function loadView(code: string) {
    setViewError(undefined);
    try {
      const fresh = await getComplaint(code);
      if (selected() === code) setView(fresh);
      return fresh;
    } catch (error) {
      if (isUnauthenticated(error)) session.ended();
      if (selected() === code) setViewError(error);
      return null;
    }
  }

  function select(code: string) {
    if (code === selected()) return;
    setSelected(code);
    // The address names it, to share or bookmark; no history entry per complaint looked at.
    navigate(`${INBOX_PATH}/${code}`, { replace: true, scroll: false });
    setView(null);
    setChangedElsewhere(false);
    setSaid('');
    void loadView(code).then(() => document.getElementById(DETAIL_TITLE_ID)?.focus());
  }

  onMount(() => linked && select(linked));

  /** Arrivals, each event once (the live hook sees to that): a beep, a notification each. */
  function announce(codes: string[]) {
    const fresh = [...new Set(codes)];
    if (!fresh.length) return;
    beep();
    for (const code of fresh) {
      const title = inbox.find(code)?.title ?? '';
      // Clicked: this tab comes forward with the complaint open.
      notify(t('inbox.arrived'), title ? `${code}: ${title}` : code, code, () => select(code));
    }
    setSaid(`${t('inbox.arrived')}: ${fresh.join(', ')}`);
  }

  /** The selected complaint moved on elsewhere: show its new state and say so. */
  async function followSelected(code: string, version: number) {
    const shown = view();
    if (acting || selected() !== code || !shown || version <= shown.version) return;
    const fresh = await loadView(code);
    if (fresh && fresh.version > shown.version) setChangedElsewhere(true);
  }

  const topic = (): LiveTopic | null => (props.user.agencyId === null ? null : `agency:${props.user.agencyId}`);
  const live = useLiveTopic({
    topic,
    sessionStillValid: session.stillValid,
    async onCatchUp(since, firstSight) {
      const { events, lastEventId } = await inbox.catchUp(since);
      // Re-read from the last catch-up's mark: some of these were applied live already.
      const unseen = events.filter((event) => firstSight(event.eventId));
      announce(unseen.filter(isArrival).map((event) => event.complaintCode));
      for (const event of unseen) void followSelected(event.complaintCode, event.version);
      return lastEventId;
    },
    onMessage(message: LiveEvent) {
      void inbox.refresh().then(
        () => isArrival(message) && announce([message.complaintCode]),
        () => undefined,
      );
      void followSelected(message.complaintCode, message.version);
    },
  });

  async function perform(shown: ComplaintView, action: AgencyAction): Promise<unknown> {
    acting = true;
    try {
      const updated = await sendAgencyAction(shown.code, action, shown.version);
      setView(updated);
      setChangedElsewhere(false);
      inbox.updateFrom(updated, action.kind === 'respond' || action.kind === 'resolve');
      setSaid(t(`inbox.done.${action.kind}`, { code: shown.code }));
      void inbox.refresh().catch(() => undefined); // the counts move too
      return undefined;
    } catch (failure) {
      if (!(failure instanceof ApiError)) return failure;
      if (failure.code === 'unauthenticated') {
        session.ended();
        return undefined;
      }
      // Stale, or no longer allowed: never overwrite; show what it is now and say why.
      if (failure.code === 'conflict') {
        const fresh = await loadView(shown.code);
        if (fresh) inbox.updateFrom(fresh, false);
        setChangedElsewhere(true);
        document.getElementById(DETAIL_TITLE_ID)?.focus();
        void inbox.refresh().catch(() => undefined);
        return undefined;
      }
      if (failure.code === 'not_found') {
        setSaid(t('inbox.gone', { code: shown.code }));
        void inbox.refresh().catch(() => undefined);
      }
      return failure;
    } finally {
      acting = false;
    }
  }

  async function allowNotifications() {
    unlockSound();
    setPermission(await askNotifyPermission());
  }

  const openCounts = () =>
    complaintStatuses
      .map((status) => [status, inbox.counts()[status] ?? 0] as const)
      .filter(([status, count]) => count > 0 || status === inbox.filter());
  const total = () => Object.values(inbox.counts()).reduce((sum, n) => sum + (n ?? 0), 0);
  /** The CSV of what this agency can see, narrowed to the chosen status; the session cookie authorises it. */
  const csvHref = () => {
    const status = inbox.filter();
    return `/api/export/complaints.csv${status ? `?${new URLSearchParams({ status }).toString()}` : ''}`;
  };

  // Audio may start only after a gesture: any click on the page will do.
  const unlock = () => unlockSound();
  document.addEventListener('pointerdown', unlock, { once: true });
  onCleanup(() => document.removeEventListener('pointerdown', unlock));

  return (
    <div class="inbox">
      <div class="inbox-summary">
        <LiveState state={live.state()} />
        <Show
          when={permission() === 'default'}
          fallback={
            <Show when={permission() === 'granted' || permission() === 'denied'}>
              <p class="notify-state">{t(permission() === 'granted' ? 'inbox.notifyOn' : 'inbox.notifyBlocked')}</p>
            </Show>
          }
        >
          <button type="button" onClick={() => void allowNotifications()}>
            {t('inbox.notify')}
          </button>
        </Show>
        <a href={csvHref()} download="">
          {t('inbox.csv')}
        </a>
      </div>
      <div class="inbox-filter" role="group" aria-label={t('inbox.filter')}>
        <button type="button" aria-pressed={inbox.filter() === null} onClick={() => inbox.setFilter(null)}>
          {t('inbox.all')} <span class="count">{total()}</span>
        </button>
        <For each={openCounts()}>
          {([status, count]) => (
            <button
              type="button"
              aria-pressed={inbox.filter() === status}
              onClick={() => inbox.setFilter(status as ComplaintStatus)}
            >
              {t(`status.${status}`)} <span class="count">{count}</span>
            </button>
          )}
        </For>
      </div>
      <p role="status" class="desk-said">
        {said()}
      </p>
      <Show
        when={inbox.status() === 'ready'}
        fallback={
          <Show when={inbox.status() === 'error'} fallback={<p role="status">{t('feed.loadingMore')}</p>}>
            <p role="alert">
              {t('inbox.loadError')} {t(errorMessageKey(inbox.error()))}
            </p>
            <button type="button" onClick={() => void inbox.refresh().catch(() => undefined)}>
              {t('error.retry')}
            </button>
          </Show>
        }
      >
        <div class="desk-columns">
          <div class="desk-queue">
            <Show when={inbox.items().length > 0} fallback={<p>{t('inbox.empty')}</p>}>
              <InboxList items={inbox.items()} selected={selected()} now={now()} onSelect={select} />
            </Show>
            <Show when={inbox.hasMore()}>
              <Show when={inbox.moreStatus() === 'error'}>
                <p role="alert">{t('feed.moreError')}</p>
              </Show>
              <button type="button" aria-disabled={inbox.moreStatus() === 'loading'} onClick={() => void inbox.loadMore()}>
                {inbox.moreStatus() === 'loading' ? t('feed.loadingMore') : t('inbox.more')}
              </button>
            </Show>
          </div>
          <div>
            <Show
              when={view()}
              fallback={
                <Show
                  when={selected() && viewError()}
                  fallback={<p>{selected() ? t('feed.loadingMore') : t('inbox.choose')}</p>}
                >
                  <p role="alert">{t(errorMessageKey(viewError()))}</p>
                  <button type="button" onClick={() => void loadView(selected()!)}>
                    {t('error.retry')}
                  </button>
                </Show>
              }
            >
              {(shown) => (
                <InboxDetail
                  view={shown()}
                  ours={!!shown().agency && shown().agency!.slug === props.user.agency?.slug}
                  changedElsewhere={changedElsewhere()}
                  perform={(action) => perform(shown(), action)}
                />
              )}
            </Show>
          </div>
        </div>
      </Show>
    </div>
  );
}
