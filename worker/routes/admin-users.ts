// `/api/admin/users`: administrators create, disable and re-enable staff accounts and
// reset their passwords. Disabling or resetting signs the account out everywhere.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { slug } from './slug';
import { hashPassword } from '../auth/password';
import { findAgencyBySlug } from '../db/agencies';
import { findAccount, insertUser, listAccounts, setDisabled, setPassword } from '../db/staff';
import type { StaffAccount } from '../domain/api';
import { staffRoles } from '../domain/vocabulary';
import type { AppEnv } from '../http/env';
import { ApiError, notFound } from '../http/errors';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';
import { disconnectStaff } from '../live/topics';

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3 to 40 characters: a-z, 0-9, . _ -');
const password = z.string().min(12, 'At least 12 characters').max(200);

const createBody = z
  .object({
    username,
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(staffRoles),
    agency: slug.nullish(),
    password,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.role === 'agency' && !b.agency) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'An agency account needs its agency' });
    if (b.role !== 'agency' && b.agency) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Only agency accounts belong to an agency' });
  });

const listQuery = z.object({ q: z.string().max(100).optional(), role: z.enum(staffRoles).optional(), agency: slug.optional() });
const usernameParam = z.object({ username });

type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;
const account = (row: AccountRow): StaffAccount => ({
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  agency: row.agency?.slug ? row.agency : null,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

async function existing(c: Context<AppEnv>, name: string) {
  const row = await findAccount(c.get('db'), name);
  if (!row) throw notFound('Account');
  return row;
}

export const adminUserRoutes = new Hono<AppEnv>()
  .use('*', requireStaff('admin'))
  .get('/', validate('query', listQuery), async (c) => {
    const rows = await listAccounts(c.get('db'), c.req.valid('query'));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ users: rows.map(account) });
  })
  .post('/', validate('json', createBody), async (c) => {
    const body = c.req.valid('json');
    const db = c.get('db');
    let agencyId: number | null = null;
    if (body.agency) {
      const agency = await findAgencyBySlug(db, body.agency);
      if (!agency) throw new ApiError('unprocessable', 'Unknown agency', { details: [{ path: 'agency', message: 'Unknown agency' }] });
      // Switched off, it gets no complaints and its staff cannot sign in: an account would wait for nothing.
      if (!agency.active) throw new ApiError('unprocessable', 'Inactive agency', { details: [{ path: 'agency', message: 'Inactive agency: activate it first' }] });
      agencyId = agency.id;
    }
    const [inserted] = await insertUser(db, {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      agencyId,
      passwordHash: await hashPassword(body.password),
    });
    if (!inserted) throw new ApiError('conflict', 'This username is taken', { details: [{ path: 'username', message: 'Taken' }] });
    return c.json(account((await findAccount(db, body.username))!), 201);
  })
  .post('/:username/disable', validate('param', usernameParam), async (c) => {
    const row = await existing(c, c.req.valid('param').username);
    if (row.id === c.get('staff')!.id) throw new ApiError('conflict', 'You cannot disable your own account');
    await setDisabled(c.get('db'), row.id, new Date());
    await disconnectStaff(c.env, { id: row.id, role: row.role, agencyId: row.agencyId }, 'account disabled');
    return c.json(account((await findAccount(c.get('db'), row.username))!));
  })
  .post('/:username/enable', validate('param', usernameParam), async (c) => {
    const row = await existing(c, c.req.valid('param').username);
    await setDisabled(c.get('db'), row.id, null);
    return c.json(account((await findAccount(c.get('db'), row.username))!));
  })
  .post('/:username/password', validate('param', usernameParam), validate('json', z.object({ password }).strict()), async (c) => {
    const row = await existing(c, c.req.valid('param').username);
    await setPassword(c.get('db'), row.id, await hashPassword(c.req.valid('json').password));
    await disconnectStaff(c.env, { id: row.id, role: row.role, agencyId: row.agencyId }, 'password reset');
    return c.body(null, 204);
  });
