// Who is signed in (name, and role or agency) with a way out. Staff pages render it
// themselves: the citizen layout never loads the session.
import { createSignal, Show } from 'solid-js';
import type { StaffInfo } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { useStaffSession } from '../../staff/session';
import './StaffBar.css';

export function StaffBar(props: { user: StaffInfo }) {
  const { t } = useI18n();
  const session = useStaffSession();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const role = () =>
    props.user.role === 'agency'
      ? (props.user.agency?.name ?? '')
      : t(props.user.role === 'admin' ? 'staff.role.admin' : 'staff.role.moderator');
  // An agency's own account is named after the agency: no need to say it twice.
  const roleShown = () => (role() === props.user.displayName ? '' : role());

  async function signOut() {
    if (busy()) return;
    setBusy(true);
    setError(undefined);
    try {
      // The page follows the session: a staff-only page sends the user to sign in again.
      await session.signOut();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="staff-bar">
      <p>
        <span>{t('staff.signedInAs', { name: props.user.displayName })}</span>
        <Show when={roleShown()}>
          {' · '}
          <span class="staff-role">{roleShown()}</span>
        </Show>
      </p>
      <Show when={error()}>
        <p role="alert" class="staff-error">
          {t(errorMessageKey(error()))}
        </p>
      </Show>
      {/* Plain links: a router hook here would pull the router out of the entry chunk. */}
      <nav aria-label={t('staff.nav')} class="staff-nav">
        <Show when={props.user.role === 'agency'} fallback={<a href="/moderasi">{t('staff.nav.desk')}</a>}>
          <a href="/instansi">{t('staff.nav.inbox')}</a>
        </Show>
        <Show when={props.user.role === 'admin'}>
          <a href="/admin/akun">{t('staff.nav.accounts')}</a>
          <a href="/admin">{t('staff.nav.settings')}</a>
        </Show>
      </nav>
      <button type="button" onClick={() => void signOut()} aria-disabled={busy()}>
        {t('staff.signOut')}
      </button>
    </div>
  );
}
