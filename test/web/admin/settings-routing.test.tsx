// `/admin/rute` as an administrator uses it: add a routing rule, delete one after confirming,
// and ask the preview where a complaint would go.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { installSettingsApi } from './fake-settings-api';
import { openAdminPage, useCleanPage } from './helpers';

useCleanPage();

/** The list of one category's rules, as lines of text, once its agencies' names have loaded. */
async function ruleLines(category: string) {
  const heading = await screen.findByRole('heading', { level: 3, name: category });
  const list = heading.parentElement!.querySelector('ul')!;
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('p')!.textContent!.replace(/\s*Hapus$/, ''));
}

const sentence = () => document.querySelector('.preview-sentence')!.textContent;

async function preview(category: string, regency: string) {
  fireEvent.change(screen.getByLabelText('Kategori', { selector: '#preview-category' }), { target: { value: category } });
  fireEvent.change(screen.getByLabelText('Kabupaten/kota', { selector: '#preview-regency' }), { target: { value: regency } });
  fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
}

async function openRules() {
  await openAdminPage('/admin/rute');
  await screen.findByRole('option', { name: 'Kabupaten Dompu' }); // the regencies come from /api/meta
  await waitFor(() => expect(screen.getByText('PDAM Giri Menang')).toBeTruthy()); // and the agencies' names
}

async function openAddRule() {
  await openRules();
  fireEvent.click(screen.getByRole('button', { name: 'Tambah aturan' }));
  return within(screen.getByRole('form', { name: 'Tambah aturan' }));
}

describe('routing rules', () => {
  it('adds a rule: sends category, regency, agency, rank and auto-forward, then lists it in its category', async () => {
    const api = installSettingsApi();
    const form = await openAddRule();
    fireEvent.change(form.getByLabelText('Kategori'), { target: { value: 'jalan' } });
    fireEvent.change(form.getByLabelText('Kabupaten/kota'), { target: { value: '52.05' } });
    fireEvent.change(form.getByLabelText('Instansi'), { target: { value: 'pemkab-dompu' } });
    fireEvent.input(form.getByLabelText('Peringkat'), { target: { value: '1' } });
    fireEvent.click(form.getByLabelText('Teruskan otomatis, tanpa moderator'));
    fireEvent.click(form.getByRole('button', { name: 'Tambah aturan' }));
    await waitFor(() => expect(screen.getByText('Aturan ditambahkan.')).toBeTruthy());
    expect(api.writes()).toEqual([
      {
        path: '/api/admin/routing-rules',
        method: 'POST',
        body: { category: 'jalan', agency: 'pemkab-dompu', rank: 1, autoForward: true, regencyCode: '52.05' },
      },
    ]);
    expect(await ruleLines('Jalan rusak')).toEqual(['Kabupaten Dompu → Pemerintah Kabupaten Dompu · Peringkat 1 · otomatis']);
  });

  it('asks for a category, an agency and a rank of 0–99 before sending', async () => {
    const api = installSettingsApi();
    const form = await openAddRule();
    fireEvent.input(form.getByLabelText('Peringkat'), { target: { value: '100' } });
    fireEvent.click(form.getByRole('button', { name: 'Tambah aturan' }));
    expect(form.getAllByText('Pilih salah satu.')).toHaveLength(2);
    expect(form.getByText('Isi bilangan bulat 0–99.')).toBeTruthy();
    expect(document.activeElement).toBe(form.getByLabelText('Kategori'));
    expect(api.writes()).toEqual([]);
  });

  it('says so when the server no longer knows the agency (422)', async () => {
    const api = installSettingsApi();
    const form = await openAddRule();
    fireEvent.change(form.getByLabelText('Kategori'), { target: { value: 'jalan' } });
    fireEvent.change(form.getByLabelText('Instansi'), { target: { value: 'pemkab-dompu' } });
    api.refuseNext('POST', '/api/admin/routing-rules', 'unprocessable', [{ path: 'agency', message: 'Unknown agency' }]);
    fireEvent.click(form.getByRole('button', { name: 'Tambah aturan' }));
    await waitFor(() => expect(form.getByRole('alert').textContent).toBe('Data tidak diterima server. Periksa isian.'));
    expect(screen.getByRole('form', { name: 'Tambah aturan' })).toBeTruthy();
  });

  it('deletes a rule only after confirming, and removes it from the list', async () => {
    const api = installSettingsApi();
    await openRules();
    expect(await ruleLines('Air bersih')).toEqual([
      'Kabupaten Lombok Barat → PDAM Giri Menang · Peringkat 0 · otomatis',
      'Seluruh provinsi → Dinas PUPR NTB · Peringkat 0',
    ]);
    const rule = within(screen.getByText('Dinas PUPR NTB').closest('li')!);
    fireEvent.click(rule.getByRole('button', { name: 'Hapus' }));
    const ask = within(rule.getByRole('group', { name: 'Hapus' }));
    expect(ask.getByText('Hapus aturan Seluruh provinsi → Dinas PUPR NTB?')).toBeTruthy();
    fireEvent.click(ask.getByRole('button', { name: 'Batal' }));
    expect(rule.queryByRole('group')).toBeNull();
    expect(api.writes()).toEqual([]);

    fireEvent.click(rule.getByRole('button', { name: 'Hapus' }));
    fireEvent.click(rule.getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(screen.getByText('Aturan dihapus.')).toBeTruthy());
    expect(api.writes()).toEqual([{ path: '/api/admin/routing-rules/2', method: 'DELETE', body: undefined }]);
    expect(await ruleLines('Air bersih')).toEqual(['Kabupaten Lombok Barat → PDAM Giri Menang · Peringkat 0 · otomatis']);
  });

  it('still lists the rules of a deactivated category, so they can be deleted', async () => {
    const api = installSettingsApi();
    api.state.categories[0]!.active = false; // air-bersih: gone from /api/meta
    await openRules();
    expect(await ruleLines('air-bersih (kategori nonaktif)')).toHaveLength(2);
    expect(screen.queryByRole('option', { name: 'Air bersih' })).toBeNull();
  });

  it('says when the rule to delete is already gone (404)', async () => {
    const api = installSettingsApi();
    await openRules();
    const rule = within(screen.getByText('Dinas PUPR NTB').closest('li')!);
    fireEvent.click(rule.getByRole('button', { name: 'Hapus' }));
    api.refuseNext('DELETE', '/api/admin/routing-rules/2', 'not_found');
    fireEvent.click(rule.getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(rule.getByRole('alert').textContent).toBe('Data ini tidak ditemukan lagi. Muat ulang halaman.'));
  });

  it('previews a road complaint in Kabupaten Dompu: no agency, then the rule just added', async () => {
    const api = installSettingsApi();
    await openRules();
    await preview('jalan', '52.05');
    await waitFor(() =>
      expect(sentence()).toBe('Pengaduan Jalan rusak di Kabupaten Dompu belum punya instansi tujuan: moderator memilihnya.'),
    );
    api.state.rules.push({ id: 3, category: 'jalan', regencyCode: null, agency: 'dinas-pupr-ntb', rank: 0, autoForward: false });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await waitFor(() =>
      expect(sentence()).toBe(
        'Pengaduan Jalan rusak di Kabupaten Dompu diteruskan ke Dinas PUPR NTB setelah diperiksa moderator. Menurut aturan tingkat provinsi.',
      ),
    );
    expect(api.requests.filter((r) => r.path.startsWith('/api/admin/routing-preview')).map((r) => r.path)).toEqual([
      '/api/admin/routing-preview?category=jalan&regency=52.05',
      '/api/admin/routing-preview?category=jalan&regency=52.05',
    ]);
  });

  it('asks for both a category and a regency before previewing', async () => {
    const api = installSettingsApi();
    await openRules();
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    expect(screen.getByRole('alert').textContent).toBe('Pilih salah satu.');
    expect(api.requests.some((r) => r.path.startsWith('/api/admin/routing-preview'))).toBe(false);
  });
});
