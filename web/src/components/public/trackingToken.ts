// The reporter's tracking token arrives in the link's fragment (`/lacak/NTB-…#t=<token>`),
// never in a query string, so it reaches no server log and no Referer. It is kept on the
// device and then taken out of the address bar, so a copied or shared address does not carry it.
import { useLocation, useNavigate } from '@solidjs/router';
import { onMount, untrack } from 'solid-js';
import { findMyComplaint, rememberMyComplaint } from './myComplaints';

/**
 * The token for this complaint: from the link if it has one, else from the device store.
 * Reads the router's location, not `window.location`: when the page is reached by an in-app
 * link, the router renders it before it writes the new address.
 */
export function useTrackingToken(code: string): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [hash, pathname, search] = untrack(() => [location.hash, location.pathname, location.search]);
  const fromLink = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  const canonicalPath = `/lacak/${code}`;
  if (fromLink) rememberMyComplaint({ code, token: fromLink, title: '', submittedAt: '' });

  onMount(() => {
    // A replacing navigation (history.replaceState underneath): the address keeps no token.
    if (fromLink || pathname !== canonicalPath) {
      navigate(canonicalPath + search, { replace: true, scroll: false });
    }
  });
  return fromLink || (findMyComplaint(code)?.token ?? null);
}
