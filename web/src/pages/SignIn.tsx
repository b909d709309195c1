// `/masuk`: staff sign-in. Afterwards the user goes back to the page that sent them here
// (`?lanjut=`, our own paths only) or to their role's page: the desk, or the agency inbox.
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../api/client';
import { StaffBar } from '../components/staff/StaffBar';
import { waitText } from '../components/staff/format';
import { useI18n, usePageTitle } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import { homeOf, safeNextPath } from '../staff/destination';
import { useStaffSession } from '../staff/session';
import '../staff/staff.css';
import './SignIn.css';

function SignInForm() {
  const { t, lang } = useI18n();
  const session = useStaffSession();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ lanjut?: string }>();
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [showPassword, setShowPassword] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  let passwordInput!: HTMLInputElement;
  let usernameInput!: HTMLInputElement;

  const farewell = () => {
    const state = session.state();
    return state.status === 'signedOut' && state.farewell;
  };

  function failureText(failure: unknown): string {
    if (!(failure instanceof ApiError)) return t('error.network');
    if (failure.code === 'unauthenticated') return t('login.wrong');
    if (failure.code === 'rate_limited') {
      return failure.retryAfterSeconds
        ? t('login.tooMany', { wait: waitText(failure.retryAfterSeconds, lang()) })
        : t('error.rateLimited');
    }
    return t(errorMessageKey(failure));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!username().trim() || !password()) {
      setError(t('login.empty'));
      (username().trim() ? passwordInput : usernameInput).focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const user = await session.signIn(username().trim(), password());
      navigate(safeNextPath(search.lanjut) ?? homeOf(user), { replace: true });
    } catch (failure) {
      setError(failureText(failure));
      if (failure instanceof ApiError && failure.code === 'unauthenticated') {
        passwordInput.focus();
        passwordInput.select();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="sign-in-form" onSubmit={(e) => void submit(e)} novalidate>
      <Show when={farewell()}>
        <p role="status">{t('login.signedOut')}</p>
      </Show>
      <p id="sign-in-error" role="alert">
        {error()}
      </p>
      <div>
        <label for="username">{t('login.username')}</label>
        <input
          id="username"
          name="username"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby="sign-in-error"
          value={username()}
          onInput={(e) => setUsername(e.currentTarget.value)}
          ref={usernameInput}
        />
      </div>
      <div>
        <label for="password">{t('login.password')}</label>
        <input
          id="password"
          name="password"
          type={showPassword() ? 'text' : 'password'}
          autocomplete="current-password"
          autocapitalize="none"
          spellcheck={false}
          required
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby="sign-in-error"
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          ref={passwordInput}
        />
        <label class="show-password">
          <input
            type="checkbox"
            checked={showPassword()}
            onChange={(e) => setShowPassword(e.currentTarget.checked)}
          />
          {t('login.show')}
        </label>
      </div>
      <button type="submit" class="primary" aria-disabled={busy()}>
        {busy() ? t('staff.busy') : t('login.submit')}
      </button>
    </form>
  );
}

export default function SignIn() {
  const { t } = useI18n();
  usePageTitle('login.title');
  const session = useStaffSession();
  const status = () => session.state().status;

  return (
    <section class="staff-page sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('staff.link')}</h1>
      <Switch fallback={<p role="status">{t('staff.checking')}</p>}>
        <Match when={session.user()}>
          {(user) => (
            <>
              <StaffBar user={user()} />
              <p>
                <A href={homeOf(user())}>{t(user().role === 'agency' ? 'staff.nav.inbox' : 'staff.nav.desk')}</A>
              </p>
              <p>
                <A href="/">{t('notFound.home')}</A>
              </p>
            </>
          )}
        </Match>
        {/* A session that cannot be checked is no reason not to offer signing in. */}
        <Match when={status() === 'signedOut' || status() === 'error'}>
          <SignInForm />
        </Match>
      </Switch>
    </section>
  );
}
