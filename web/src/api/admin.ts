// Staff accounts as administrators manage them (`/api/admin/users`).
import type { CreateStaffRequest, StaffAccount } from '../../../worker/domain/api';
import type { StaffRole } from '../../../worker/domain/vocabulary';
import { request } from './client';

export interface StaffQuery {
  q?: string;
  role?: StaffRole;
  /** Agency slug. */
  agency?: string;
}

/** `/api/admin/users?…` with empty parameters left out. */
export function staffListPath(query: StaffQuery): string {
  const params = new URLSearchParams();
  const q = query.q?.trim();
  if (q) params.set('q', q);
  if (query.role) params.set('role', query.role);
  if (query.agency) params.set('agency', query.agency);
  const search = params.toString();
  return search ? `/api/admin/users?${search}` : '/api/admin/users';
}

const userPath = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;
const post = (body?: unknown): RequestInit =>
  body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) };

export const listStaff = async (query: StaffQuery) =>
  (await request<{ users: StaffAccount[] }>(staffListPath(query))).users;

export const createStaff = (body: CreateStaffRequest) =>
  request<StaffAccount>('/api/admin/users', post(body));

/** Disabling also ends every session of the account at once. */
export const setStaffDisabled = (username: string, disabled: boolean) =>
  request<StaffAccount>(`${userPath(username)}/${disabled ? 'disable' : 'enable'}`, post());

/** 204 on success; the account is signed out everywhere. */
export const resetStaffPassword = (username: string, password: string) =>
  request<void>(`${userPath(username)}/password`, post({ password }));
