// The moderators' triage desk: the queue on one side, the selected complaint and its
// decision on the other. It owns the selection and what happens after an action: the
// complaint leaves, the next one takes the focus, and a status line says what was done.
// Beside the queue, a second view lists complaints agencies hold past due (OverdueDesk);
// the one live topic keeps both current.
import { createEffect, createMemo, createSignal, on, onCleanup, Show } from 'solid-js';
import type { ModerationItem } from '../../../../worker/domain/api';
import { ApiError } from '../../api/client';
import { getComplaint } from '../../api/complaints';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { LiveState } from '../../live/LiveState';
import { useLiveTopic, type LiveEvent } from '../../live/useLiveTopic';
import { createModerationQueue, createOverdueList } from '../../staff/moderationQueue';
import { useStaffSession } from '../../staff/session';
import {
  ACTION_FORM_ID,
  correctedItem,
  doneText,
  sendDeskAction,
  type DeskAction,
  type DeskActionKind,
} from './actions';
import { DeskItem } from './DeskItem';
import { useDeskKeys } from './deskKeys';
import { DeskKeysHelp } from './DeskKeysHelp';
import { DeskNotices } from './DeskNotices';
import { createNow } from './format';
import { ITEM_TITLE_ID } from './ItemDetails';
import { OverdueDesk } from './OverdueDesk';
import { QueueList, queueItemId } from './QueueList';

/** The next page loads by itself once the selection comes this close to the end of the list. */
const LOAD_AHEAD = 10;

/**
 * Whether an event may change the overdue list: a breach adds a complaint; any event on one it
 * lists may take it out or change its entry (an answer, a forward, a reminder). Events on other
 * complaints, most of the province's, leave it alone.
 */
const touchesOverdue = (message: LiveEvent, listed: (code: string) => unknown) =>
  message.eventType === 'breached' || !!listed(message.complaintCode);
/** A burst of such events (a cron sweep marking breaches) rereads the list once. */
export const OVERDUE_REFRESH_MS = 500;

type DeskView = 'queue' | 'overdue';
const deskViews: readonly DeskView[] = ['queue', 'overdue'];
const tabId = (view: DeskView) => `desk-tab-${view}`;
const panelId = (view: DeskView) => `desk-panel-${view}`;

export function ModerationDesk() {
  const { t } = useI18n();
  const session = useStaffSession();
  const now = createNow();
  useMeta(); // the forms need agencies and categories: load them alongside the queue
  const endedOn401 = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'unauthenticated') session.ended();
  };
  const queue = createModerationQueue(endedOn401);
  const overdue = createOverdueList(endedOn401);
  const [view, setView] = createSignal<DeskView>('queue');
  // The overdue view opens the first complaint it lists: not before it is first shown.
  const [overdueShown, setOverdueShown] = createSignal(false);
  createEffect(() => view() === 'overdue' && setOverdueShown(true));
  let queuePanel!: HTMLDivElement;

  let overdueTimer: ReturnType<typeof setTimeout> | undefined;
  /** Rereads the overdue list soon, once however many events come meanwhile. */
  function refreshOverdueSoon() {
    if (overdueTimer) return;
    overdueTimer = setTimeout(() => {
      overdueTimer = undefined;
      void overdue.reload(overdue.items().length);
    }, OVERDUE_REFRESH_MS);
  }
  onCleanup(() => clearTimeout(overdueTimer));
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [action, setAction] = createSignal<DeskActionKind>('forward');
  const [said, setSaid] = createSignal('');
  /** A complaint someone else changed: still waiting (shown with it), or gone with its new status. */
  const [conflict, setConflict] = createSignal<{ code: string; gone?: string } | null>(null);
  let desk!: HTMLDivElement;

  // The selected complaint: the one chosen, or, once it has left the queue, the one that took
  // its place (the next, or the previous when it was the last).
  let lastIndex = 0;
  const selected = createMemo(() => {
    const list = queue.items();
    const index = list.findIndex((item) => item.code === chosen());
    if (index >= 0) lastIndex = index;
    return list[index >= 0 ? index : Math.min(lastIndex, list.length - 1)];
  });
  const selectedCode = createMemo(() => selected()?.code);
  const selectedIndex = () => queue.items().findIndex((item) => item.code === selectedCode());
  // Never undefined once something was selected, so the panel can read it while the queue empties.
  const shown = createMemo<ModerationItem | undefined>((previous) => selected() ?? previous);

  // Each complaint opens on forwarding, the usual decision.
  createEffect(
    on(selectedCode, (code) => {
      setAction('forward');
      if (conflict()?.code !== code) setConflict(null);
    }),
  );
  createEffect(() => {
    if (queue.hasMore() && queue.moreStatus() === 'idle' && selectedIndex() >= queue.items().length - LOAD_AHEAD) {
      void queue.loadMore();
    }
  });

  function focusSelected() {
    const code = selectedCode();
    (document.getElementById(code ? queueItemId(code) : 'desk-empty') ?? desk).focus();
  }

  function select(code: string) {
    setChosen(code);
    focusSelected();
  }

  function move(step: number) {
    const list = queue.items();
    const next = list[Math.max(0, Math.min(list.length - 1, selectedIndex() + step))];
    if (next) select(next.code);
  }

  function openAction(kind: DeskActionKind) {
    setAction(kind);
    document.getElementById(ACTION_FORM_ID)?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  useDeskKeys({
    ready: () => view() === 'queue' && queue.status() === 'ready' && !!selected(),
    move,
    openAction,
    backToQueue: focusSelected,
    within: () => queuePanel,
  });

  /** The tabs: a click or Enter shows a view; the arrows, Home and End move between tabs. */
  function showView(next: DeskView, focus = false) {
    setView(next);
    if (focus) document.getElementById(tabId(next))?.focus();
  }
  function onTabKey(event: KeyboardEvent) {
    const index = deskViews.indexOf(view());
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: deskViews.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    showView(deskViews[(to + deskViews.length) % deskViews.length]!, true);
  }
  const tabCount = (of: DeskView) => {
    const list = of === 'queue' ? queue : overdue;
    return list.status() === 'ready' ? ` (${list.total()})` : '';
  };

  /** After a 409: the queue as it is now, and the complaint as someone else left it. */
  async function showChangedElsewhere(code: string) {
    await queue.reload(queue.items().length);
    if (queue.find(code)) {
      setChosen(code);
      setConflict({ code });
      document.getElementById(ITEM_TITLE_ID)?.focus();
      return;
    }
    const view = await getComplaint(code).catch(() => null);
    const status = view ? t(`status.${view.status}`) + (view.agency ? ` (${view.agency.name})` : '') : '—';
    setConflict({ code, gone: t('desk.conflictGone', { code, status }) });
    focusSelected();
  }

  /** Complaints this moderator is acting on: their own live echo is no news. */
  const acting = new Set<string>();

  /** Reloads as far as is loaded, keeping the selection on its complaint; says what is new. */
  async function refresh() {
    const before = new Set(queue.items().map((item) => item.code));
    const code = selectedCode();
    if (code) setChosen(code); // a complaint placed above it must not shift the selection
    await queue.reload(queue.items().length);
    if (queue.status() === 'error') throw queue.error();
    const added = queue.items().filter((item) => !before.has(item.code)).map((item) => item.code);
    if (before.size && added.length) setSaid(t('desk.arrived', { codes: added.join(', ') }));
  }

  /** Another moderator decided or corrected a complaint in the queue. */
  function actedElsewhere(message: LiveEvent) {
    const item = queue.find(message.complaintCode);
    if (!item || acting.has(item.code) || message.version <= item.version) return;
    if (message.eventType === 'corrected') {
      if (item.code === selectedCode()) setConflict({ code: item.code });
      setSaid(t('desk.correctedElsewhere', { code: item.code }));
      void refresh().catch(() => undefined);
      return;
    }
    const wasSelected = item.code === selectedCode();
    const focusInside = queuePanel.contains(document.activeElement);
    if (wasSelected) setChosen(item.code); // so that its neighbour takes its place
    queue.remove(item.code);
    setSaid(t('desk.decidedElsewhere', { code: item.code, status: t(`status.${message.status}`) }));
    if (wasSelected && (focusInside || document.activeElement === document.body)) focusSelected();
  }

  const live = useLiveTopic({
    topic: () => 'moderation',
    sessionStillValid: session.stillValid,
    async onCatchUp(since) {
      // The queue as read now covers whatever was missed, and every event up to the newest
      // applied so far (committed before it): that is the mark this catch-up read up to.
      const covered = live.lastEventId();
      await Promise.all([refresh(), overdue.reload(overdue.items().length)]);
      return Math.max(since ?? 0, covered ?? 0);
    },
    onMessage(message) {
      if (touchesOverdue(message, overdue.find)) refreshOverdueSoon();
      if (message.eventType === 'submitted' || message.eventType === 'returned') {
        void refresh().catch(() => undefined);
      } else if (['forwarded', 'rejected', 'duplicate', 'corrected'].includes(message.eventType)) {
        actedElsewhere(message);
      }
    },
  });

  async function perform(item: ModerationItem, action: DeskAction): Promise<unknown> {
    acting.add(item.code);
    try {
      const view = await sendDeskAction(item.code, action, item.version);
      setConflict(null);
      if (action.kind === 'correct') {
        // Read it back from the queue: a new category or place comes with a new routing
        // suggestion, which the forward form (opened next) preselects.
        await refresh().catch(() => queue.replace(correctedItem(item, view)));
        if (queue.find(item.code)?.version !== view.version) queue.replace(correctedItem(item, view));
        setAction('forward');
      } else {
        setChosen(item.code); // so that its neighbour takes its place
        queue.remove(item.code);
      }
      setSaid(doneText(item.code, action, t));
      focusSelected();
      return undefined;
    } catch (failure) {
      if (!(failure instanceof ApiError)) return failure;
      if (failure.code === 'unauthenticated') {
        session.ended();
        return undefined;
      }
      // A stale version, a status that no longer allows it, or gone: never overwrite, show.
      if (failure.code === 'conflict' || failure.code === 'not_found') {
        await showChangedElsewhere(item.code);
        return undefined;
      }
      return failure;
    } finally {
      acting.delete(item.code);
    }
  }

  return (
    <div class="desk" ref={desk} tabindex="-1">
      <div class="desk-views">
        <div role="tablist" aria-label={t('desk.views')} class="desk-tabs">
          {deskViews.map((each) => (
            <button
              type="button"
              role="tab"
              id={tabId(each)}
              aria-selected={view() === each}
              aria-controls={panelId(each)}
              tabindex={view() === each ? 0 : -1}
              onClick={() => showView(each)}
              onKeyDown={onTabKey}
            >
              {t(`desk.view.${each}`)}
              {tabCount(each)}
            </button>
          ))}
        </div>
        <LiveState state={live.state()} />
      </div>
      <div role="tabpanel" id={panelId('queue')} aria-labelledby={tabId('queue')} hidden={view() !== 'queue'} ref={queuePanel}>
        <div class="desk-summary">
          <Show when={queue.status() === 'ready'}>
            <p>
              {t('desk.count', { count: String(queue.total()) })}{' '}
              <button type="button" onClick={() => void queue.reload()}>
                {t('desk.reload')}
              </button>
            </p>
          </Show>
          <a href="/api/export/complaints.csv" download="">
            {t('desk.csv')}
          </a>
          <DeskKeysHelp />
        </div>
        <DeskNotices said={said()} gone={conflict()?.gone} />
        <Show
          when={queue.status() === 'ready'}
          fallback={
            <Show when={queue.status() === 'error'} fallback={<p role="status">{t('feed.loadingMore')}</p>}>
              <p role="alert">
                {t('desk.loadError')} {t(errorMessageKey(queue.error()))}
              </p>
              <button type="button" onClick={() => void queue.reload()}>
                {t('error.retry')}
              </button>
            </Show>
          }
        >
          <Show when={selected()} fallback={<p id="desk-empty" tabindex="-1">{t('desk.empty')}</p>}>
            <div class="desk-columns">
              <div class="desk-queue">
                <QueueList items={queue.items()} selected={selectedCode() ?? null} now={now()} onSelect={select} />
                <Show when={queue.moreStatus() === 'error'}>
                  <p role="alert">{t('desk.loadError')}</p>
                  <button type="button" onClick={() => void queue.loadMore()}>
                    {t('error.retry')}
                  </button>
                </Show>
              </div>
              <DeskItem
                item={shown()!}
                now={now()}
                changedElsewhere={!!conflict() && !conflict()!.gone && conflict()!.code === selectedCode()}
                action={action()}
                onAction={openAction}
                perform={(next) => perform(shown()!, next)}
              />
            </div>
          </Show>
        </Show>
      </div>
      <div role="tabpanel" id={panelId('overdue')} aria-labelledby={tabId('overdue')} hidden={view() !== 'overdue'}>
        <Show when={overdueShown()}>
          <OverdueDesk list={overdue} now={now()} onSessionEnded={session.ended} />
        </Show>
      </div>
    </div>
  );
}
