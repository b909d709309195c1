// The names and the Secure flag of the staff cookies (session, known device): `__Host-` names
// need HTTPS (Secure, Path=/, no Domain); plain-HTTP local runs use the bare names.
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';

export const overHttps = (c: Context<AppEnv>) => new URL(c.req.url).protocol === 'https:';

export const hostCookieName = (c: Context<AppEnv>, name: string) => (overHttps(c) ? `__Host-${name}` : name);
