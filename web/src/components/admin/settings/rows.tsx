// A list an admin settings section loads and then edits in place. Rows are kept by key,
// so a row that changes keeps its open panel and the admin's focus. When the session has
// ended the staff gate sends the admin to sign in again.
import { createSignal, For, Match, Show, Switch, type Component, type JSX } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorMessageKey } from '../../../i18n/messages';
import { type MessageKey } from '../../../i18n';
import { useStaffSession } from '../../../staff/session';
import { settingsErrorKey } from './errors';
import { FormError } from '../PanelActions';

export function createRows<T extends object>(fetcher: () => Promise<T[]>, key: keyof T & string) {
  const session = useStaffSession();
  const [rows, setRows] = createStore<T[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>();

  async function load() {
    setError(undefined);
    try {
      setRows(reconcile(await fetcher(), { key }));
      setLoaded(true);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError && failure.code === 'unauthenticated') session.ended();
    }
  }
  void load();

  return {
    rows,
    loaded,
    error,
    reload: () => void load(),
    /** Changes the row whose key is `id`. */
    update: (id: unknown, change: Partial<T>) =>
      setRows(
        produce((list) => {
          const row = list.find((r) => r[key] === id);
          if (row) Object.assign(row, change);
        }),
      ),
    remove: (id: unknown) => setRows((list) => list.filter((r) => r[key] !== id)),
  };
}

/** "Loading…", or why it failed with a retry, until the first answer; then the children. */
export function Loaded(props: { loaded: boolean; error: unknown; onRetry: () => void; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <Switch fallback={<p role="status">{t('admin.settings.loading')}</p>}>
      <Match when={props.loaded}>{props.children}</Match>
      <Match when={props.error}>
        <p role="alert">
          {t(errorMessageKey(props.error))}{' '}
          <button type="button" class="admin-link-button" onClick={() => props.onRetry()}>
            {t('admin.settings.retry')}
          </button>
        </p>
      </Match>
    </Switch>
  );
}

/** The loaded rows as a list, or `empty` when there are none. */
export function RowList<T extends object>(props: {
  list: { rows: T[]; loaded: () => boolean; error: () => unknown; reload: () => void };
  empty: string;
  children: (row: T) => JSX.Element;
}) {
  return (
    <Loaded loaded={props.list.loaded()} error={props.list.error()} onRetry={props.list.reload}>
      <Show when={props.list.rows.length > 0} fallback={<p>{props.empty}</p>}>
        <ul class="account-list">
          <For each={props.list.rows}>{(row) => props.children(row)}</For>
        </ul>
      </Show>
    </Loaded>
  );
}

/** One row of a list: its facts and buttons (the children), then why an action failed and what it did. */
export function RowCard(props: { disabled: boolean; error?: MessageKey; notice: string; children: JSX.Element }) {
  return (
    <li>
      <article class="account" classList={{ 'account-disabled': props.disabled }}>
        {props.children}
        <FormError error={props.error} />
        <p role="status" class="account-notice">
          {props.notice}
        </p>
      </article>
    </li>
  );
}

/** Whether a section's add form is open, the section's notice, and its add button to focus again. */
export function createAdding() {
  const [adding, setAdding] = createSignal(false);
  const [notice, setNotice] = createSignal('');
  let button: HTMLButtonElement | undefined;
  return {
    adding,
    notice,
    setNotice,
    open: () => setAdding(true),
    ref: (el: HTMLButtonElement) => (button = el),
    focusButton: () => button?.focus(),
    /** Closes the form after it added one, and says so. */
    added: (message: string) => {
      setAdding(false);
      setNotice(message);
    },
    /** Closes the form and gives focus back to the add button. */
    cancel: () => {
      setAdding(false);
      button?.focus();
    },
  };
}

/** The add button, or the add form (the children) in its place, then the section's notice. */
export function AddPanel(props: { state: ReturnType<typeof createAdding>; label: string; children: JSX.Element }) {
  return (
    <>
      <Show
        when={props.state.adding()}
        fallback={
          <button type="button" class="primary" ref={props.state.ref} onClick={() => props.state.open()}>
            {props.label}
          </button>
        }
      >
        {props.children}
      </Show>
      <p role="status" class="account-notice">
        {props.state.notice()}
      </p>
    </>
  );
}

/**
 * A section of rows keyed by slug that an admin adds to and edits in place: the add button or
 * form, the notice, and the list. `children` draws one row, given how to change it.
 */
export function SlugSection<T extends { slug: string }>(props: {
  fetcher: () => Promise<T[]>;
  addLabel: string;
  added: (name: string) => string;
  empty: string;
  AddForm: Component<{ onAdded: (name: string) => void; onCancel: () => void }>;
  children: (row: T, onChange: (change: Partial<T>) => void) => JSX.Element;
}) {
  const list = createRows(props.fetcher, 'slug');
  const adding = createAdding();

  return (
    <>
      <AddPanel state={adding} label={props.addLabel}>
        <props.AddForm
          onAdded={(name) => {
            adding.added(props.added(name));
            list.reload();
          }}
          onCancel={adding.cancel}
        />
      </AddPanel>
      <RowList list={list} empty={props.empty}>
        {(row) => props.children(row, (change) => list.update(row.slug, change))}
      </RowList>
    </>
  );
}

/**
 * A row that can be switched off and on and edited in a panel: the facts (the children), the
 * Deactivate/Activate and edit buttons, the edit form while open, and what the last action did.
 */
export function ActiveRow<T extends { active: boolean }>(props: {
  row: T;
  name: string;
  save: (change: { active: boolean }) => Promise<{ active?: boolean }>;
  onChange: (change: Partial<T>) => void;
  editLabel: string;
  editedNotice: string;
  EditForm: Component<{ onDone: (change: Partial<T>) => void; onCancel: () => void }>;
  children: JSX.Element;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const [sending, setSending] = createSignal(false);
  const [notice, setNotice] = createSignal('');
  const [error, setError] = createSignal<MessageKey>();
  let editButton: HTMLButtonElement | undefined;

  async function toggle() {
    if (sending()) return;
    const active = !props.row.active;
    setSending(true);
    setError(undefined);
    setNotice('');
    try {
      const stored = await props.save({ active });
      props.onChange({ active: typeof stored.active === 'boolean' ? stored.active : active } as Partial<T>);
      setNotice(t(props.row.active ? 'admin.agencies.activated' : 'admin.agencies.deactivated', { name: props.name }));
    } catch (failure) {
      setError(settingsErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <RowCard disabled={!props.row.active} error={error()} notice={notice()}>
      {props.children}
      <div class="admin-buttons">
        <button type="button" aria-disabled={sending()} onClick={() => void toggle()}>
          {t(props.row.active ? 'admin.agencies.deactivate' : 'admin.agencies.activate')}
        </button>
        <button type="button" ref={editButton} aria-expanded={editing()} onClick={() => setEditing(!editing())}>
          {props.editLabel}
        </button>
      </div>
      <Show when={editing()}>
        <props.EditForm
          onDone={(change) => {
            props.onChange(change);
            setEditing(false);
            setNotice(props.editedNotice);
            editButton?.focus();
          }}
          onCancel={() => {
            setEditing(false);
            editButton?.focus();
          }}
        />
      </Show>
    </RowCard>
  );
}
