import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { App } from '../../../web/src/App';
import { MY_COMPLAINTS_KEY } from '../../../web/src/components/public/myComplaints';
import { complaintFixture, installPublicApi, TOKEN } from './fake-public-api';
import { useAppPage } from '../page-helpers';

let api: ReturnType<typeof installPublicApi>;

useAppPage();

beforeEach(() => {
  api = installPublicApi();
});

function open(address: string) {
  window.history.replaceState(null, '', address);
  render(() => <App />);
}

const stored = () => JSON.parse(localStorage.getItem(MY_COMPLAINTS_KEY) ?? '[]') as unknown[];
const tokenSent = (path: string) =>
  api.requests.filter((r) => r.path === path).map((r) => r.headers.get('X-Tracking-Token'));

describe('tracking page, as the public sees it', () => {
  beforeEach(() => api.addComplaint(complaintFixture()));

  it('shows the complaint: status, facts, description, photos', async () => {
    open('/lacak/NTB-7K3M9Q2X');
    expect(await screen.findByText('Memuat pengaduan NTB-7K3M9Q2X…')).toBeTruthy();
    const title = await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' });
    const page = title.closest('article')!;
    expect(page.textContent).toContain('NTB-7K3M9Q2X');
    expect(within(page).getByText('Diteruskan ke instansi', { selector: '.status-badge' })).toBeTruthy();
    expect(page.textContent).toContain('Pengaduan sudah diteruskan ke instansi yang bertanggung jawab.');

    const facts = page.querySelector('dl')!;
    const fact = (term: string) =>
      within(facts).getByText(term, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(fact('Kategori')).toBe('💧 Air bersih');
    expect(fact('Lokasi')).toBe('Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat');
    expect(fact('Alamat atau patokan')).toBe('Jalan Raya Gerung dekat masjid');
    expect(fact('Ditangani oleh')).toBe('PDAM Giri Menang');
    expect(fact('Dikirim')).toBe('10 Nov 2026, 07.15 WITA'); // 23:15 UTC is 07:15 the next day in NTB
    expect(fact('Pelapor')).toBe('Warga');
    expect(page.textContent).toContain('Sejak Senin air tidak mengalir di Dusun Dasan.');

    const photos = within(page).getAllByRole('img');
    expect(photos.map((img) => img.getAttribute('src'))).toEqual(['/api/photos/ph1', '/api/photos/ph2']);
    expect(photos[0]!.getAttribute('alt')).toBe('Foto 1 dari 2 yang dilampirkan pelapor');
    expect(photos[0]!.getAttribute('loading')).toBe('lazy');
    expect([photos[1]!.getAttribute('width'), photos[1]!.getAttribute('height')]).toEqual(['900', '1200']);
    expect(document.title).toBe('Pengaduan NTB-7K3M9Q2X · NTB Care');
  });

  it('shows the timeline oldest first, in WITA, with status changes in words', async () => {
    open('/lacak/NTB-7K3M9Q2X');
    const heading = await screen.findByRole('heading', { name: 'Riwayat penanganan' });
    const steps = within(heading.closest('section')!).getAllByRole('listitem');
    expect(steps.map((li) => li.querySelector('strong')!.textContent)).toEqual([
      'Pengaduan dikirim',
      'Diteruskan ke PDAM Giri Menang',
    ]);
    expect(steps[0]!.textContent).toContain('Pelapor');
    expect(steps[1]!.textContent).toContain('Diskominfotik NTB');
    expect(steps[1]!.textContent).toContain('Status berubah dari Diterima menjadi Diteruskan ke instansi.');
    const time = steps[1]!.querySelector('time')!;
    expect(time.textContent).toBe('10 Nov 2026, 14.30 WITA');
    expect(time.getAttribute('datetime')).toBe('2026-11-10T06:30:00.000Z');
  });

  it('keeps the reporter private and offers no comment form without the token', async () => {
    open('/lacak/NTB-7K3M9Q2X');
    await screen.findByRole('heading', { level: 1 });
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([null]);
    expect(screen.queryByText('Baiq Nurul')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Data pelapor' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText(/Anda pelapornya\?/)).toBeTruthy();
    expect(stored()).toEqual([]);
  });

  it('says "Belum diteruskan" while no agency handles it, and names time and words in English', async () => {
    api.addComplaint(complaintFixture({ code: 'NTB-AAAAAAAA', status: 'submitted', agency: null, events: [] }));
    localStorage.setItem('ntbcare.lang', 'en');
    open('/lacak/NTB-AAAAAAAA');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText('Received', { selector: '.status-badge' })).toBeTruthy();
    expect(screen.getByText('Handled by').nextElementSibling!.textContent).toBe('Not forwarded yet');
    expect(screen.getByText('Sent').nextElementSibling!.textContent).toBe('10 Nov 2026, 07:15 WITA');
    expect(screen.getByText('No history yet.')).toBeTruthy();
  });
});

describe('tracking page of a rejected or duplicate complaint', () => {
  it('gives the moderator reason and message for a rejection', async () => {
    api.addComplaint(
      complaintFixture({
        code: 'NTB-REJ00001',
        status: 'rejected',
        agency: null,
        events: [
          { id: 1, type: 'submitted', at: '2026-11-09T23:15:00.000Z', actor: 'citizen', agency: null, fromStatus: null, toStatus: 'submitted', body: null },
          { id: 2, type: 'rejected', at: '2026-11-10T01:00:00.000Z', actor: 'moderator', agency: null, fromStatus: 'submitted', toStatus: 'rejected', body: 'Ini urusan pribadi antarwarga.', details: { reason: 'not_public_service' } },
        ],
      }),
    );
    open('/lacak/NTB-REJ00001');
    expect(await screen.findByText('Alasan: bukan urusan layanan publik pemerintah')).toBeTruthy();
    expect(screen.getByText('Ini urusan pribadi antarwarga.')).toBeTruthy();
    // Its own words are not published: the page says so instead of showing an empty title.
    expect(screen.getByRole('heading', { level: 1, name: 'Isi pengaduan tidak ditampilkan' })).toBeTruthy();
    expect(screen.getByText(/Moderator menolak pengaduan ini, sehingga judul, uraian, alamat/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('Air PDAM mati tiga hari');
    expect(document.body.textContent).not.toContain('Jalan Raya Gerung');
    expect(document.body.textContent).not.toContain('Sejak Senin air tidak mengalir');
  });

  it('shows the reporter their rejected complaint in full, saying the public does not see it', async () => {
    api.addComplaint(complaintFixture({ code: 'NTB-REJ00002', status: 'rejected', agency: null }));
    open(`/lacak/NTB-REJ00002#t=${TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' })).toBeTruthy();
    expect(document.querySelector('.complaint-description')!.textContent).toContain('Sejak Senin air tidak mengalir di Dusun Dasan.');
    expect(screen.getByText(/isi pengaduan ini tidak ditampilkan kepada publik; hanya Anda dan petugas/)).toBeTruthy();
  });

  it('links the complaint a duplicate repeats', async () => {
    api.addComplaint(
      complaintFixture({
        code: 'NTB-DABC0001',
        status: 'duplicate',
        agency: null,
        events: [
          { id: 3, type: 'duplicate', at: '2026-11-10T01:00:00.000Z', actor: 'moderator', agency: null, fromStatus: 'submitted', toStatus: 'duplicate', body: null, details: { of: 'NTB-7K3M9Q2X' } },
        ],
      }),
    );
    open('/lacak/NTB-DABC0001');
    const link = await screen.findByRole('link', { name: 'Masalah yang sama sudah dilaporkan di pengaduan NTB-7K3M9Q2X.' });
    expect(link.getAttribute('href')).toBe('/lacak/NTB-7K3M9Q2X');
  });
});

describe('tracking page, opened by the reporter', () => {
  beforeEach(() => api.addComplaint(complaintFixture()));

  it('takes the token from the fragment: sends it, stores it, removes it from the address', async () => {
    open(`/lacak/NTB-7K3M9Q2X#t=${TOKEN}`);
    const depth = window.history.length;
    const details = await screen.findByRole('heading', { name: 'Data pelapor' });
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/lacak/NTB-7K3M9Q2X');
    expect(window.history.length).toBe(depth); // replaced, not a new entry
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([TOKEN]);
    const section = details.closest('section')!;
    expect(within(section).getByText('Nama').nextElementSibling!.textContent).toBe('Baiq Nurul');
    expect(within(section).getByText('Nomor telepon').nextElementSibling!.textContent).toBe('081234567890');
    expect(within(section).getByText('Email').nextElementSibling!.textContent).toBe('Tidak diisi');
    expect(screen.getByLabelText('Tanggapan Anda')).toBeTruthy();
    expect(stored()).toEqual([
      {
        code: 'NTB-7K3M9Q2X',
        token: TOKEN,
        title: 'Air PDAM mati tiga hari',
        submittedAt: '2026-11-09T23:15:00.000Z',
      },
    ]);
  });

  it('takes the token out of the address when reached by a link inside the app', async () => {
    open('/');
    const depth = window.history.length;
    // Like the complaint form's "open the tracking page" link: the router follows it itself.
    const link = document.createElement('a');
    link.href = `/lacak/NTB-7K3M9Q2X#t=${TOKEN}`;
    link.textContent = 'Lacak';
    document.body.append(link);
    onTestFinished(() => link.remove());
    fireEvent.click(link);

    await screen.findByRole('heading', { name: 'Data pelapor' });
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([TOKEN]);
    await waitFor(() => expect(window.location.hash).toBe(''));
    expect(window.location.pathname).toBe('/lacak/NTB-7K3M9Q2X');
    expect(window.history.length).toBe(depth + 1);
    expect(stored()).toEqual([expect.objectContaining({ code: 'NTB-7K3M9Q2X', token: TOKEN })]);
  });

  it('uses the token stored on this device when the link has none', async () => {
    localStorage.setItem(
      MY_COMPLAINTS_KEY,
      JSON.stringify([{ code: 'NTB-7K3M9Q2X', token: TOKEN, title: 'Air mati', submittedAt: '' }]),
    );
    open('/lacak/ntb-7k3m9q2x'); // and a code typed in lower case still finds it
    await screen.findByRole('heading', { name: 'Data pelapor' });
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([TOKEN]);
    expect(window.location.pathname).toBe('/lacak/NTB-7K3M9Q2X');
    // The entry is brought up to date.
    expect(stored()).toEqual([expect.objectContaining({ title: 'Air PDAM mati tiga hari' })]);
  });

  // A link cut short or mistyped by a messaging app carries a token that is not the complaint's.
  const WRONG = 'ffffffffffffffffffffffffffffffff';

  it('keeps the token stored on this device when a link carries a wrong one, and uses it', async () => {
    const entry = { code: 'NTB-7K3M9Q2X', token: TOKEN, title: 'Air PDAM mati tiga hari', submittedAt: '2026-11-09T23:15:00.000Z' };
    localStorage.setItem(MY_COMPLAINTS_KEY, JSON.stringify([entry]));
    open(`/lacak/NTB-7K3M9Q2X#t=${WRONG}`);
    await screen.findByRole('heading', { name: 'Data pelapor' });
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([WRONG, TOKEN]);
    expect(stored()).toEqual([entry]);
    expect(screen.getByLabelText('Tanggapan Anda')).toBeTruthy();
  });

  it('says a link with a wrong token does not match, shows the public view and keeps nothing', async () => {
    open(`/lacak/NTB-7K3M9Q2X#t=${WRONG}`);
    await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' });
    expect(screen.getByRole('alert').textContent).toBe(
      'Tautan pelacakan ini tidak cocok dengan pengaduan ini, jadi yang tampil hanya yang boleh dilihat publik. Periksa apakah tautannya tersalin utuh dari pesan yang Anda simpan.',
    );
    expect(screen.queryByText('Baiq Nurul')).toBeNull();
    expect(window.location.hash).toBe('');
    expect(stored()).toEqual([]);
  });

  it('neither sends nor keeps what a mangled link carries (not a token at all)', async () => {
    const mangled = `/lacak/NTB-7K3M9Q2X#t=${TOKEN.slice(0, 20)}%E2%80%A6`; // cut short with an ellipsis
    const entry = { code: 'NTB-7K3M9Q2X', token: TOKEN, title: 'Air PDAM mati tiga hari', submittedAt: '2026-11-09T23:15:00.000Z' };
    localStorage.setItem(MY_COMPLAINTS_KEY, JSON.stringify([entry]));
    open(mangled);
    // The token kept on this device still opens the reporter's view.
    await screen.findByRole('heading', { name: 'Data pelapor' });
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([TOKEN]);
    expect(stored()).toEqual([entry]);
    expect(screen.queryByText(/^Tautan pelacakan ini tidak cocok/)).toBeNull();
  });

  it('says a mangled link does not match when nothing else opens the reporter’s view', async () => {
    open(`/lacak/NTB-7K3M9Q2X#t=${TOKEN.slice(0, 20)}%E2%80%A6`);
    await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' });
    expect(screen.getByRole('alert').textContent).toMatch(/^Tautan pelacakan ini tidak cocok/);
    expect(tokenSent('/api/complaints/NTB-7K3M9Q2X')).toEqual([null]);
    expect(stored()).toEqual([]);
  });

  it('keeps nothing on this device from a link to a complaint that is not there', async () => {
    open(`/lacak/NTB-ZZZZZZZZ#t=${TOKEN}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengaduan tidak ditemukan' })).toBeTruthy();
    expect(stored()).toEqual([]);
  });

  it('posts a comment and shows it in the timeline at once', async () => {
    open(`/lacak/NTB-7K3M9Q2X#t=${TOKEN}`);
    const box = (await screen.findByLabelText('Tanggapan Anda')) as HTMLTextAreaElement;
    expect(box.maxLength).toBe(2000);
    expect(screen.getByText('0 dari 2000 karakter')).toBeTruthy();

    fireEvent.input(box, { target: { value: '  Air sudah mengalir lagi sebagian.  ' } });
    expect(screen.getByText('37 dari 2000 karakter')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kirim tanggapan' }));

    expect(await screen.findByText('Tanggapan Anda sudah ditambahkan ke riwayat.')).toBeTruthy();
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/complaints/NTB-7K3M9Q2X/comments');
    expect(post.headers.get('X-Tracking-Token')).toBe(TOKEN);
    expect(post.body).toEqual({ body: 'Air sudah mengalir lagi sebagian.' });

    const timeline = screen.getByRole('heading', { name: 'Riwayat penanganan' }).closest('section')!;
    const steps = within(timeline).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[2]!.textContent).toContain('Tanggapan pelapor');
    expect(steps[2]!.textContent).toContain('Air sudah mengalir lagi sebagian.');
    expect(box.value).toBe('');
  });

  it('does not send an empty comment and shows why', async () => {
    open(`/lacak/NTB-7K3M9Q2X#t=${TOKEN}`);
    const box = await screen.findByLabelText('Tanggapan Anda');
    fireEvent.input(box, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim tanggapan' }));
    expect(screen.getByRole('alert').textContent).toBe('Tulis tanggapan Anda dulu.');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows a failed comment in words and keeps the text', async () => {
    open(`/lacak/NTB-7K3M9Q2X#t=${TOKEN}`);
    const box = (await screen.findByLabelText('Tanggapan Anda')) as HTMLTextAreaElement;
    api.failNext('/api/complaints/NTB-7K3M9Q2X/comments');
    fireEvent.input(box, { target: { value: 'Mohon segera diperbaiki.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim tanggapan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Terjadi gangguan di server.');
    expect(box.value).toBe('Mohon segera diperbaiki.');
  });

  it.each([
    ['confidential', { confidential: true }, true],
    ['not yet let through by the moderators', { status: 'submitted', photosPublic: false }, false],
  ] as const)('loads the photos of a %s complaint with the token, from blob: URLs', async (_, overrides, confidential) => {
    api.addComplaint(complaintFixture({ code: 'NTB-CCCCCCCC', ...overrides }));
    let made = 0;
    const createObjectURL = vi.fn(() => `blob:http://localhost/${++made}`);
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs: lend it two for this test.
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    onTestFinished(() => {
      delete (URL as Partial<typeof URL>).createObjectURL;
      delete (URL as Partial<typeof URL>).revokeObjectURL;
    });

    open(`/lacak/NTB-CCCCCCCC#t=${TOKEN}`);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(screen.getAllByRole('img')).toHaveLength(2));
    const sources = screen.getAllByRole('img').map((img) => img.getAttribute('src'));
    expect(sources.sort()).toEqual(['blob:http://localhost/1', 'blob:http://localhost/2']);
    expect(tokenSent('/api/photos/ph1')).toEqual([TOKEN]);
    expect(screen.queryByText('Rahasia: pengaduan ini tidak tampil di daftar pengaduan publik, dan nama serta kontak Anda tidak ditampilkan kepada instansi.') !== null).toBe(confidential);

    cleanup();
    expect(revokeObjectURL.mock.calls.map(([url]) => url).sort()).toEqual(sources.sort());
  });
});

describe('tracking page for a code that is not there', () => {
  it('says so and offers the code form', async () => {
    open('/lacak/NTB-ZZZZZZZZ');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Pengaduan tidak ditemukan' });
    expect(heading.closest('section')!.textContent).toContain('NTB-ZZZZZZZZ');
    expect((screen.getByLabelText('Kode pengaduan') as HTMLInputElement).value).toBe('NTB-ZZZZZZZZ');
    expect(document.title).toBe('Pengaduan tidak ditemukan · NTB Care');
  });

  it('hides a confidential complaint from anyone without its token', async () => {
    api.addComplaint(complaintFixture({ code: 'NTB-CCCCCCCC', confidential: true }));
    open('/lacak/NTB-CCCCCCCC');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengaduan tidak ditemukan' })).toBeTruthy();
    expect(screen.queryByText('Air PDAM mati tiga hari')).toBeNull();
  });

  it('does not ask the server about something that cannot be a code', async () => {
    open('/lacak/bukan-kode');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pengaduan tidak ditemukan' })).toBeTruthy();
    expect(api.paths()).toEqual([]);
  });

  it('offers a retry when the server fails', async () => {
    api.addComplaint(complaintFixture());
    api.failNext('/api/complaints/NTB-7K3M9Q2X');
    open('/lacak/NTB-7K3M9Q2X');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Pengaduan gagal dimuat. Terjadi gangguan di server.',
    );
    // The failed page still says which complaint it is about.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('NTB-7K3M9Q2X');
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Coba lagi' })).toBeNull();
  });
});
