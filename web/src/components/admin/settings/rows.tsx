// A list an admin settings section loads and then edits in place. Rows are kept by key,
// so a row that changes keeps its open panel and the admin's focus. When the session has
// ended the staff gate sends the admin to sign in again.
import { createSignal, Match, Switch, type JSX } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { errorMessageKey } from '../../../i18n/messages';
import { useStaffSession } from '../../../staff/session';

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
