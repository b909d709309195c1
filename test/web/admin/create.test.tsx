// Creating an account: the body sent, the agency rule, the server's refusals on their fields,
// and the password shown once.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { choose, enabled } from '../select-helpers';
import { installAdminApi } from './fake-admin-api';
import { accountCard, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

async function openForm() {
  const api = installAdminApi();
  await openAdminPage();
  fireEvent.click(await screen.findByRole('button', { name: 'Buat akun baru' }));
  const form = within(screen.getByRole('form', { name: 'Akun baru' }));
  const type = (label: string, value: string) => fireEvent.input(form.getByLabelText(label), { target: { value } });
  return { api, form, type };
}

const submit = (form: ReturnType<typeof within>) =>
  fireEvent.click(form.getByRole('button', { name: 'Buat akun' }));

/** The error a screen reader hears with a field: its `aria-describedby` text. */
const description = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('creating an account', () => {
  it('sends a moderator without an agency, then shows the password once and lists the account', async () => {
    const { api, form, type } = await openForm();
    expect(document.activeElement).toBe(form.getByLabelText('Peran'));
    expect(form.queryByLabelText('Instansi')).toBeNull();
    choose(form.getByLabelText('Peran') as HTMLSelectElement, 'moderator');
    type('Nama pengguna', 'Dewi.Moderator');
    type('Nama tampilan', '  Dewi Lestari ');
    type('Kata sandi', 'rinjani-segara-anak');
    submit(form);

    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]).toEqual({
      path: '/api/admin/users',
      method: 'POST',
      body: {
        username: 'dewi.moderator',
        displayName: 'Dewi Lestari',
        role: 'moderator',
        password: 'rinjani-segara-anak',
      },
    });
    const shown = await screen.findByRole('group', { name: 'Akun dewi.moderator sudah dibuat.' });
    expect(within(shown).getByText('rinjani-segara-anak')).toBeTruthy();
    expect(shown.textContent).toContain('hanya ditampilkan sekali');
    expect(document.activeElement).toBe(shown);
    expect(await accountCard('Dewi Lestari')).toBeTruthy();

    fireEvent.click(within(shown).getByRole('button', { name: 'Selesai' }));
    expect(screen.queryByText('rinjani-segara-anak')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Buat akun baru' }));
  });

  it('requires an agency for the agency role and offers its slug as the username', async () => {
    const { api, form, type } = await openForm();
    choose(form.getByLabelText('Peran') as HTMLSelectElement, 'agency');
    const agency = form.getByLabelText('Instansi') as HTMLSelectElement;
    await enabled(agency);
    type('Kata sandi', 'rinjani-segara-anak');
    submit(form);

    expect(description(agency)).toContain('Pilih instansi untuk akun petugas instansi.');
    expect(agency.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(agency);
    expect(api.posts()).toHaveLength(0);

    choose(agency, 'dinas-pupr-ntb');
    fireEvent.click(form.getByRole('button', { name: 'Pakai slug instansi: dinas-pupr-ntb' }));
    expect((form.getByLabelText('Nama pengguna') as HTMLInputElement).value).toBe('dinas-pupr-ntb');
    expect((form.getByLabelText('Nama tampilan') as HTMLInputElement).value).toBe(
      'Dinas Pekerjaan Umum dan Penataan Ruang NTB',
    );
    submit(form);
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]!.body).toEqual({
      username: 'dinas-pupr-ntb',
      displayName: 'Dinas Pekerjaan Umum dan Penataan Ruang NTB',
      role: 'agency',
      agency: 'dinas-pupr-ntb',
      password: 'rinjani-segara-anak',
    });
  });

  it('says on the username field when the username is taken (409)', async () => {
    const { api, form, type } = await openForm();
    choose(form.getByLabelText('Peran') as HTMLSelectElement, 'moderator');
    type('Nama pengguna', 'baiq.moderator');
    type('Nama tampilan', 'Baiq Kedua');
    type('Kata sandi', 'rinjani-segara-anak');
    submit(form);

    const username = form.getByLabelText('Nama pengguna');
    await waitFor(() => expect(description(username)).toContain('Nama pengguna ini sudah dipakai. Pilih yang lain.'));
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(username);
    expect(api.posts()).toHaveLength(1);
    expect(screen.queryByRole('group', { name: /sudah dibuat/ })).toBeNull();

    type('Nama pengguna', 'baiq.moderator2');
    expect(description(username)).not.toContain('sudah dipakai');
  });

  it('checks the fields before sending anything', async () => {
    const { api, form, type } = await openForm();
    type('Nama pengguna', 'ab');
    type('Kata sandi', 'pendek');
    submit(form);
    expect(description(form.getByLabelText('Peran'))).toBe('Pilih peran.');
    expect(description(form.getByLabelText('Nama pengguna'))).toContain('Gunakan 3–40 karakter');
    expect(description(form.getByLabelText('Nama tampilan'))).toBe('Isi nama tampilan.');
    expect(description(form.getByLabelText('Kata sandi'))).toContain('Kata sandi minimal 12 karakter.');
    expect(api.posts()).toHaveLength(0);
  });

  it("puts the server's field details on their fields", async () => {
    const { api, form, type } = await openForm();
    api.state.createRefusal = [{ path: 'displayName', message: 'Too long' }];
    choose(form.getByLabelText('Peran') as HTMLSelectElement, 'admin');
    type('Nama pengguna', 'admin.dua');
    type('Nama tampilan', 'Admin Dua');
    type('Kata sandi', 'rinjani-segara-anak');
    submit(form);
    const name = form.getByLabelText('Nama tampilan');
    await waitFor(() => expect(description(name)).toBe('Periksa nama tampilan.'));
    expect(document.activeElement).toBe(name);
  });

  it('generates a strong random password and shows it in the field', async () => {
    const random = vi.spyOn(crypto, 'getRandomValues');
    const { form } = await openForm();
    const field = form.getByLabelText('Kata sandi') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.click(form.getByRole('button', { name: 'Buat kata sandi kuat' }));
    expect(random).toHaveBeenCalled();
    expect(field.value).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){4}$/);
    expect(field.type).toBe('text');
    expect(form.getByRole('button', { name: 'Tampilkan' }).getAttribute('aria-pressed')).toBe('true');
    const first = field.value;
    fireEvent.click(form.getByRole('button', { name: 'Buat kata sandi kuat' }));
    expect(field.value).not.toBe(first);
  });
});
