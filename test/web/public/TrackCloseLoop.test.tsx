// The reporter closes the loop on a resolved complaint: "yes, solved" with a rating closes it,
// "not yet" with a reason reopens it, and a complaint that changed meanwhile is reloaded.
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintView, TimelineEvent } from '../../../worker/domain/api';
import { App } from '../../../web/src/App';
import { useAppPage } from '../page-helpers';
import { complaintFixture, installPublicApi, TOKEN } from './fake-public-api';

let api: ReturnType<typeof installPublicApi>;
useAppPage();
beforeEach(() => {
  api = installPublicApi();
});

const CODE = 'NTB-7K3M9Q2X';
const QUESTION = 'Apakah masalahnya sudah selesai?';
const pdam = complaintFixture().agency!;
const resolvedEvent: TimelineEvent = {
  id: 9,
  type: 'resolved',
  at: '2026-11-11T03:00:00.000Z',
  actor: 'agency',
  agency: pdam,
  fromStatus: 'in_progress',
  toStatus: 'resolved',
  body: 'Pipa yang bocor sudah diganti.',
};
const resolved = (overrides: Partial<ComplaintView> = {}) =>
  complaintFixture({ status: 'resolved', version: 5, events: [...complaintFixture().events, resolvedEvent], ...overrides });

async function open(address: string) {
  window.history.replaceState(null, '', address);
  render(() => <App />);
  await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' }, { timeout: 5000 });
}

/** The status badge as it reads (its "Status:" prefix is for screen readers). */
const badge = () => screen.getByText(/./, { selector: '.status-badge' }).textContent!.replace(/^Status:\s*/, '');
const steps = () =>
  within(screen.getByRole('heading', { name: 'Riwayat penanganan' }).closest('section')!).getAllByRole('listitem');
const posts = () => api.requests.filter((r) => r.method === 'POST');

describe('the "is it solved?" controls', () => {
  it('are shown to the reporter on a resolved complaint, with both answers and the automatic close', async () => {
    api.addComplaint(resolved());
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    const section = screen.getByRole('heading', { level: 2, name: QUESTION }).closest('section')!;
    expect(section.textContent).toContain(
      'Jika tidak dijawab, pengaduan ini ditutup otomatis 10 hari setelah dinyatakan selesai.',
    );
    expect(within(section).getByRole('button', { name: 'Ya, sudah selesai' }).getAttribute('aria-expanded')).toBe('false');
    expect(within(section).getByRole('button', { name: 'Belum selesai' })).toBeTruthy();
    // Nothing to fill in until an answer is chosen.
    expect(within(section).queryByRole('radio')).toBeNull();
  });

  it('are not shown to the public, even on a resolved complaint', async () => {
    api.addComplaint(resolved());
    await open(`/lacak/${CODE}`);
    expect(screen.getByText('Selesai ditangani', { selector: '.status-badge' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: QUESTION })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ya, sudah selesai' })).toBeNull();
  });

  it('are not shown to the reporter while the complaint is still being handled', async () => {
    api.addComplaint(complaintFixture({ status: 'in_progress' }));
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    await screen.findByRole('heading', { name: 'Data pelapor' });
    expect(screen.queryByRole('heading', { name: QUESTION })).toBeNull();
  });
});

describe('"Ya, sudah selesai"', () => {
  beforeEach(() => api.addComplaint(resolved()));

  it('asks for a 1–5 rating as labelled radios, then closes the complaint with it and the comment', async () => {
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    const yes = screen.getByRole('button', { name: 'Ya, sudah selesai' });
    fireEvent.click(yes);
    expect(yes.getAttribute('aria-expanded')).toBe('true');

    const group = screen.getByRole('group', { name: 'Penilaian Anda atas penanganannya' });
    const stars = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(stars.map((radio) => radio.labels![0]!.textContent!.replace(/[★☆]/g, '').trim())).toEqual([
      '1 bintang: Sangat buruk',
      '2 bintang: Buruk',
      '3 bintang: Cukup',
      '4 bintang: Baik',
      '5 bintang: Sangat baik',
    ]);
    // One group of native radios: arrow keys move between them, Tab leaves it.
    expect(new Set(stars.map((radio) => radio.name)).size).toBe(1);
    await waitFor(() => expect(document.activeElement).toBe(stars[0]));

    // No rating yet: it says so and sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Kirim dan tutup pengaduan' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Pilih penilaian dari 1 sampai 5 bintang dulu.');
    expect(posts()).toEqual([]);

    fireEvent.click(screen.getByRole('radio', { name: '4 bintang: Baik' }));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.input(screen.getByLabelText('Komentar (boleh dikosongkan)'), {
      target: { value: '  Air sudah lancar, terima kasih.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim dan tutup pengaduan' }));

    expect(await screen.findByText('Terima kasih. Pengaduan sudah ditutup dan penilaian Anda tersimpan.')).toBeTruthy();
    const [post] = posts();
    expect(post!.path).toBe(`/api/complaints/${CODE}/confirm`);
    expect(post!.headers.get('X-Tracking-Token')).toBe(TOKEN);
    expect(post!.body).toEqual({ version: 5, rating: 4, comment: 'Air sudah lancar, terima kasih.' });

    expect(badge()).toBe('Ditutup');
    expect(screen.queryByRole('heading', { name: QUESTION })).toBeNull();
    expect(screen.getByText('Penilaian Anda: 4 dari 5')).toBeTruthy();
    expect(screen.getByText('Pengaduan ini sudah ditutup, jadi tidak dapat ditanggapi lagi.')).toBeTruthy();
    const last = steps().at(-1)!;
    expect(last.textContent).toContain('Pelapor mengonfirmasi selesai');
    expect(last.textContent).toContain('Status berubah dari Selesai ditangani menjadi Ditutup.');
    expect(last.textContent).toContain('Air sudah lancar, terima kasih.');
    // The keyboard is not left on a control that is gone.
    expect(document.activeElement!.textContent).toBe('Terima kasih. Pengaduan sudah ditutup dan penilaian Anda tersimpan.');
  });

  it('sends no comment as null', async () => {
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    fireEvent.click(screen.getByRole('button', { name: 'Ya, sudah selesai' }));
    fireEvent.click(screen.getByRole('radio', { name: '5 bintang: Sangat baik' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim dan tutup pengaduan' }));
    expect(await screen.findByText('Penilaian Anda: 5 dari 5')).toBeTruthy();
    expect(posts()[0]!.body).toEqual({ version: 5, rating: 5, comment: null });
  });
});

describe('"Belum selesai"', () => {
  beforeEach(() => api.addComplaint(resolved()));

  it('needs a reason, sends it and shows the complaint back in progress', async () => {
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    fireEvent.click(screen.getByRole('button', { name: 'Belum selesai' }));
    const reason = screen.getByLabelText('Apa yang belum selesai?') as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.click(screen.getByRole('button', { name: 'Buka kembali pengaduan' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tuliskan apa yang belum selesai, paling sedikit 5 karakter.',
    );
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(reason, { target: { value: ' mati ' } }); // four characters once trimmed
    fireEvent.click(screen.getByRole('button', { name: 'Buka kembali pengaduan' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(posts()).toEqual([]);

    fireEvent.input(reason, { target: { value: 'Air masih mati sejak kemarin sore.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buka kembali pengaduan' }));

    expect(
      await screen.findByText('Terima kasih. Pengaduan dibuka kembali dan dikembalikan ke instansi.'),
    ).toBeTruthy();
    const [post] = posts();
    expect(post!.path).toBe(`/api/complaints/${CODE}/reopen`);
    expect(post!.headers.get('X-Tracking-Token')).toBe(TOKEN);
    expect(post!.body).toEqual({ version: 5, reason: 'Air masih mati sejak kemarin sore.' });

    expect(badge()).toBe('Sedang ditangani');
    expect(screen.queryByRole('heading', { name: QUESTION })).toBeNull();
    const last = steps().at(-1)!;
    expect(last.textContent).toContain('Dibuka kembali');
    expect(last.textContent).toContain('Air masih mati sejak kemarin sore.');
    // The reporter can still add a comment to a complaint in progress.
    expect(screen.getByLabelText('Tanggapan Anda')).toBeTruthy();
  });
});

describe('a complaint that changed meanwhile', () => {
  beforeEach(() => api.addComplaint(resolved()));

  it('is reloaded after a 409 and the page says so', async () => {
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    // Ten days passed: the system closed it while the page stood open.
    api.changeComplaint(CODE, (view) => {
      view.status = 'closed';
      view.version = 6;
      view.events.push({ id: 20, type: 'closed', at: '2026-11-21T03:00:00.000Z', actor: 'system', agency: null, fromStatus: 'resolved', toStatus: 'closed', body: null });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ya, sudah selesai' }));
    fireEvent.click(screen.getByRole('radio', { name: '3 bintang: Cukup' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim dan tutup pengaduan' }));

    expect(
      await screen.findByText('Pengaduan ini baru saja berubah, jadi halaman dimuat ulang. Periksa keadaan terbarunya.'),
    ).toBeTruthy();
    expect(badge()).toBe('Ditutup');
    expect(screen.queryByRole('heading', { name: QUESTION })).toBeNull();
    expect(steps().at(-1)!.textContent).toContain('Pengaduan ditutup');
    expect(screen.queryByText(/Penilaian Anda:/)).toBeNull(); // closed by the system, not rated
    const reloads = api.requests.filter((r) => r.path === `/api/complaints/${CODE}` && r.method === 'GET');
    expect(reloads.at(-1)!.headers.get('X-Tracking-Token')).toBe(TOKEN);
  });

  it('keeps the answer when it is still resolved, and sends it again with the new version', async () => {
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    api.changeComplaint(CODE, (view) => {
      view.version = 7;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Belum selesai' }));
    const reason = screen.getByLabelText('Apa yang belum selesai?') as HTMLTextAreaElement;
    fireEvent.input(reason, { target: { value: 'Air masih keruh.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buka kembali pengaduan' }));

    expect(await screen.findByText(/Pengaduan ini baru saja berubah/)).toBeTruthy();
    expect(reason.value).toBe('Air masih keruh.');
    fireEvent.click(screen.getByRole('button', { name: 'Buka kembali pengaduan' }));
    expect(await screen.findByText('Terima kasih. Pengaduan dibuka kembali dan dikembalikan ke instansi.')).toBeTruthy();
    expect(posts().map((r) => (r.body as { version: number }).version)).toEqual([5, 7]);
    expect(badge()).toBe('Sedang ditangani');
  });
});

describe('a closed complaint the reporter confirmed', () => {
  const confirmed: TimelineEvent = {
    id: 10,
    type: 'confirmed',
    at: '2026-11-12T01:00:00.000Z',
    actor: 'citizen',
    agency: null,
    fromStatus: 'resolved',
    toStatus: 'closed',
    body: 'Sudah beres.',
    details: { rating: 4 },
  };
  beforeEach(() => api.addComplaint(resolved({ status: 'closed', events: [...resolved().events, confirmed] })));

  it('shows the reporter their rating', async () => {
    await open(`/lacak/${CODE}#t=${TOKEN}`);
    expect(screen.getByText('Penilaian Anda: 4 dari 5')).toBeTruthy();
    expect(steps().at(-1)!.textContent).toContain('Sudah beres.');
  });

  it('does not show it to the public', async () => {
    await open(`/lacak/${CODE}`);
    expect(badge()).toBe('Ditutup');
    expect(screen.queryByText(/Penilaian Anda/)).toBeNull();
  });
});
