// What an admin does to one account: disable or enable it (after confirming), and set a new
// password that is shown once.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installAdminApi } from './fake-admin-api';
import { accountCard, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

describe('disabling and enabling', () => {
  it('asks first, posts only when confirmed, and marks the row disabled', async () => {
    const api = installAdminApi();
    await openAdminPage();
    const row = await accountCard('Baiq Moderator');
    const disable = row.getByRole('button', { name: 'Nonaktifkan baiq.moderator' });

    fireEvent.click(disable);
    const question = row.getByRole('group', { name: /^Nonaktifkan akun baiq.moderator\?/ });
    expect(question.textContent).toContain('langsung keluar dari semua perangkat');
    expect(document.activeElement).toBe(question);
    fireEvent.click(within(question).getByRole('button', { name: 'Batal' }));
    expect(row.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(disable);
    expect(api.posts()).toHaveLength(0);

    fireEvent.click(disable);
    fireEvent.click(row.getByRole('button', { name: 'Ya, nonaktifkan' }));
    await waitFor(() => expect(row.getByText('Nonaktif')).toBeTruthy());
    expect(api.posts()).toEqual([
      { path: '/api/admin/users/baiq.moderator/disable', method: 'POST', body: undefined },
    ]);
    expect(row.getByRole('status').textContent).toBe('Akun baiq.moderator dinonaktifkan.');
    const enable = row.getByRole('button', { name: 'Aktifkan baiq.moderator' });
    expect(document.activeElement).toBe(enable);
    expect(screen.getByText(/akun/, { selector: '.admin-summary' }).textContent).toBe('4 akun, 2 nonaktif');
  });

  it('enables a disabled account again after confirming', async () => {
    const api = installAdminApi();
    await openAdminPage();
    const row = await accountCard('Petugas RSUD lama');
    fireEvent.click(row.getByRole('button', { name: 'Aktifkan rsud-lama' }));
    expect(row.getByRole('group').textContent).toContain('Aktifkan kembali akun rsud-lama?');
    fireEvent.click(row.getByRole('button', { name: 'Ya, aktifkan' }));
    await waitFor(() => expect(row.queryByText('Nonaktif')).toBeNull());
    expect(api.posts().map((p) => p.path)).toEqual(['/api/admin/users/rsud-lama/enable']);
    expect(row.getByRole('button', { name: 'Nonaktifkan rsud-lama' })).toBeTruthy();
  });

  it("offers no way to disable the admin's own account", async () => {
    installAdminApi();
    await openAdminPage();
    const mine = await accountCard('Lalu Admin');
    expect(mine.queryByRole('button', { name: /Nonaktifkan/ })).toBeNull();
    expect(mine.getByRole('button', { name: 'Atur ulang kata sandi admin.kominfo' })).toBeTruthy();
  });

  it('says so when the session ended meanwhile, and leaves the row as it was', async () => {
    const api = installAdminApi();
    await openAdminPage();
    const row = await accountCard('Baiq Moderator');
    api.state.user = null;
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan baiq.moderator' }));
    fireEvent.click(row.getByRole('button', { name: 'Ya, nonaktifkan' }));
    expect((await row.findByRole('alert')).textContent).toBe('Sesi Anda sudah berakhir. Silakan masuk lagi.');
    expect(row.queryByText('Nonaktif')).toBeNull();
  });
});

describe('resetting a password', () => {
  it('posts the new password and shows it once', async () => {
    const api = installAdminApi();
    await openAdminPage();
    const row = await accountCard('PDAM Giri Menang');
    fireEvent.click(row.getByRole('button', { name: 'Atur ulang kata sandi pdam-giri-menang' }));
    const form = within(row.getByRole('form', { name: 'Kata sandi baru untuk pdam-giri-menang' }));
    const field = form.getByLabelText('Kata sandi baru') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect(form.getByText('Akun ini akan langsung keluar dari semua perangkat.')).toBeTruthy();

    fireEvent.click(form.getByRole('button', { name: 'Buat kata sandi kuat' }));
    const password = field.value;
    expect(password.length).toBeGreaterThanOrEqual(16);
    fireEvent.click(form.getByRole('button', { name: 'Simpan kata sandi' }));

    const shown = await row.findByRole('group', { name: 'Kata sandi pdam-giri-menang sudah diganti.' });
    expect(within(shown).getByText(password)).toBeTruthy();
    expect(api.posts()).toEqual([
      { path: '/api/admin/users/pdam-giri-menang/password', method: 'POST', body: { password } },
    ]);
    expect(row.queryByRole('form')).toBeNull();

    fireEvent.click(within(shown).getByRole('button', { name: 'Selesai' }));
    expect(screen.queryByText(password)).toBeNull();
    expect(document.activeElement).toBe(row.getByRole('button', { name: 'Atur ulang kata sandi pdam-giri-menang' }));
  });

  it('refuses a short password without sending it', async () => {
    const api = installAdminApi();
    await openAdminPage();
    const row = await accountCard('Baiq Moderator');
    fireEvent.click(row.getByRole('button', { name: 'Atur ulang kata sandi baiq.moderator' }));
    const field = row.getByLabelText('Kata sandi baru');
    fireEvent.input(field, { target: { value: 'rahasia' } });
    fireEvent.click(row.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(row.getByText('Kata sandi minimal 12 karakter.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(api.posts()).toHaveLength(0);
  });
});
