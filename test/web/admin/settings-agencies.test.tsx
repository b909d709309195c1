// `/admin/instansi` as an administrator uses it: add, rename and deactivate agencies, and the
// server's refusals (a taken slug, a name it does not accept, an agency still holding
// complaints) said beside the field or in the row concerned.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installSettingsApi } from './fake-settings-api';
import { accountCard as card, openAdminPage, useCleanPage } from './helpers';

useCleanPage();

async function openAddForm() {
  await openAdminPage('/admin/instansi');
  fireEvent.click(await screen.findByRole('button', { name: 'Tambah instansi' }));
  const form = within(screen.getByRole('form', { name: 'Tambah instansi' }));
  await form.findByRole('option', { name: 'Kabupaten Dompu' }); // the regencies come from /api/meta
  return form;
}

type Form = Awaited<ReturnType<typeof openAddForm>>;

function fillAgency(form: Form, fields: { slug: string; name: string; kind: string; shortName?: string; regency?: string }) {
  fireEvent.input(form.getByLabelText('Slug'), { target: { value: fields.slug } });
  fireEvent.input(form.getByLabelText('Nama'), { target: { value: fields.name } });
  if (fields.shortName) fireEvent.input(form.getByLabelText('Singkatan (opsional)'), { target: { value: fields.shortName } });
  fireEvent.change(form.getByLabelText('Jenis'), { target: { value: fields.kind } });
  if (fields.regency) fireEvent.change(form.getByLabelText('Kabupaten/kota (opsional)'), { target: { value: fields.regency } });
  fireEvent.click(form.getByRole('button', { name: 'Tambah instansi' }));
}

describe('agencies', () => {
  it('adds an agency: sends its slug, name, short name, kind and regency, then lists it', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    fillAgency(form, { slug: 'rsud-dompu', name: ' RSUD Kabupaten Dompu ', shortName: 'RSUD Dompu', kind: 'rsud', regency: '52.05' });
    await waitFor(() => expect(screen.getByText('Instansi RSUD Kabupaten Dompu ditambahkan.')).toBeTruthy());
    expect(api.writes()).toEqual([
      {
        path: '/api/admin/agencies',
        method: 'POST',
        body: { slug: 'rsud-dompu', name: 'RSUD Kabupaten Dompu', kind: 'rsud', shortName: 'RSUD Dompu', regencyCode: '52.05' },
      },
    ]);
    const row = await card('RSUD Kabupaten Dompu');
    expect(row.getByText('RSUD · Kabupaten Dompu')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Tambah instansi' })).toBeNull();
  });

  it('checks the slug, name and kind before sending, and focuses the first wrong field', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    fillAgency(form, { slug: 'RSUD Dompu', name: 'RS', kind: '' });
    expect(form.getByText('Gunakan huruf kecil, angka dan tanda hubung, diawali huruf (2–64 karakter).')).toBeTruthy();
    expect(form.getByText('Nama 3–200 karakter.')).toBeTruthy();
    expect(form.getByText('Pilih jenis.')).toBeTruthy();
    expect(document.activeElement).toBe(form.getByLabelText('Slug'));
    expect(form.getByLabelText('Slug').getAttribute('aria-invalid')).toBe('true');
    expect(api.writes()).toEqual([]);
  });

  it('says a taken slug beside the slug (409) and keeps the form filled in', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    fillAgency(form, { slug: 'pdam-giri-menang', name: 'PDAM Giri Menang Baru', kind: 'bumd' });
    await waitFor(() => expect(form.getByText('Slug ini sudah dipakai.')).toBeTruthy());
    expect(api.writes()).toHaveLength(1);
    const slug = form.getByLabelText('Slug') as HTMLInputElement;
    expect(document.activeElement).toBe(slug);
    expect(slug.value).toBe('pdam-giri-menang');
    expect((form.getByLabelText('Nama') as HTMLInputElement).value).toBe('PDAM Giri Menang Baru');
    expect(screen.queryByText(/ditambahkan/)).toBeNull();
  });

  it('puts the server’s validation refusal (400) on the field it names', async () => {
    const api = installSettingsApi();
    const form = await openAddForm();
    api.refuseNext('POST', '/api/admin/agencies', 'validation_failed', [{ path: 'name', message: 'Too big' }]);
    fillAgency(form, { slug: 'dinas-baru', name: 'Dinas Baru', kind: 'dinas' });
    await waitFor(() => expect(form.getByText('Nama 3–200 karakter.')).toBeTruthy());
    expect(document.activeElement).toBe(form.getByLabelText('Nama'));

    api.refuseNext('POST', '/api/admin/agencies', 'validation_failed', [{ path: 'shortName', message: 'Too big' }]);
    fireEvent.click(form.getByRole('button', { name: 'Tambah instansi' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toBe('Data tidak diterima server. Periksa isian.'));
  });

  it('renames an agency: sends the name and short name, and shows the new name', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/instansi');
    const row = await card('Dinas PUPR NTB');
    fireEvent.click(row.getByRole('button', { name: 'Ganti nama' }));
    const form = within(row.getByRole('form', { name: 'Ganti nama' }));
    expect((form.getByLabelText('Nama') as HTMLInputElement).value).toBe('Dinas PUPR NTB');
    fireEvent.input(form.getByLabelText('Nama'), { target: { value: 'Dinas Pekerjaan Umum dan Penataan Ruang NTB ' } });
    fireEvent.input(form.getByLabelText('Singkatan (opsional)'), { target: { value: '' } });
    fireEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const renamed = await card('Dinas Pekerjaan Umum dan Penataan Ruang NTB');
    expect(api.writes()).toEqual([
      { path: '/api/admin/agencies/dinas-pupr-ntb', method: 'PATCH', body: { name: 'Dinas Pekerjaan Umum dan Penataan Ruang NTB', shortName: null } },
    ]);
    expect(renamed.getByRole('status').textContent).toBe('Nama disimpan.');
    expect(renamed.queryByText('PUPR')).toBeNull();
    expect(renamed.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(renamed.getByRole('button', { name: 'Ganti nama' }));
  });

  it('deactivates and activates an agency again', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/instansi');
    const row = await card('Pemerintah Kabupaten Dompu');
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toBe('Pemerintah Kabupaten Dompu dinonaktifkan.'));
    expect(row.getByText('Nonaktif')).toBeTruthy();
    fireEvent.click(row.getByRole('button', { name: 'Aktifkan' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toBe('Pemerintah Kabupaten Dompu aktif kembali.'));
    expect(row.queryByText('Nonaktif')).toBeNull();
    expect(api.writes().map((w) => w.body)).toEqual([{ active: false }, { active: true }]);
  });

  it('says, in the row, that an agency still holding complaints cannot be switched off (409), and leaves it active', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/instansi');
    const row = await card('PDAM Giri Menang');
    api.refuseNext('PATCH', '/api/admin/agencies/pdam-giri-menang', 'conflict', [
      { path: 'active', message: 'Holds 2 complaint(s) forwarded or in progress: forward them to another agency first' },
    ]);
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() =>
      expect(row.getByRole('alert').textContent).toBe(
        'Instansi ini masih menangani pengaduan (diteruskan atau sedang diproses). Teruskan pengaduan itu ke instansi lain sebelum menonaktifkannya.',
      ),
    );
    expect(row.queryByText('Nonaktif')).toBeNull();
    expect(row.getByRole('button', { name: 'Nonaktifkan' })).toBeTruthy();
  });

  it('says when the agency is gone (404) or the server fails (500), in the row', async () => {
    const api = installSettingsApi();
    await openAdminPage('/admin/instansi');
    const row = await card('PDAM Giri Menang');
    api.refuseNext('PATCH', '/api/admin/agencies/pdam-giri-menang', 'not_found');
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(row.getByRole('alert').textContent).toBe('Data ini tidak ditemukan lagi. Muat ulang halaman.'));
    api.refuseNext('PATCH', '/api/admin/agencies/pdam-giri-menang', 'internal');
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(row.getByRole('alert').textContent).toBe('Terjadi gangguan di server.'));
    expect(row.queryByText('Nonaktif')).toBeNull();
  });
});
