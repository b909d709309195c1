// Who is looking at a complaint: its reporter (tracking token), a signed-in staff member,
// or the public.
import type { Context } from 'hono';
import { currentStaff } from '../auth/session';
import { sha256Hex } from '../auth/tokens';
import { TRACKING_TOKEN_HEADER } from '../domain/api';
import type { Viewer } from '../domain/access';
import type { AppEnv } from './env';

/** `token` overrides the header, for a WebSocket that cannot send one. */
export async function viewerOf(c: Context<AppEnv>, trackingTokenHash: string, token = c.req.header(TRACKING_TOKEN_HEADER)): Promise<Viewer> {
  if (token && /^[0-9a-f]{32}$/.test(token) && (await sha256Hex(token)) === trackingTokenHash) return { kind: 'reporter' };
  const staff = c.get('staff') ?? (await currentStaff(c));
  if (staff) {
    c.set('staff', staff);
    return { kind: 'staff', role: staff.role, agencyId: staff.agencyId };
  }
  return { kind: 'public' };
}
