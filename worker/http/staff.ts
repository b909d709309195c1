// Staff-only routes: the session decides who, the role decides what. Objects outside the
// caller's reach are answered 404 by the routes themselves.
import { createMiddleware } from 'hono/factory';
import { currentStaff } from '../auth/session';
import type { StaffRole } from '../domain/vocabulary';
import { describedAs } from './described';
import type { AppEnv } from './env';
import { ApiError } from './errors';

const staffCheck = (roles: StaffRole[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const staff = c.get('staff') ?? (await currentStaff(c));
    if (!staff) throw new ApiError('unauthenticated', 'Sign in first');
    if (roles.length && !roles.includes(staff.role)) throw new ApiError('forbidden', 'Not allowed for your role');
    c.set('staff', staff);
    await next();
  });

/** Signed-in staff of one of `roles` (any role when none is given). */
export const requireStaff = (...roles: StaffRole[]) => describedAs(staffCheck(roles), { kind: 'staff', roles });
