// `/admin/kunci-api` as an administrator uses it: issue a key for an app and hand it over
// (shown once), see when keys were last used, and revoke one after confirming.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installSettingsApi } from './fake-settings-api';
import { accountCard as card, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

async function openIssueForm() {
  await openAdminPage('/admin/kunci-api');
  fireEvent.click(await screen.findByRole('button', { name: 'Buat kunci baru' }));
  return within(screen.getByRole('form', { name: 'Buat kunci baru' }));
}

describe('API keys', () => {
  it('lists the keys by name with their prefix, last use and whether they are revoked', async () => {
    installSettingsApi();
    await openAdminPage('/admin/kunci-api');
    const bridge = await card('Jembatan LAPOR!');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Kunci API Open311');
    expect(screen.getByText(/\/open311\/v2\//)).toBeTruthy();
    expect(bridge.getByText('ntbcare_5f1c…')).toBeTruthy();
    expect(bridge.getByText(/oleh admin/)).toBeTruthy();
    expect(bridge.queryByText('Dicabut')).toBeNull();
    expect(bridge.getByRole('button', { name: 'Cabut kunci' })).toBeTruthy();
    const old = await card('Uji coba lama');
    expect(old.getByText('Dicabut')).toBeTruthy();
    expect(old.getByText('Belum pernah')).toBeTruthy();
    expect(old.queryByRole('button', { name: 'Cabut kunci' })).toBeNull();
  });

  it('issues a key for an app and shows it once, with where to use it', async () => {
    const api = installSettingsApi();
    const form = await openIssueForm();
    expect(document.activeElement).toBe(form.getByLabelText('Untuk aplikasi'));
    fireEvent.input(form.getByLabelText('Untuk aplikasi'), { target: { value: ' Meja data Tempo ' } });
    fireEvent.click(form.getByRole('button', { name: 'Buat kunci' }));

    const secret = within(await screen.findByRole('group', { name: 'Kunci untuk Meja data Tempo' }));
    expect(secret.getByText('ntbcare_3c0ffee0000000000000000000000311')).toBeTruthy();
    expect(secret.getByText(`${window.location.origin}/open311/v2/`)).toBeTruthy();
    expect(secret.getByText(/hanya ditampilkan sekali/)).toBeTruthy();
    expect(api.writes()).toEqual([{ path: '/api/admin/api-keys', method: 'POST', body: { name: 'Meja data Tempo' } }]);
    expect(screen.getByText('Kunci untuk Meja data Tempo sudah dibuat.')).toBeTruthy();
    const added = await card('Meja data Tempo');
    expect(added.getByText('ntbcare_3c0f…')).toBeTruthy();
    expect(added.queryByText('ntbcare_3c0ffee0000000000000000000000311')).toBeNull();

    // "Done" forgets it: nothing on the page shows the key any more.
    fireEvent.click(secret.getByRole('button', { name: 'Selesai' }));
    expect(screen.queryByText('ntbcare_3c0ffee0000000000000000000000311')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Buat kunci baru' }));
  });

  it('does not send a key without a name, and puts the server’s refusal on the field', async () => {
    const api = installSettingsApi();
    const form = await openIssueForm();
    fireEvent.input(form.getByLabelText('Untuk aplikasi'), { target: { value: ' x ' } });
    fireEvent.click(form.getByRole('button', { name: 'Buat kunci' }));
    expect(form.getByText('Tulis nama aplikasinya, 2–100 karakter.')).toBeTruthy();
    expect(api.writes()).toEqual([]);

    api.refuseNext('POST', '/api/admin/api-keys', 'validation_failed', [{ path: 'name', message: 'Too long' }]);
    fireEvent.input(form.getByLabelText('Untuk aplikasi'), { target: { value: 'Aplikasi warga' } });
    fireEvent.click(form.getByRole('button', { name: 'Buat kunci' }));
    await waitFor(() => expect(form.getByText('Tulis nama aplikasinya, 2–100 karakter.')).toBeTruthy());
    expect(api.writes()).toHaveLength(1);
    expect(document.activeElement).toBe(form.getByLabelText('Untuk aplikasi'));
    expect(screen.queryByRole('group', { name: /Kunci untuk/ })).toBeNull();
  });

  it('revokes a key only after the admin confirms', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/kunci-api');
    const row = await card('Jembatan LAPOR!');
    fireEvent.click(row.getByRole('button', { name: 'Cabut kunci' }));
    const question = within(row.getByRole('group', { name: /Cabut kunci ntbcare_5f1c… untuk Jembatan LAPOR!/ }));
    fireEvent.click(question.getByRole('button', { name: 'Batal' }));
    expect(api.writes()).toEqual([]);
    expect(document.activeElement).toBe(row.getByRole('button', { name: 'Cabut kunci' }));

    fireEvent.click(row.getByRole('button', { name: 'Cabut kunci' }));
    fireEvent.click(row.getByRole('button', { name: 'Ya, cabut' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toBe('Kunci untuk Jembatan LAPOR! sudah dicabut.'));
    expect(api.writes()).toEqual([{ path: '/api/admin/api-keys/2/revoke', method: 'POST', body: {} }]);
    expect(row.getByText('Dicabut')).toBeTruthy();
    expect(row.queryByRole('button', { name: 'Cabut kunci' })).toBeNull();
  });

  it('says in the row when revoking fails', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/kunci-api');
    const row = await card('Jembatan LAPOR!');
    api.refuseNext('POST', '/api/admin/api-keys/2/revoke', 'internal');
    fireEvent.click(row.getByRole('button', { name: 'Cabut kunci' }));
    fireEvent.click(row.getByRole('button', { name: 'Ya, cabut' }));
    await waitFor(() => expect(row.getByRole('alert').textContent).toBe('Terjadi gangguan di server.'));
    expect(row.queryByText('Dicabut')).toBeNull();
  });

  it('speaks English when asked', async () => {
    installSettingsApi();
    localStorage.setItem('ntbcare.lang', 'en');
    await openAdminPage('/admin/kunci-api');
    expect(await screen.findByRole('heading', { level: 1, name: 'Open311 API keys' })).toBeTruthy();
    const bridge = await card('Jembatan LAPOR!');
    expect(bridge.getByRole('button', { name: 'Revoke key' })).toBeTruthy();
    expect((await card('Uji coba lama')).getByText('Never')).toBeTruthy();
  });
});
