// The reporter's tracking token arrives in the link's fragment (`/lacak/NTB-…#t=<token>`),
// never in a query string, so it reaches no server log and no Referer. It is kept on the
// device and then taken out of the address bar, so a copied or shared address does not carry it.
import { useLocation, useNavigate } from '@solidjs/router';
import { onMount, untrack } from 'solid-js';
import { findMyComplaint, rememberMyComplaint } from './myComplaints';

export interface TrackingTokens {
  /** The token the link carried, not yet known to be this complaint's. */
  fromLink: string | null;
  /** The token kept on this device for the complaint, before this visit. */
  stored: string | null;
  /** The link carried something that cannot be a token (cut short, mangled): not tried, not kept. */
  malformed: boolean;
}

/** What `POST /api/complaints` gives a reporter: 32 hex characters. */
const TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/**
 * The tokens to try for this complaint: the link's, and the one kept on the device.
 * Reads the router's location, not `window.location`: when the page is reached by an in-app
 * link, the router renders it before it writes the new address.
 */
export function useTrackingToken(code: string): TrackingTokens {
  const location = useLocation();
  const navigate = useNavigate();
  const [hash, pathname, search] = untrack(() => [location.hash, location.pathname, location.search]);
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('t') || null;
  const fromLink = raw && TOKEN_PATTERN.test(raw) ? raw : null;
  const stored = findMyComplaint(code)?.token ?? null;
  const canonicalPath = `/lacak/${code}`;
  // Kept at once, so that a first load without signal can be retried once the address has lost
  // it; but never over a token already kept: a link cut short or mistyped must not replace the
  // one that works (the tracking page keeps the link's token once the server has accepted it).
  if (fromLink && !stored) rememberMyComplaint({ code, token: fromLink, title: '', submittedAt: '' });

  onMount(() => {
    // A replacing navigation (history.replaceState underneath): the address keeps no token.
    if (fromLink || pathname !== canonicalPath) {
      navigate(canonicalPath + search, { replace: true, scroll: false });
    }
  });
  return { fromLink, stored, malformed: raw !== null && fromLink === null };
}
