// Shows its children only to staff of the given roles: others are sent to sign in, told
// the page is not for them, or offered a retry when the session cannot be checked.
import { Navigate } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import type { StaffInfo } from '../../../../worker/domain/api';
import type { StaffRole } from '../../../../worker/domain/vocabulary';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import { signInFor } from '../../staff/destination';
import { useStaffSession } from '../../staff/session';
import { StaffBar } from './StaffBar';

export interface StaffGateProps {
  roles: readonly StaffRole[];
  /** This page's path, to come back to after signing in. */
  path: string;
  children: (user: StaffInfo) => JSX.Element;
}

export function StaffGate(props: StaffGateProps) {
  const { t } = useI18n();
  const session = useStaffSession();
  const state = session.state;
  const failure = () => {
    const now = state();
    return now.status === 'error' ? now.error : undefined;
  };

  return (
    <Switch fallback={<p role="status">{t('staff.checking')}</p>}>
      <Match when={state().status === 'signedOut'}>
        <Navigate href={signInFor(props.path)} />
      </Match>
      <Match when={state().status === 'error'}>
        <p role="alert">{t(errorMessageKey(failure()))}</p>
        <button type="button" onClick={session.check}>
          {t('error.retry')}
        </button>
      </Match>
      <Match when={session.user()}>
        {(user) => (
          <Switch fallback={props.children(user())}>
            <Match when={!props.roles.includes(user().role)}>
              <StaffBar user={user()} />
              <p role="alert">{t('staff.forbidden')}</p>
            </Match>
          </Switch>
        )}
      </Match>
    </Switch>
  );
}
