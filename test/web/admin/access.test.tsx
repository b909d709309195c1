// Only administrators use the page; everyone else is told so or sent to sign in.
import { screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { choose } from '../select-helpers';
import { installAdminApi, me } from './fake-admin-api';
import { openAdminPage, useCleanPage } from './helpers';

useCleanPage();

describe('/admin/akun access', () => {
  it('sends someone who is not signed in to the sign-in page, to come back here', async () => {
    const api = installAdminApi({ user: null });
    await openAdminPage();
    await waitFor(() => expect(window.location.pathname).toBe('/masuk'));
    expect(new URLSearchParams(window.location.search).get('lanjut')).toBe('/admin/akun');
    expect(api.paths().some((p) => p.startsWith('/api/admin/'))).toBe(false);
  });

  it('refuses a moderator clearly and asks nothing of the admin API', async () => {
    const api = installAdminApi({ user: { ...me, username: 'baiq', displayName: 'Baiq Moderator', role: 'moderator' } });
    await openAdminPage();
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe('Halaman ini hanya untuk administrator. Anda masuk sebagai Baiq Moderator.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Akun petugas');
    expect(screen.queryByRole('button', { name: 'Buat akun baru' })).toBeNull();
    expect(api.paths().some((p) => p.startsWith('/api/admin/'))).toBe(false);
    expect(window.location.pathname).toBe('/admin/akun');
  });

  it('refuses an agency account too', async () => {
    installAdminApi({ user: { ...me, username: 'pdam', displayName: 'PDAM Giri Menang', role: 'agency' } });
    await openAdminPage();
    expect((await screen.findByRole('alert')).textContent).toContain('hanya untuk administrator');
  });

  it('opens for an administrator, titled, with who is signed in', async () => {
    installAdminApi();
    await openAdminPage();
    expect(await screen.findByRole('button', { name: 'Buat akun baru' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Akun petugas');
    expect(document.title).toBe('Akun petugas · NTB Care');
    expect(screen.getByText('Masuk sebagai Lalu Admin', { exact: false })).toBeTruthy();
  });

  it('sends the admin to sign in again when the session ends meanwhile', async () => {
    const api = installAdminApi();
    await openAdminPage();
    await screen.findByRole('heading', { level: 3, name: 'Baiq Moderator' });
    api.state.user = null; // revoked, or expired
    choose(screen.getByLabelText('Peran') as HTMLSelectElement, 'moderator');
    await waitFor(() => expect(window.location.pathname).toBe('/masuk'));
    expect(new URLSearchParams(window.location.search).get('lanjut')).toBe('/admin/akun');
  });
});
