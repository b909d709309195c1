import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../web/src/App';
import { choose, enabled, optionTexts } from '../select-helpers';
import { feedItemFixture, installPublicApi } from './fake-public-api';
import { useAppPage } from '../page-helpers';

let api: ReturnType<typeof installPublicApi>;

useAppPage();

beforeEach(() => {
  api = installPublicApi();
});

function openFeed(search = '') {
  window.history.replaceState(null, '', `/pengaduan${search}`);
  render(() => <App />);
}

const cards = () => screen.queryAllByRole('article');
const cardTitles = () => cards().map((card) => within(card).getByRole('heading').textContent);
const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;

describe('public feed', () => {
  it('shows each complaint as a card, and never a reporter name', async () => {
    const named = {
      ...feedItemFixture(1, {
        title: 'Jalan berlubang di Gerung',
        status: 'resolved',
        photo: { id: 'p9', url: '/api/photos/p9', contentType: 'image/jpeg', width: 640, height: 480 },
        photoCount: 3,
      }),
      // Even if a server bug let a name through, the card has no place for it.
      reporter: { name: 'Lalu Muhammad Zaini' },
    };
    api.setFeed('/api/complaints', {
      items: [named, feedItemFixture(2, { anonymous: true, agency: null, category: { slug: 'x', name: { id: 'Lainnya', en: 'Other' }, icon: 'road' } })],
      nextCursor: null,
    });
    openFeed();
    // The page is a lazy chunk: its first import in a busy run can take more than a second.
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengaduan publik' }, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(cards()).toHaveLength(2));

    const [first, second] = cards() as [HTMLElement, HTMLElement];
    const link = within(first).getByRole('link', { name: 'Jalan berlubang di Gerung' });
    expect(link.getAttribute('href')).toBe('/lacak/NTB-00000001');
    expect(within(first).getByText('Selesai ditangani', { selector: '.status-badge' })).toBeTruthy();
    const fact = (card: HTMLElement, term: string) =>
      within(card).getByText(term, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(fact(first, 'Kategori')).toBe('💧 Air bersih');
    expect(fact(first, 'Lokasi')).toBe('Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat');
    expect(fact(first, 'Instansi')).toBe('PDAM Giri Menang');
    expect(fact(first, 'Dikirim')).toBe('10 Nov 2026');
    expect(fact(first, 'Pelapor')).toBe('Warga');
    const photo = within(first).getByRole('img');
    expect(photo.getAttribute('src')).toBe('/api/photos/p9');
    expect(photo.getAttribute('alt')).toBe('Foto pengaduan ini (3 foto)');
    expect([photo.getAttribute('width'), photo.getAttribute('height'), photo.getAttribute('loading')]).toEqual([
      '640',
      '480',
      'lazy',
    ]);

    expect(fact(second, 'Pelapor')).toBe('Anonim');
    expect(fact(second, 'Instansi')).toBe('Belum diteruskan');
    expect(fact(second, 'Kategori')).toBe('Lainnya'); // an icon that is no emoji is left out
    expect(within(second).queryByRole('img')).toBeNull();

    expect(document.body.textContent).not.toContain('Zaini');
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();
    expect(document.title).toBe('Pengaduan publik · NTB Care');
  });

  it('is linked from the navigation, as is tracking', async () => {
    openFeed();
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(within(nav).getByRole('link', { name: 'Pengaduan publik' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Lacak pengaduan' }).getAttribute('href')).toBe('/lacak');
  });

  it('filters by category, regency and status, in the request and in the address', async () => {
    api.setFeed('/api/complaints', { items: [feedItemFixture(1)], nextCursor: null });
    api.setFeed('/api/complaints?category=air-bersih', { items: [feedItemFixture(2)], nextCursor: null });
    api.setFeed('/api/complaints?category=air-bersih&status=resolved', {
      items: [feedItemFixture(3, { status: 'resolved' })],
      nextCursor: null,
    });
    openFeed();
    await waitFor(() => expect(cardTitles()).toEqual(['Pengaduan nomor 1']));
    await enabled(select('Kategori'));
    expect(optionTexts(select('Kategori'))).toEqual(['Semua kategori', 'Air bersih', 'Disiplin ASN']);
    expect(optionTexts(select('Status'))).toEqual([
      'Semua status',
      'Diteruskan ke instansi',
      'Sedang ditangani',
      'Selesai ditangani',
      'Ditutup',
    ]);

    choose(select('Kategori'), 'air-bersih');
    await waitFor(() => expect(cardTitles()).toEqual(['Pengaduan nomor 2']));
    expect(window.location.search).toBe('?category=air-bersih');

    choose(select('Status'), 'resolved');
    await waitFor(() => expect(cardTitles()).toEqual(['Pengaduan nomor 3']));
    expect(new URLSearchParams(window.location.search).get('status')).toBe('resolved');
    expect(api.paths()).toEqual([
      '/api/complaints',
      '/api/complaints?category=air-bersih',
      '/api/complaints?category=air-bersih&status=resolved',
    ]);

    choose(select('Kategori'), '');
    await waitFor(() => expect(api.paths().at(-1)).toBe('/api/complaints?status=resolved'));
    expect(window.location.search).toBe('?status=resolved');
  });

  it('starts from the filters in a shared address and ignores what is not a filter', async () => {
    openFeed('?regency=52.71&status=closed&category=<b>x</b>');
    await screen.findByText('Tidak ada pengaduan yang sesuai dengan saringan Anda.');
    expect(api.paths()).toEqual(['/api/complaints?regency=52.71&status=closed']);
    await enabled(select('Kabupaten/Kota'));
    expect(select('Kabupaten/Kota').value).toBe('52.71');
    expect(select('Status').value).toBe('closed');
    expect(select('Kategori').value).toBe('');
  });

  it('appends the next page with its cursor on "Muat lebih banyak"', async () => {
    api.setFeed('/api/complaints?status=in_progress', {
      items: [feedItemFixture(1), feedItemFixture(2)],
      nextCursor: 'page2',
    });
    api.setFeed('/api/complaints?status=in_progress&cursor=page2', {
      items: [feedItemFixture(3)],
      nextCursor: 'page3',
    });
    api.setFeed('/api/complaints?status=in_progress&cursor=page3', {
      items: [feedItemFixture(4)],
      nextCursor: null,
    });
    openFeed('?status=in_progress');
    await waitFor(() => expect(cards()).toHaveLength(2));

    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(cardTitles()).toEqual(['Pengaduan nomor 1', 'Pengaduan nomor 2', 'Pengaduan nomor 3']);
    expect(screen.getByText('3 pengaduan ditampilkan.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    await waitFor(() => expect(cards()).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull(); // the last page
    expect(api.paths()).toEqual([
      '/api/complaints?status=in_progress',
      '/api/complaints?status=in_progress&cursor=page2',
      '/api/complaints?status=in_progress&cursor=page3',
    ]);
  });

  it('keeps the list when the next page fails, and tries again', async () => {
    api.setFeed('/api/complaints', { items: [feedItemFixture(1)], nextCursor: 'page2' });
    api.setFeed('/api/complaints?cursor=page2', { items: [feedItemFixture(2)], nextCursor: null });
    openFeed();
    await waitFor(() => expect(cards()).toHaveLength(1));
    api.failNext('/api/complaints?cursor=page2');

    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Pengaduan berikutnya gagal dimuat. Terjadi gangguan di server.',
    );
    expect(cards()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when there is nothing to show, and clears the filters on request', async () => {
    openFeed('?category=disiplin-asn');
    await screen.findByText('Tidak ada pengaduan yang sesuai dengan saringan Anda.');
    fireEvent.click(screen.getByRole('button', { name: 'Hapus semua saringan' }));
    await screen.findByText('Belum ada pengaduan yang ditampilkan.');
    expect(window.location.search).toBe('');
    expect(api.paths()).toEqual(['/api/complaints?category=disiplin-asn', '/api/complaints']);
    expect(screen.queryByRole('button', { name: 'Hapus semua saringan' })).toBeNull();
  });

  it('shows a failed load in words with a retry', async () => {
    api.failNext('/api/complaints');
    api.setFeed('/api/complaints', { items: [feedItemFixture(1)], nextCursor: null });
    openFeed();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Daftar pengaduan gagal dimuat. Terjadi gangguan di server.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await waitFor(() => expect(cards()).toHaveLength(1));
  });
});
