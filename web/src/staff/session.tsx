// Who is signed in, shared by every staff page of this visit. This module is imported by
// staff pages only (lazy chunks), so citizen pages never ask `/api/auth/me`.
import { createSignal } from 'solid-js';
import type { StaffInfo } from '../../../worker/domain/api';
import { ApiError } from '../api/client';
import { getMe, login, logout } from './api';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'checking' }
  | { status: 'signedIn'; user: StaffInfo }
  /** `farewell` when the user signed out here, so the sign-in page can say so. */
  | { status: 'signedOut'; farewell?: boolean }
  | { status: 'error'; error: unknown };

export interface StaffSession {
  state: () => SessionState;
  /** The signed-in staff member, or null (also while checking). */
  user: () => StaffInfo | null;
  /** Asks the API again, e.g. after a network error. */
  check: () => void;
  /** Resolves with the user; rejects with the API's error (401 wrong credentials, 429, network). */
  signIn: (username: string, password: string) => Promise<StaffInfo>;
  signOut: () => Promise<void>;
  /** A staff request answered 401: the session expired or was revoked. */
  ended: () => void;
  /**
   * Asks the API whether this tab is still signed in (after the server closed a live socket
   * as its session ended): false, and the page shows the sign-in, when it is not.
   */
  stillValid: () => Promise<boolean>;
}

const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.code === 'unauthenticated';

const [state, setState] = createSignal<SessionState>({ status: 'unknown' });
// Each change of state takes a new number, so an answer that arrives late cannot undo a newer one.
let generation = 0;

function check() {
  const mine = ++generation;
  setState({ status: 'checking' });
  getMe().then(
    ({ user }) => mine === generation && setState({ status: 'signedIn', user }),
    (error: unknown) =>
      mine === generation &&
      setState(isUnauthenticated(error) ? { status: 'signedOut' } : { status: 'error', error }),
  );
}

const session: StaffSession = {
  state,
  user: () => {
    const now = state();
    return now.status === 'signedIn' ? now.user : null;
  },
  check,
  async signIn(username, password) {
    const { user } = await login(username, password);
    generation++;
    setState({ status: 'signedIn', user });
    return user;
  },
  async signOut() {
    try {
      await logout();
    } catch (error) {
      if (!isUnauthenticated(error)) throw error; // already signed out elsewhere: fine
    }
    generation++;
    setState({ status: 'signedOut', farewell: true });
  },
  ended() {
    generation++;
    setState({ status: 'signedOut' });
  },
  async stillValid() {
    try {
      await getMe();
      return true;
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      session.ended();
      return false;
    }
  },
};

/** The session, checked with the API the first time a staff page asks. */
export function useStaffSession(): StaffSession {
  if (state().status === 'unknown') check();
  return session;
}

/** Forgets what is known, so the next staff page asks the API again (tests, a new visit). */
export function resetStaffSession() {
  generation++;
  setState({ status: 'unknown' });
}
