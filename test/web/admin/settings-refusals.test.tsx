// What the administrator sees when the server refuses or fails on the targets and failed-messages
// sections: the one error shape put into Indonesian, and a way to carry on.
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installSettingsApi } from './fake-settings-api';
import { accountCard as card, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

describe('targets refused', () => {
  it('says the server did not accept the targets (400) and keeps what the admin typed', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/target');
    const important = (await screen.findByLabelText('Tanggapan: penting')) as HTMLInputElement;
    fireEvent.input(important, { target: { value: '12' } });
    api.refuseNext('PUT', '/api/admin/targets', 'validation_failed', [{ path: 'important', message: 'At most 30 days' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Data tidak diterima server. Periksa isian.'));
    expect(important.value).toBe('12');
    expect(api.state.targets.important).toBe(24);

    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.getByText(/^Tersimpan/).textContent).toContain('penting 12 jam'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the session has ended (401) instead of saving', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/target');
    await screen.findByLabelText('Moderasi');
    api.refuseNext('PUT', '/api/admin/targets', 'unauthenticated');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Sesi Anda sudah berakhir. Silakan masuk lagi.'));
  });

  it('offers to retry when the targets cannot be loaded', async () => {
    const api = installSettingsApi();
    api.refuseNext('GET', '/api/admin/targets', 'internal');
    await openAdminPage('/admin/target');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Terjadi gangguan di server.'));
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(((await screen.findByLabelText('Tanggapan: mendesak')) as HTMLInputElement).value).toBe('1');
  });
});

describe('failed queue messages refused', () => {
  it('says a message was already sent again (409) and shows when, from a fresh list', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/antrean');
    const row = await card('Pesan #7 · ntbcare-events');
    api.state.letters[0]!.replayedAt = '2026-11-12T03:00:00.000Z'; // another admin was quicker
    fireEvent.click(row.getByRole('button', { name: 'Kirim ulang' }));
    await waitFor(() => expect(row.getByRole('alert').textContent).toBe('Pesan ini sudah pernah dikirim ulang.'));
    await waitFor(() => expect(row.getByText('Dikirim ulang')).toBeTruthy());
    expect(row.queryByRole('button', { name: 'Kirim ulang' })).toBeNull();
  });

  it('says a malformed message cannot be sent again (422) and leaves it listed', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/antrean');
    const row = await card('Pesan #7 · ntbcare-events');
    api.refuseNext('POST', '/api/admin/dead-letters/7/replay', 'unprocessable');
    fireEvent.click(row.getByRole('button', { name: 'Kirim ulang' }));
    await waitFor(() => expect(row.getByRole('alert').textContent).toBe('Pesan ini rusak dan tidak dapat dikirim ulang.'));
    expect(row.getByRole('button', { name: 'Kirim ulang' })).toBeTruthy();
    expect(api.state.letters[0]!.replayedAt).toBeNull();
  });

  it('says when there are no failed messages', async () => {
    const api = installSettingsApi();
    api.state.letters.length = 0;
    await openAdminPage('/admin/antrean');
    expect(await screen.findByText('Tidak ada pesan gagal.')).toBeTruthy();
  });
});
