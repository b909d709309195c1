import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../web/src/App';
import { installFakeApi } from './fake-api';
import { choose, enabled } from './select-helpers';
import { resetPage } from './page-helpers';

let api: ReturnType<typeof installFakeApi>;

beforeEach(() => {
  api = installFakeApi();
  window.history.replaceState(null, '', '/');
});

afterEach(() => resetPage());

const chooseIn = async (label: string, code: string) => {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  await enabled(select);
  choose(select, code);
};

describe('home page', () => {
  it('has the landmarks and a skip link to the main content', () => {
    render(() => <App />);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Navigasi utama' })).toBeTruthy();
    expect(screen.getByRole('contentinfo').textContent).toContain('Diskominfotik');
    const main = screen.getByRole('main');

    fireEvent.click(screen.getByRole('link', { name: 'Langsung ke isi utama' }));
    expect(document.activeElement).toBe(main);
  });

  it('links only to what exists: the home page and its sections', () => {
    render(() => <App />);
    const hrefs = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    for (const href of hrefs) expect(href).toMatch(/^(\/|\/#kategori|\/#wilayah|#main|\/pengaduan|\/lacak|\/statistik|\/lapor|\/masuk|\/dokumentasi-api)$/);
    expect(document.getElementById('kategori')).not.toBeNull();
    expect(document.getElementById('wilayah')).not.toBeNull();
  });

  it('shows the complaint categories from the API', async () => {
    render(() => <App />);
    expect(screen.getByText('Memuat kategori…')).toBeTruthy();
    const water = (await screen.findByRole('heading', { name: 'Air bersih' })).closest('li')!;
    expect(within(water).getByText('Air PDAM mati atau keruh')).toBeTruthy();
    expect(within(water).getByText('💧')).toBeTruthy();
    const discipline = screen.getByRole('heading', { name: 'Disiplin ASN' }).closest('li')!;
    expect(within(discipline).getByText('D')).toBeTruthy(); // no icon: the initial
    expect(api.paths().filter((p) => p === '/api/meta')).toHaveLength(1);
  });

  it('offers a retry when the categories fail to load', async () => {
    api.failNext('/api/meta', 'network');
    render(() => <App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Kategori gagal dimuat. Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('heading', { name: 'Air bersih' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the whole place once a village is chosen', async () => {
    render(() => <App />);
    await chooseIn('Kabupaten/Kota', '52.01');
    await chooseIn('Kecamatan', '52.01.01');
    expect(screen.queryByText(/Wilayah yang Anda pilih/)).toBeNull();
    await chooseIn('Desa/Kelurahan', '52.01.01.2001');
    expect(screen.getByText('Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat')).toBeTruthy();
  });

  it('calls a kelurahan a kelurahan', async () => {
    render(() => <App />);
    await chooseIn('Kabupaten/Kota', '52.71');
    await chooseIn('Kecamatan', '52.71.01');
    await chooseIn('Desa/Kelurahan', '52.71.01.1006');
    expect(screen.getByText('Kelurahan Pejeruk, Kecamatan Ampenan, Kota Mataram')).toBeTruthy();
  });
});

describe('unknown addresses', () => {
  it('show the not-found page with a way home', async () => {
    window.history.replaceState(null, '', '/tidak-ada');
    render(() => <App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Halaman tidak ditemukan');
    expect(document.title).toBe('Halaman tidak ditemukan · NTB Care');
    expect(api.paths()).not.toContain('/api/meta'); // reference data only where it is used

    vi.spyOn(window, 'scrollTo').mockImplementation(() => {}); // jsdom has no layout
    fireEvent.click(screen.getByRole('link', { name: 'Kembali ke beranda' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Sampaikan keluhan Anda tentang layanan publik di NTB',
    );
  });
});
