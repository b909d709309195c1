// `/admin/akun`: administrators create staff accounts, switch them off and on, and set new
// passwords. The staff gate sends anyone not signed in to sign in first; staff of other
// roles are told the page is for administrators only.
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, Show, Switch } from 'solid-js';
import type { StaffAccount, StaffInfo } from '../../../worker/domain/api';
import { staffListPath, type StaffQuery } from '../api/admin';
import { ApiError } from '../api/client';
import { AccountFilters } from '../components/admin/AccountFilters';
import { AccountList } from '../components/admin/AccountList';
import { createAccountList } from '../components/admin/accountList';
import { CreateAccountForm } from '../components/admin/CreateAccountForm';
import { ShownPassword } from '../components/admin/ShownPassword';
import { StaffBar } from '../components/staff/StaffBar';
import { StaffGate } from '../components/staff/StaffGate';
import { staffRoles } from '../../../worker/domain/vocabulary';
import { useI18n, usePageTitle } from '../i18n';
import { useStaffSession } from '../staff/session';
import '../staff/staff.css';
import './AdminAccounts.css';

export const ADMIN_ACCOUNTS_PATH = '/admin/akun';

function StaffAccounts(props: { me: StaffInfo }) {
  const { t } = useI18n();
  const session = useStaffSession();
  const [filters, setFilters] = createSignal<StaffQuery>({});
  const query = createMemo(filters, undefined, {
    equals: (a, b) => staffListPath(a) === staffListPath(b),
  });
  const list = createAccountList(query);
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<{ account: StaffAccount; password: string }>();
  let createButton: HTMLButtonElement | undefined;

  // The session expired or was revoked: the gate sends the admin to sign in again.
  createEffect(() => {
    const error = list.state() === 'error' ? list.error() : undefined;
    if (error instanceof ApiError && error.code === 'unauthenticated') session.ended();
  });
  const startCreating = () => {
    setCreating(true);
    document.getElementById('new-role')?.focus();
  };
  const closeCreate = () => {
    setCreating(false);
    setCreated(undefined);
    createButton?.focus();
  };

  return (
    <>
      <p class="admin-intro">{t('admin.intro')}</p>
      <section class="admin-create" aria-labelledby="admin-create-title">
        <h2 id="admin-create-title">{t('admin.create.title')}</h2>
        <Switch>
          <Match when={created()}>
            {(done) => (
              <ShownPassword
                id="created"
                title={t('admin.create.done', { username: done().account.username })}
                username={done().account.username}
                password={done().password}
                onDone={closeCreate}
              />
            )}
          </Match>
          <Match when={creating()}>
            <CreateAccountForm
              onCreated={(account, password) => {
                setCreating(false);
                setCreated({ account, password });
                list.reload();
              }}
              onCancel={closeCreate}
            />
          </Match>
          <Match when={true}>
            <button type="button" class="primary" ref={createButton} onClick={startCreating}>
              {t('admin.create.open')}
            </button>
          </Match>
        </Switch>
      </section>
      <section aria-labelledby="admin-list-title">
        <h2 id="admin-list-title">{t('admin.list.title')}</h2>
        <AccountFilters filters={filters()} onChange={(change) => setFilters({ ...filters(), ...change })} />
        <AccountList
          list={list}
          me={props.me.username}
          filtered={Boolean(query().q || query().role || query().agency)}
        />
      </section>
    </>
  );
}

export default function AdminAccounts() {
  const { t } = useI18n();
  usePageTitle('admin.pageTitle');
  return (
    <section class="staff-page admin-accounts" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      {/* Every staff role passes the gate, so that this page can say who it is for. */}
      <StaffGate roles={staffRoles} path={ADMIN_ACCOUNTS_PATH}>
        {(user) => (
          <>
            <StaffBar user={user} />
            <Show
              when={user.role === 'admin'}
              fallback={
                <>
                  <p role="alert">{t('admin.only', { name: user.displayName })}</p>
                  <A href="/">{t('notFound.home')}</A>
                </>
              }
            >
              <StaffAccounts me={user} />
            </Show>
          </>
        )}
      </StaffGate>
    </section>
  );
}
