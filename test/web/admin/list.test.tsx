// The list of accounts and its filters.
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { choose, enabled, optionTexts } from '../select-helpers';
import { installAdminApi } from './fake-admin-api';
import { accountCard, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

const shownNames = () =>
  screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const summary = () => screen.getByText(/akun/, { selector: '.admin-summary' });

describe('account list', () => {
  it('shows every account with its username, role and agency, and the disabled one as such', async () => {
    installAdminApi();
    await openAdminPage();
    const pdam = await accountCard('PDAM Giri Menang');
    expect(shownNames()).toEqual(['Lalu Admin', 'Baiq Moderator', 'PDAM Giri Menang', 'Petugas RSUD lama']);
    expect(pdam.getByText('pdam-giri-menang', { selector: 'code' })).toBeTruthy();
    expect(pdam.getByText('Petugas instansi')).toBeTruthy();
    expect(pdam.getByText('PDAM Giri Menang', { selector: 'dd' })).toBeTruthy();
    expect(pdam.queryByText('Nonaktif')).toBeNull();

    const old = await accountCard('Petugas RSUD lama');
    expect(old.getByText('Nonaktif')).toBeTruthy();
    expect(old.getByRole('button', { name: 'Aktifkan rsud-lama' })).toBeTruthy();

    const mine = await accountCard('Lalu Admin');
    expect(mine.getByText('Akun Anda')).toBeTruthy();
    expect(mine.getByText('Administrator')).toBeTruthy();
    expect(summary().textContent).toBe('4 akun, 1 nonaktif');
  });

  it('filters by text after a pause in typing, and says when nothing matches', async () => {
    const api = installAdminApi();
    await openAdminPage();
    await accountCard('Baiq Moderator');
    const search = screen.getByLabelText('Cari nama atau nama pengguna');
    fireEvent.input(search, { target: { value: 'baiq' } });
    await waitFor(() => expect(shownNames()).toEqual(['Baiq Moderator']));
    expect(api.paths()).toContain('/api/admin/users?q=baiq');
    expect(summary().textContent).toBe('1 akun');

    fireEvent.input(search, { target: { value: 'tidak-ada' } });
    await waitFor(() => expect(summary().textContent).toBe('Tidak ada akun yang cocok.'));
    expect(shownNames()).toEqual([]);
  });

  it('filters by role and by agency, both sent to the API', async () => {
    const api = installAdminApi();
    await openAdminPage();
    await accountCard('Baiq Moderator');
    const role = screen.getByLabelText('Peran') as HTMLSelectElement;
    expect(optionTexts(role)).toEqual(['Semua peran', 'Moderator', 'Petugas instansi', 'Administrator']);
    choose(role, 'agency');
    await waitFor(() => expect(shownNames()).toEqual(['PDAM Giri Menang', 'Petugas RSUD lama']));

    const agency = screen.getByLabelText('Instansi') as HTMLSelectElement;
    await enabled(agency);
    expect(optionTexts(agency)).toEqual([
      'Semua instansi',
      'Dinas Pekerjaan Umum dan Penataan Ruang NTB (Dinas PUPR)',
      'PDAM Giri Menang (PDAM GM)',
      'RSUD Provinsi NTB',
    ]);
    choose(agency, 'rsud-provinsi-ntb');
    await waitFor(() => expect(shownNames()).toEqual(['Petugas RSUD lama']));
    expect(api.paths()).toContain('/api/admin/users?role=agency&agency=rsud-provinsi-ntb');
    expect(summary().textContent).toBe('1 akun, 1 nonaktif');
  });

  it('offers a retry when the list fails to load', async () => {
    const api = installAdminApi();
    api.state.offline.add('/api/admin/users');
    await openAdminPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Daftar akun gagal dimuat. Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await waitFor(() => expect(shownNames()).toHaveLength(4));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
