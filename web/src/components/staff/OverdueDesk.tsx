// The desk's second list: complaints agencies hold past their response target, for the
// moderators to chase. The chosen one shows as staff read it (timeline and internal notes
// included), with a reminder to the agency (an internal note it sees live in its inbox) or a
// forward to another agency. Someone else's change first (409) shows the complaint as it is now.
import { createEffect, createMemo, createSignal, Match, on, Show, Switch } from 'solid-js';
import type { ComplaintView, MetaResponse, OverdueItem } from '../../../../worker/domain/api';
import { ApiError } from '../../api/client';
import { getComplaint } from '../../api/complaints';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import type { OverdueList as OverdueListStore } from '../../staff/moderationQueue';
import { addNote } from '../../staff/api';
import { DETAIL_TITLE_ID, InboxDetail } from '../agency/InboxDetail';
import { spanText } from '../agency/due';
import { formatDateTime } from '../public/format';
import { doneText, failureText, sendDeskAction, type DeskAction } from './actions';
import { DeskNotices } from './DeskNotices';
import { ForwardForm } from './ForwardForm';
import { OverdueList, overdueItemId } from './OverdueList';
import './DeskActions.css';
import './OverdueDesk.css';

/**
 * The reminder's first words, in Bahasa Indonesia whatever the moderator reads the desk in:
 * the agency's staff read it. The moderator may edit it before sending.
 */
export const REMIND_TEXT =
  'Pengingat dari moderator Diskominfotik: pengaduan ini sudah melewati tenggat respons. Mohon segera ditindaklanjuti dan beri jawaban kepada pelapor.';

const TEXT_MAX = 4000;

type ChaseKind = 'remind' | 'forward';

export interface OverdueDeskProps {
  list: OverdueListStore;
  now: number;
  /** The session ended (401): the page shows the sign-in. */
  onSessionEnded: () => void;
}

export function OverdueDesk(props: OverdueDeskProps) {
  const { t, lang } = useI18n();
  const { meta } = useMeta();
  const list = () => props.list;
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [kind, setKind] = createSignal<ChaseKind>('remind');
  const [said, setSaid] = createSignal('');
  /** Someone else changed it first: shown as it is now, or gone from the list with its new status. */
  const [conflict, setConflict] = createSignal<{ code: string; gone?: string } | null>(null);
  const [view, setView] = createSignal<ComplaintView>();
  const [viewState, setViewState] = createSignal<'loading' | 'ready' | 'error'>('loading');
  const [viewError, setViewError] = createSignal<unknown>();

  // The one chosen, or once it has left the list, the one that took its place.
  let lastIndex = 0;
  const selected = createMemo<OverdueItem | undefined>(() => {
    const items = list().items();
    const index = items.findIndex((item) => item.code === chosen());
    if (index >= 0) lastIndex = index;
    return items[index >= 0 ? index : Math.min(lastIndex, items.length - 1)];
  });
  const selectedCode = createMemo(() => selected()?.code);

  // A new choice, or a new version of it in the list (someone acted on it): read it again.
  let reading = 0;
  async function read(code: string) {
    const mine = ++reading;
    if (view()?.code !== code) setViewState('loading');
    try {
      const fresh = await getComplaint(code, null, { fresh: true });
      if (mine !== reading) return;
      setView(fresh);
      setViewState('ready');
    } catch (failure) {
      if (mine !== reading) return;
      if (failure instanceof ApiError && failure.code === 'unauthenticated') props.onSessionEnded();
      setViewError(failure);
      setViewState('error');
    }
  }
  createEffect(
    on(
      () => (selected() ? `${selected()!.code}@${selected()!.version}` : null),
      () => {
        const item = selected();
        if (!item) return;
        const shown = view();
        if (shown?.code === item.code && shown.version >= item.version) return;
        void read(item.code);
      },
    ),
  );
  createEffect(
    on(selectedCode, (code) => {
      setKind('remind');
      if (conflict()?.code !== code) setConflict(null);
    }),
  );

  // The complaint shown left the list by someone else's doing (its agency answered, another
  // moderator moved it): its neighbour takes its place, and the moderator is told, since a
  // reminder being written for it goes with it.
  let movedOnHere: string | null = null;
  createEffect(
    on(selectedCode, (code, previous) => {
      if (!previous || previous === code || previous === movedOnHere || list().find(previous)) return;
      setSaid(t('desk.overdue.left', { code: previous }));
    }),
  );

  function focusSelected() {
    const code = selectedCode();
    document.getElementById(code ? overdueItemId(code) : 'overdue-empty')?.focus();
  }

  function select(code: string) {
    setChosen(code);
    focusSelected();
  }

  /** After a 409 or 404: the list as it is now, and the complaint as someone else left it. */
  async function showChangedElsewhere(code: string) {
    await list().reload(list().items().length);
    const fresh = await getComplaint(code, null, { fresh: true }).catch(() => null);
    if (list().find(code) && fresh) {
      setChosen(code);
      setView(fresh);
      setConflict({ code });
      document.getElementById(DETAIL_TITLE_ID)?.focus();
      return;
    }
    const status = fresh ? t(`status.${fresh.status}`) + (fresh.agency ? ` (${fresh.agency.name})` : '') : '—';
    setConflict({ code, gone: t('desk.overdue.gone', { code, status }) });
    focusSelected();
  }

  /** What a failed action leaves: handled here (undefined), or a failure for its form to show. */
  async function failed(code: string, failure: unknown): Promise<unknown> {
    if (!(failure instanceof ApiError)) return failure;
    if (failure.code === 'unauthenticated') {
      props.onSessionEnded();
      return undefined;
    }
    if (failure.code === 'conflict' || failure.code === 'not_found') {
      await showChangedElsewhere(code);
      return undefined;
    }
    return failure;
  }

  async function remind(shown: ComplaintView, body: string): Promise<unknown> {
    try {
      const fresh = await addNote(shown.code, { version: shown.version, body });
      setView(fresh);
      setConflict(null);
      setSaid(t('desk.remind.done', { code: shown.code, agency: shown.agency?.name ?? '' }));
      // The list says when it was reminded, and carries the new version.
      void list().reload(list().items().length);
      return undefined;
    } catch (failure) {
      return failed(shown.code, failure);
    }
  }

  async function forward(shown: ComplaintView, action: DeskAction): Promise<unknown> {
    try {
      await sendDeskAction(shown.code, action, shown.version);
      setConflict(null);
      // Its new agency has a new target: it leaves the list, and its neighbour takes its place.
      movedOnHere = shown.code;
      setChosen(shown.code);
      list().remove(shown.code);
      setSaid(doneText(shown.code, action, t));
      focusSelected();
      return undefined;
    } catch (failure) {
      return failed(shown.code, failure);
    }
  }

  const heldText = (item: OverdueItem) =>
    t('desk.overdue.held', {
      agency: item.agency.name,
      since: item.forwardedAt ? formatDateTime(item.forwardedAt, lang()) : '—',
      due: formatDateTime(item.dueAt, lang()),
      time: spanText(props.now - Date.parse(item.dueAt), lang()),
    });

  return (
    <div class="overdue-desk">
      <Show
        when={list().status() === 'ready'}
        fallback={
          <Show when={list().status() === 'error'} fallback={<p role="status">{t('feed.loadingMore')}</p>}>
            <p role="alert">
              {t('desk.overdue.loadError')} {t(errorMessageKey(list().error()))}
            </p>
            <button type="button" onClick={() => void list().reload()}>
              {t('error.retry')}
            </button>
          </Show>
        }
      >
        <div class="desk-summary">
          <p>
            {t('desk.overdue.count', { count: String(list().total()) })}{' '}
            <button type="button" onClick={() => void list().reload()}>
              {t('desk.reload')}
            </button>
          </p>
        </div>
      </Show>
      <DeskNotices said={said()} gone={conflict()?.gone} class="overdue-said" />
      <Show when={list().status() === 'ready'}>
        <Show when={selected()} fallback={<p id="overdue-empty" tabindex="-1">{t('desk.overdue.empty')}</p>}>
          {(item) => (
            <div class="desk-columns">
              <div class="desk-queue">
                <OverdueList items={list().items()} selected={selectedCode() ?? null} now={props.now} onSelect={select} />
                <Show when={list().hasMore()}>
                  <button type="button" onClick={() => void list().loadMore()} aria-disabled={list().moreStatus() === 'loading'}>
                    {t('feed.loadMore')}
                  </button>
                </Show>
              </div>
              <Switch>
                <Match when={viewState() === 'error' && view()?.code !== item().code}>
                  <div>
                    <p role="alert">
                      {t('desk.overdue.itemError')} {t(errorMessageKey(viewError()))}
                    </p>
                    <button type="button" onClick={() => void read(item().code)}>
                      {t('error.retry')}
                    </button>
                  </div>
                </Match>
                <Match when={view()?.code === item().code && view()}>
                  {(shown) => (
                    <InboxDetail
                      view={shown()}
                      ours={false}
                      changedElsewhere={conflict()?.code === shown().code && !conflict()!.gone}
                      perform={async () => undefined}
                      actions={
                        <ChaseActions
                          view={shown()}
                          held={heldText(item())}
                          kind={kind()}
                          onKind={setKind}
                          meta={meta.state === 'ready' ? meta() : undefined}
                          remind={(body) => remind(shown(), body)}
                          forward={(action) => forward(shown(), action)}
                        />
                      }
                    />
                  )}
                </Match>
                <Match when={true}>
                  <p role="status">{t('desk.overdue.loading')}</p>
                </Match>
              </Switch>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}

interface ChaseActionsProps {
  view: ComplaintView;
  /** "Dipegang PDAM sejak …; tenggat …, lewat 5 jam." */
  held: string;
  kind: ChaseKind;
  onKind: (kind: ChaseKind) => void;
  /** Agencies and priorities for the forward form; undefined until /api/meta is in. */
  meta: MetaResponse | undefined;
  remind: (body: string) => Promise<unknown>;
  forward: (action: DeskAction) => Promise<unknown>;
}

/** Remind the agency holding it, or move it on to another agency. */
function ChaseActions(props: ChaseActionsProps) {
  const { t } = useI18n();
  return (
    <section class="desk-actions chase-actions" aria-label={t(props.kind === 'remind' ? 'desk.remind' : 'desk.moveOn')}>
      <p class="chase-held">{props.held}</p>
      <div class="action-buttons">
        <button type="button" aria-pressed={props.kind === 'remind'} onClick={() => props.onKind('remind')}>
          {t('desk.remind')}
        </button>
        <button type="button" aria-pressed={props.kind === 'forward'} onClick={() => props.onKind('forward')}>
          {t('desk.moveOn')}
        </button>
      </div>
      <Switch>
        <Match when={props.kind === 'remind'}>
          <RemindForm agency={props.view.agency?.name ?? ''} send={props.remind} />
        </Match>
        <Match when={props.kind === 'forward' && props.meta}>
          {(meta) => (
            // A new version (changed by someone else) starts the form afresh, as at the triage desk.
            <Show when={`${props.view.code}@${props.view.version}`} keyed>
              {(_version) => (
                <ForwardForm
                  item={{ category: props.view.category, priority: props.view.priority, heldBy: props.view.agency }}
                  meta={meta()}
                  perform={props.forward}
                  idPrefix="overdue-"
                />
              )}
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}

/** The reminder, prefilled and editable; what was typed stays when someone else changed the complaint first. */
function RemindForm(props: { agency: string; send: (body: string) => Promise<unknown> }) {
  const { t } = useI18n();
  const [text, setText] = createSignal(REMIND_TEXT);
  const [problem, setProblem] = createSignal('');
  const [failure, setFailure] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const body = text().trim();
    if (!body) {
      setProblem(t('desk.remind.empty'));
      document.getElementById('remind-text')?.focus();
      return;
    }
    setProblem('');
    setFailure(undefined);
    setBusy(true);
    try {
      setFailure(await props.send(body));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="action-form" onSubmit={(e) => void submit(e)} novalidate>
      <div>
        <label for="remind-text">{t('desk.remind.label', { agency: props.agency })}</label>
        <Show when={problem()}>
          <p class="field-error" id="remind-text-error">
            {problem()}
          </p>
        </Show>
        <textarea
          id="remind-text"
          rows={4}
          maxlength={TEXT_MAX}
          aria-invalid={problem() ? 'true' : undefined}
          aria-describedby={problem() ? 'remind-text-error' : undefined}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <Show when={failure()}>
        <p role="alert">{failureText(failure(), t)}</p>
      </Show>
      <button type="submit" class="primary" aria-disabled={busy()}>
        {busy() ? t('staff.busy') : t('desk.remind.send')}
      </button>
    </form>
  );
}
