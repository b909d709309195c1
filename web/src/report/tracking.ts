// The private tracking link (worker/domain/tracking-link.ts), here with this site's origin.
import { trackingPath } from '../../../worker/domain/tracking-link';

export { trackingPath };

export function trackingUrl(code: string, token: string, origin = location.origin): string {
  return origin + trackingPath(code, token);
}
