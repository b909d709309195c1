// The desk as a moderator sees it: what waits, in what order, with what advice.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStaffSession } from '../../../web/src/staff/session';
import { expectFiledVia, fact, openDesk, openPage, queueCodes, queueEntry, selectedCode, slow } from './desk-helpers';
import { agencies, agencyUser, installStaffApi, itemFixture, moderator } from './fake-staff-api';

let api: ReturnType<typeof installStaffApi>;

beforeEach(() => {
  api = installStaffApi();
  api.state.user = moderator;
});

afterEach(() => {
  cleanup();
  resetStaffSession();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const photo = (id: string) => ({ id, url: `/api/photos/${id}`, contentType: 'image/jpeg', width: 800, height: 600 });
const pupr = { slug: agencies[1]!.slug, name: agencies[1]!.name, shortName: agencies[1]!.shortName };

describe('the moderation desk', () => {
  beforeEach(() => {
    api.state.queue = [
      itemFixture(1, 30, {
        title: 'Pipa PDAM bocor di Gerung',
        returned: { agency: pupr, reason: 'Jaringan pipa milik PDAM, bukan PUPR.', at: new Date().toISOString(), agencyInactive: false },
      }),
      itemFixture(2, 3, {
        photos: [photo('ph1'), photo('ph2')],
        duplicateCandidates: [
          {
            code: 'NTB-00000009',
            title: 'Air mati di Dasan Geres',
            status: 'forwarded',
            submittedAt: '2026-11-09T23:15:00.000Z',
            distanceM: 120,
            sameVillage: true,
            similarity: 0.82,
          },
        ],
      }),
      itemFixture(3, 1, { suggestedAgency: null, anonymous: true }),
    ];
  });

  it('lists what waits oldest first, with age, overdue mark, category, region and returns', async () => {
    await openDesk();
    expect(queueCodes()).toEqual(['NTB-00000001', 'NTB-00000002', 'NTB-00000003']);
    expect(screen.getByText('3 pengaduan menunggu keputusan, yang terlama di atas.')).toBeTruthy();
    const csv = screen.getByRole('link', { name: 'Unduh CSV' });
    expect(csv.getAttribute('href')).toBe('/api/export/complaints.csv');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(api.sent('/api/moderation/queue').map((r) => r.path)).toEqual(['/api/moderation/queue?limit=100']);

    const first = queueEntry('NTB-00000001');
    expect(first.textContent).toContain('30 jam yang lalu');
    expect(first.textContent).toContain('Lewat 24 jam');
    expect(first.textContent).toContain('Air bersih');
    expect(first.textContent).toContain('Kabupaten Lombok Barat');
    expect(first.textContent).toContain('Dikembalikan oleh PUPR');
    const second = queueEntry('NTB-00000002');
    expect(second.textContent).toContain('3 jam yang lalu');
    expect(second.textContent).not.toContain('Lewat 24 jam');
    expect(document.title).toBe('Meja moderasi · NTB Care');
  });

  it('says when a complaint came back by itself because the agency holding it was switched off', async () => {
    api.state.queue = [itemFixture(1, 2, { returned: { agency: pupr, reason: null, at: new Date().toISOString(), agencyInactive: true } })];
    await openDesk();
    expect(queueEntry('NTB-00000001').textContent).toContain('Kembali otomatis: PUPR dinonaktifkan');
    const item = screen.getByRole('article');
    expect(within(item).getByText(`Kembali otomatis: ${pupr.name} dinonaktifkan`)).toBeTruthy();
    expect(item.textContent).not.toContain('Dikembalikan oleh');
    expect(item.querySelector('.returned-note .quoted')).toBeNull();
  });

  it('opens the oldest with the agency’s reason for returning it and the suggestion preselected', async () => {
    await openDesk();
    expect(selectedCode()).toBe('NTB-00000001');
    const item = screen.getByRole('article');
    expect(within(item).getByRole('heading', { level: 2 }).textContent).toBe('Pipa PDAM bocor di Gerung');
    expect(item.textContent).toContain('Dikembalikan oleh Dinas PUPR Provinsi NTB');
    expect(item.textContent).toContain('Jaringan pipa milik PDAM, bukan PUPR.');
    expect(item.textContent).toContain('Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat');
    expect(item.textContent).toContain('Baiq Nurul · 081234567890'); // moderators see the reporter
    const suggestion = within(item).getByRole('heading', { name: 'Saran instansi' }).nextElementSibling!;
    expect(suggestion.textContent).toBe('PDAM Giri Menang');

    const agency = (await screen.findByLabelText('Instansi tujuan')) as HTMLSelectElement;
    expect(agency.value).toBe('pdam-giri-menang');
    expect(agency.selectedOptions[0]!.textContent).toBe('PDAM Giri Menang (saran)');
    // Clean water's default priority, not the complaint's own.
    expect((screen.getByLabelText('Penting (24 jam)') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Teruskan ke PDAM Giri Menang' })).toBeTruthy();
  });

  it('shows photos as thumbnails that open larger, and possible duplicates beside the suggestion', async () => {
    await openDesk();
    fireEvent.click(queueEntry('NTB-00000002'));
    const item = screen.getByRole('article');
    const thumbnail = within(item).getByRole('button', { name: 'Foto 1 dari 2 yang dilampirkan pelapor' });
    expect(thumbnail.querySelector('img')!.getAttribute('src')).toBe('/api/photos/ph1');
    expect(item.querySelector('.photo-large')).toBeNull();
    fireEvent.click(thumbnail);
    expect(thumbnail.getAttribute('aria-pressed')).toBe('true');
    expect(item.querySelector('.photo-large img')!.getAttribute('src')).toBe('/api/photos/ph1');

    const duplicates = within(item).getByRole('heading', { name: 'Mungkin duplikat' }).parentElement!;
    expect(within(duplicates).getByRole('link', { name: 'NTB-00000009' }).getAttribute('href')).toBe('/lacak/NTB-00000009');
    expect(duplicates.textContent).toContain('Air mati di Dasan Geres');
    expect(duplicates.textContent).toContain('mirip 82% · desa sama · 120 m');
  });

  it('says when no routing suggestion exists, and leaves the choice open', async () => {
    await openDesk();
    fireEvent.click(queueEntry('NTB-00000003'));
    const item = screen.getByRole('article');
    expect(within(item).getByRole('heading', { name: 'Saran instansi' }).nextElementSibling!.textContent).toBe('Tidak ada.');
    expect(item.textContent).toContain('Anonim');
    fireEvent.click(await screen.findByRole('button', { name: 'Teruskan ke …' }));
    expect(await screen.findByText('Pilih instansi tujuan.')).toBeTruthy();
    expect(api.sent('/api/complaints/')).toEqual([]);
  });

  it('shows which app filed a complaint through Open311, its media link as a plain link, and odd text as text', async () => {
    const url = 'https://media.example.org/foto/pipa.jpg?ukuran=besar&a=<b>';
    api.state.queue = [
      itemFixture(1, 3, { filedVia: { apiKey: 'Jembatan LAPOR!', mediaUrl: url } }),
      itemFixture(2, 2, { filedVia: { apiKey: '<img src=x onerror=alert(1)>', mediaUrl: 'javascript:alert(1)' } }),
      itemFixture(3, 1),
    ];
    await openDesk();
    expectFiledVia(screen.getByRole('article'), 'Jembatan LAPOR!', url);

    fireEvent.click(queueEntry('NTB-00000002'));
    const odd = screen.getByRole('article');
    expect(fact(odd, 'Dikirim lewat Open311 oleh')).toBe('<img src=x onerror=alert(1)>');
    expect(odd.querySelector('.item-facts img')).toBeNull();
    expect(fact(odd, 'Tautan media dari aplikasi')).toContain('javascript:alert(1)');
    expect(within(odd).queryByRole('link', { name: /javascript/ })).toBeNull();

    fireEvent.click(queueEntry('NTB-00000003'));
    expect(fact(screen.getByRole('article'), 'Dikirim lewat Open311 oleh')).toBeNull();
  });

  it('says when the queue is empty', async () => {
    api.state.queue = [];
    openPage('/moderasi');
    expect(await screen.findByText('Tidak ada pengaduan yang menunggu.', {}, slow)).toBeTruthy();
  });

  it('offers a retry when the queue cannot be loaded', async () => {
    api.failNext('/api/moderation/queue?limit=100', 'network');
    openPage('/moderasi');
    const alert = await screen.findByText(/Antrean gagal dimuat/, {}, slow);
    expect(alert.textContent).toBe('Antrean gagal dimuat. Tidak dapat terhubung ke server. Periksa koneksi internet Anda.');
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('list', { name: 'Antrean' })).toBeTruthy();
  });

  it('loads further pages by itself as the moderator nears the end', async () => {
    api.state.queue = Array.from({ length: 120 }, (_, i) => itemFixture(i + 1, 120 - i));
    await openDesk();
    expect(queueCodes()).toHaveLength(100);
    expect(screen.getByText('120 pengaduan menunggu keputusan, yang terlama di atas.')).toBeTruthy();
    fireEvent.click(queueEntry('NTB-00000095'));
    await waitFor(() => expect(queueCodes()).toHaveLength(120));
    expect(api.sent('/api/moderation/queue').map((r) => r.path)).toEqual([
      '/api/moderation/queue?limit=100',
      '/api/moderation/queue?limit=100&cursor=100',
    ]);
  });
});

describe('who may use the desk', () => {
  it('sends a visitor who is not signed in to sign in, and back afterwards', async () => {
    api.state.user = null;
    api.state.queue = [itemFixture(1, 2)];
    openPage('/moderasi');
    const username = await screen.findByLabelText('Nama pengguna', {}, slow);
    expect(window.location.pathname + window.location.search).toBe('/masuk?lanjut=/moderasi');
    expect(api.sent('/api/moderation/queue')).toEqual([]);

    fireEvent.input(username, { target: { value: 'lalu.verifikator' } });
    fireEvent.input(screen.getByLabelText('Kata sandi'), { target: { value: 'kata-sandi-rahasia' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByRole('list', { name: 'Antrean' }, slow)).toBeTruthy();
    expect(window.location.pathname).toBe('/moderasi');
  });

  it('tells agency staff the page is not theirs, without asking for the queue', async () => {
    api.state.user = agencyUser;
    openPage('/moderasi');
    expect(await screen.findByText('Halaman ini hanya untuk moderator dan admin.', {}, slow)).toBeTruthy();
    expect(screen.getByText('Masuk sebagai PDAM Giri Menang')).toBeTruthy();
    expect(api.sent('/api/moderation/queue')).toEqual([]);
  });

  it('sends the moderator to sign in again when the session ends mid-work', async () => {
    api.state.queue = [itemFixture(1, 2)];
    await openDesk();
    api.state.user = null;
    fireEvent.click(await screen.findByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    expect(await screen.findByLabelText('Nama pengguna', {}, slow)).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/masuk?lanjut=/moderasi');
  });

  it('signs out from the staff bar', async () => {
    api.state.queue = [itemFixture(1, 2)];
    await openDesk();
    fireEvent.click(screen.getByRole('button', { name: 'Keluar' }));
    expect(await screen.findByText('Anda sudah keluar.', {}, slow)).toBeTruthy();
    expect(api.sent('/api/auth/logout', 'POST')).toHaveLength(1);
    expect(window.location.pathname).toBe('/masuk');
  });
});
