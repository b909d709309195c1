// The accounts matching the filters. Rows are kept by username, so an account that changes
// (disabled, enabled) keeps its row, its open panel and the admin's focus.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { StaffAccount } from '../../../../worker/domain/api';
import { listStaff, type StaffQuery } from '../../api/admin';

export type AccountListState = 'loading' | 'ready' | 'error';

export function createAccountList(query: Accessor<StaffQuery>) {
  const [accounts, setAccounts] = createStore<StaffAccount[]>([]);
  const [state, setState] = createSignal<AccountListState>('loading');
  const [error, setError] = createSignal<unknown>();
  let latest = 0;

  async function load(wanted: StaffQuery) {
    const ticket = ++latest; // an answer to an older filter must not overwrite a newer one
    setState('loading');
    try {
      const users = await listStaff(wanted);
      if (ticket !== latest) return;
      setAccounts(reconcile(users, { key: 'username' }));
      setState('ready');
    } catch (failure) {
      if (ticket !== latest) return;
      setError(failure);
      setState('error');
    }
  }
  createEffect(on(query, (wanted) => void load(wanted)));

  return {
    accounts,
    state,
    error,
    reload: () => void load(query()),
    replace: (updated: StaffAccount) =>
      setAccounts((account) => account.username === updated.username, reconcile(updated)),
  };
}

export type AccountList = ReturnType<typeof createAccountList>;
