// Where a staff member goes after signing in: the page that sent them to sign in, if it is
// one of ours, else the page of their role.
import type { StaffInfo } from '../../../worker/domain/api';

export const SIGN_IN_PATH = '/masuk';
export const DESK_PATH = '/moderasi';
export const INBOX_PATH = '/instansi';

/**
 * `?lanjut=` as a path on this site, or null. Only "/…" is taken: "//host", "/\host" and
 * anything that resolves to another origin would send a freshly signed-in user elsewhere.
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || /^\/[/\\]/.test(value) || /[\\\s]/.test(value)) return null;
  const url = new URL(value, window.location.origin);
  if (url.origin !== window.location.origin || url.pathname === SIGN_IN_PATH) return null;
  return url.pathname + url.search + url.hash;
}

/** The sign-in page that returns to `path` afterwards. */
export const signInFor = (path: string) => `${SIGN_IN_PATH}?lanjut=${encodeURIComponent(path).replace(/%2F/g, '/')}`;

/** Moderators and admins work at the desk; agency staff in their agency's inbox. */
export const homeOf = (user: StaffInfo): string => (user.role === 'agency' ? INBOX_PATH : DESK_PATH);
