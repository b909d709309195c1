// The private tracking link. The token rides in the fragment, which browsers never send to
// a server (no access logs, no Referer), never in a query string.

export function trackingPath(code: string, token: string): string {
  return `/lacak/${encodeURIComponent(code)}#t=${encodeURIComponent(token)}`;
}

export function trackingUrl(code: string, token: string, origin = location.origin): string {
  return origin + trackingPath(code, token);
}
