// The reporter's private tracking link, as the client opens it: the token rides in the
// fragment, which browsers never send to a server (no access logs, no Referer), never in a
// query string. The filing form shows it; Open311 hands it to the app that filed.

export function trackingPath(code: string, token: string): string {
  return `/lacak/${encodeURIComponent(code)}#t=${encodeURIComponent(token)}`;
}
