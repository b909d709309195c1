// `/admin/kategori` as an administrator uses it: edit a category's names and priority,
// deactivate it, and the server's refusals when adding one.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installSettingsApi } from './fake-settings-api';
import { accountCard as card, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

async function openAddForm() {
  await openAdminPage('/admin/kategori');
  fireEvent.click(await screen.findByRole('button', { name: 'Tambah kategori' }));
  return within(screen.getByRole('form', { name: 'Tambah kategori' }));
}

function fillCategory(form: Awaited<ReturnType<typeof openAddForm>>, slug: string, nameId: string, nameEn: string) {
  fireEvent.input(form.getByLabelText('Slug'), { target: { value: slug } });
  fireEvent.input(form.getByLabelText('Nama (Indonesia)'), { target: { value: nameId } });
  fireEvent.input(form.getByLabelText('Nama (Inggris)'), { target: { value: nameEn } });
  fireEvent.click(form.getByRole('button', { name: 'Tambah kategori' }));
}

/** The edit form in the row of the category named `nameId`. */
async function openEditForm(nameId: string) {
  await openAdminPage('/admin/kategori');
  const row = await card(nameId);
  fireEvent.click(row.getByRole('button', { name: 'Ubah' }));
  return within(row.getByRole('form', { name: 'Ubah' }));
}

describe('categories', () => {
  it('edits a category: sends both names and the priority, and shows them', async () => {
    const api = installSettingsApi();
    const form = await openEditForm('Jalan rusak');
    expect((form.getByLabelText('Nama (Inggris)') as HTMLInputElement).value).toBe('Damaged roads');
    fireEvent.input(form.getByLabelText('Nama (Indonesia)'), { target: { value: 'Jalan dan jembatan ' } });
    fireEvent.input(form.getByLabelText('Nama (Inggris)'), { target: { value: 'Roads and bridges' } });
    fireEvent.change(form.getByLabelText('Prioritas awal'), { target: { value: 'important' } });
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const edited = await card('Jalan dan jembatan');
    expect(api.writes()).toEqual([
      {
        path: '/api/admin/categories/jalan',
        method: 'PATCH',
        body: { nameId: 'Jalan dan jembatan', nameEn: 'Roads and bridges', defaultPriority: 'important' },
      },
    ]);
    expect(edited.getByText('Roads and bridges')).toBeTruthy();
    expect(edited.getByText('Penting')).toBeTruthy();
    expect(edited.getByRole('status').textContent).toBe('Kategori disimpan.');
  });

  it('does not send an edit with an empty name', async () => {
    const api = installSettingsApi();
    const form = await openEditForm('Jalan rusak');
    fireEvent.input(form.getByLabelText('Nama (Inggris)'), { target: { value: '  ' } });
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));
    expect(form.getByText('Isi nama 2–80 karakter.')).toBeTruthy();
    expect(document.activeElement).toBe(form.getByLabelText('Nama (Inggris)'));
    expect(api.writes()).toEqual([]);
  });

  it('deactivates a category and activates it again', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/kategori');
    const row = await card('Jalan rusak');
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toBe('Jalan rusak dinonaktifkan.'));
    fireEvent.click(row.getByRole('button', { name: 'Aktifkan' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toBe('Jalan rusak aktif kembali.'));
    expect(api.writes()).toEqual([
      { path: '/api/admin/categories/jalan', method: 'PATCH', body: { active: false } },
      { path: '/api/admin/categories/jalan', method: 'PATCH', body: { active: true } },
    ]);
  });

  it('says a taken slug beside the slug (409)', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    fillCategory(form, 'jalan', 'Jalan', 'Roads');
    await waitFor(() => expect(form.getByText('Slug ini sudah dipakai.')).toBeTruthy());
    expect(document.activeElement).toBe(form.getByLabelText('Slug'));
    expect(api.writes()).toHaveLength(1);
    expect(screen.queryByText(/ditambahkan/)).toBeNull();
  });

  it('checks a name as the server does (2–80 characters) before sending', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    fillCategory(form, 'sampah', 'S', 'Waste');
    expect(form.getByText('Isi nama 2–80 karakter.')).toBeTruthy();
    expect(document.activeElement).toBe(form.getByLabelText('Nama (Indonesia)'));
    expect(api.writes()).toEqual([]);
  });

  it('puts the server’s validation refusal (400) on the field it names, or on the form', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    api.refuseNext('POST', '/api/admin/categories', 'validation_failed', [{ path: 'nameEn', message: 'Too big' }]);
    fillCategory(form, 'sampah', 'Sampah', 'Waste');
    await waitFor(() => expect(form.getByText('Isi nama 2–80 karakter.')).toBeTruthy());
    expect(document.activeElement).toBe(form.getByLabelText('Nama (Inggris)'));

    api.refuseNext('POST', '/api/admin/categories', 'validation_failed', [{ path: 'icon', message: 'Too big' }]);
    fireEvent.click(form.getByRole('button', { name: 'Tambah kategori' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toBe('Data tidak diterima server. Periksa isian.'));
    expect(api.writes()).toHaveLength(2);
  });
});
