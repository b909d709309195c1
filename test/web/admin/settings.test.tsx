// The administrators' settings: targets, agencies, categories, the routing preview and failed queue
// messages, each opened at its address inside the whole app.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installSettingsApi } from './fake-settings-api';
import { openAdminPage as open, useCleanPage } from './helpers';

useCleanPage();

describe('admin settings', () => {
  it('links the sections from /admin', async () => {
    installSettingsApi();
    await open('/admin');
    expect((await screen.findByRole('link', { name: 'Target waktu layanan' })).getAttribute('href')).toBe('/admin/target');
    const index = within(document.querySelector<HTMLElement>('.settings-index')!);
    expect(index.getByRole('link', { name: 'Kategori' }).getAttribute('href')).toBe('/admin/kategori');
    expect(screen.getByRole('link', { name: 'Pesan antrean gagal' }).getAttribute('href')).toBe('/admin/antrean');
    expect(screen.getByRole('navigation', { name: 'Halaman petugas' }).textContent).toContain('Pengaturan');
  });

  it('saves the targets: sends the four numbers and shows the values stored', async () => {
    const api = installSettingsApi();
    await open('/admin/target');
    const urgent = (await screen.findByLabelText('Tanggapan: mendesak')) as HTMLInputElement;
    expect(urgent.value).toBe('1');
    fireEvent.input(urgent, { target: { value: '0,5' } });
    fireEvent.input(screen.getByLabelText('Moderasi'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(screen.getByText(/^Tersimpan/).textContent).toBe(
      'Tersimpan: moderasi 12 jam, mendesak 0.5 jam, penting 24 jam, biasa 48 jam.',
    ));
    expect(api.writes()).toEqual([
      { path: '/api/admin/targets', method: 'PUT', body: { moderation: 12, urgent: 0.5, important: 24, normal: 48 } },
    ]);
    expect(urgent.value).toBe('0.5');
  });

  it('refuses a target out of range without sending it', async () => {
    const api = installSettingsApi();
    await open('/admin/target');
    fireEvent.input(await screen.findByLabelText('Tanggapan: biasa'), { target: { value: '1000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(screen.getByText('Isi angka antara 0,25 dan 720.')).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
  });

  it('refuses targets where a more pressing priority takes longer, naming the field, without sending them', async () => {
    const api = installSettingsApi();
    await open('/admin/target');
    const urgent = await screen.findByLabelText('Tanggapan: mendesak');
    fireEvent.input(urgent, { target: { value: '30' } }); // important is 24
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(urgent.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Prioritas yang lebih mendesak tidak boleh lebih lama: mendesak ≤ penting ≤ biasa.')).toBeTruthy();
    expect(document.activeElement).toBe(urgent);
    expect(api.writes()).toHaveLength(0);
    fireEvent.input(urgent, { target: { value: '24' } }); // equal is fine
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
  });

  it('deactivates an agency with PATCH {active:false} and marks its row', async () => {
    const api = installSettingsApi();
    await open('/admin/instansi');
    const heading = await screen.findByRole('heading', { level: 3, name: 'PDAM Giri Menang' });
    const row = within(heading.closest('article')!);
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(row.getByText('Nonaktif')).toBeTruthy());
    expect(api.writes()).toEqual([{ path: '/api/admin/agencies/pdam-giri-menang', method: 'PATCH', body: { active: false } }]);
    expect(row.getByRole('status').textContent).toBe('PDAM Giri Menang dinonaktifkan.');
    expect(row.getByRole('button', { name: 'Aktifkan' })).toBeTruthy();
  });

  it('deactivates a category with PATCH {active:false} and marks its row', async () => {
    const api = installSettingsApi();
    await open('/admin/kategori');
    const heading = await screen.findByRole('heading', { level: 3, name: 'Air bersih' });
    const row = within(heading.closest('article')!);
    expect(row.getByText('Penting')).toBeTruthy();
    fireEvent.click(row.getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(row.getByText('Nonaktif')).toBeTruthy());
    expect(api.writes()).toEqual([{ path: '/api/admin/categories/air-bersih', method: 'PATCH', body: { active: false } }]);
    expect(row.getByRole('status').textContent).toBe('Air bersih dinonaktifkan.');
    expect(row.getByRole('button', { name: 'Aktifkan' })).toBeTruthy();
  });

  it('adds a category: sends the slug, both names, the priority and the icon', async () => {
    const api = installSettingsApi();
    await open('/admin/kategori');
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah kategori' }));
    const form = within(screen.getByRole('form', { name: 'Tambah kategori' }));
    fireEvent.input(form.getByLabelText('Slug'), { target: { value: 'sampah' } });
    fireEvent.input(form.getByLabelText('Nama (Indonesia)'), { target: { value: ' Sampah ' } });
    fireEvent.input(form.getByLabelText('Nama (Inggris)'), { target: { value: 'Waste' } });
    fireEvent.change(form.getByLabelText('Prioritas awal'), { target: { value: 'urgent' } });
    fireEvent.input(form.getByLabelText('Ikon (emoji, opsional)'), { target: { value: '🗑️' } });
    fireEvent.click(form.getByRole('button', { name: 'Tambah kategori' }));
    await waitFor(() => expect(screen.getByText('Kategori Sampah ditambahkan.')).toBeTruthy());
    expect(api.writes()).toEqual([
      {
        path: '/api/admin/categories',
        method: 'POST',
        body: { slug: 'sampah', nameId: 'Sampah', nameEn: 'Waste', defaultPriority: 'urgent', icon: '🗑️' },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 3, name: 'Sampah' })).toBeTruthy();
  });

  it('groups the rules by category and says in a sentence where a complaint goes', async () => {
    const api = installSettingsApi();
    await open('/admin/rute');
    expect(await screen.findByRole('heading', { level: 3, name: 'Air bersih' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('PDAM Giri Menang')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Kategori', { selector: '#preview-category' }), { target: { value: 'air-bersih' } });
    fireEvent.change(screen.getByLabelText('Kabupaten/kota', { selector: '#preview-regency' }), { target: { value: '52.01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await waitFor(() =>
      expect(document.querySelector('.preview-sentence')!.textContent).toBe(
        'Pengaduan Air bersih di Kabupaten Lombok Barat diteruskan ke PDAM Giri Menang secara otomatis. Menurut aturan kabupaten/kota ini.',
      ),
    );
    expect(api.requests.map((r) => r.path)).toContain('/api/admin/routing-preview?category=air-bersih&regency=52.01');

    fireEvent.change(screen.getByLabelText('Kabupaten/kota', { selector: '#preview-regency' }), { target: { value: '52.71' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await waitFor(() =>
      expect(document.querySelector('.preview-sentence')!.textContent).toBe(
        'Pengaduan Air bersih di Kota Mataram diteruskan ke Dinas PUPR NTB setelah diperiksa moderator. Menurut aturan tingkat provinsi.',
      ),
    );
  });

  it('replays a dead letter and marks it sent again', async () => {
    const api = installSettingsApi();
    await open('/admin/antrean');
    const heading = await screen.findByRole('heading', { level: 3, name: 'Pesan #7 · ntbcare-events' });
    const row = within(heading.closest('article')!);
    fireEvent.click(row.getByRole('button', { name: 'Kirim ulang' }));
    await waitFor(() => expect(row.getByRole('status').textContent).toBe('Pesan #7 dikirim ulang.'));
    expect(api.writes()).toEqual([{ path: '/api/admin/dead-letters/7/replay', method: 'POST', body: undefined }]);
    expect(row.queryByRole('button', { name: 'Kirim ulang' })).toBeNull();
    expect(row.getByText('Dikirim ulang')).toBeTruthy();
  });
});
