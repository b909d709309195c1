// Sending: once, with the device key and one idempotency key per draft; the server's
// answers (created, refused field by field, rate limited, unreachable) as the user sees them.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CODE, installReportApi, TOKEN } from './fake-report-api';
import { errorOf, field, fillRequired, renderReport, submitButton, type } from './form-helpers';
import { resetPage } from '../page-helpers';

let api: ReturnType<typeof installReportApi>;

beforeEach(() => {
  api = installReportApi();
});

afterEach(() => resetPage());

const header = (n: number, name: string) => api.sent[n]!.headers.get(name);

describe('sending a complaint', () => {
  it('sends what was filled in, with the device key and an idempotency key', async () => {
    renderReport();
    await fillRequired();
    type(/^Alamat atau patokan/, ' Dekat masjid ');
    type(/^Nama/, 'Budi');
    type(/^Nomor HP/, '0812 3456 7890');
    type(/^Email/, 'budi@contoh.id');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Anonim: sembunyikan nama saya' }));
    fireEvent.click(submitButton());

    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.body).toEqual({
      title: 'Air PDAM mati tiga hari',
      description: 'Sejak Senin air tidak mengalir di Dusun Dasan.',
      category: 'air-bersih',
      regencyCode: '52.01',
      districtCode: '52.01.01',
      villageCode: '52.01.01.2001',
      address: 'Dekat masjid',
      photoIds: [],
      reporter: { name: 'Budi', phone: '0812 3456 7890', email: 'budi@contoh.id' },
      anonymous: true,
      confidential: false,
    });
    expect(header(0, 'X-Client-Key')).toBe(localStorage.getItem('ntbcare.clientKey'));
    expect(header(0, 'Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(header(0, 'Content-Type')).toBe('application/json');
  });

  it('shows the code big and the private link with the token in the fragment, and remembers it', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { clipboard: { writeText }, share: vi.fn(async () => {}) }));
    renderReport();
    await fillRequired();
    fireEvent.click(submitButton());

    const heading = await screen.findByRole('heading', { level: 1, name: 'Pengaduan Anda sudah terkirim' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(CODE).classList.contains('complaint-code')).toBe(true);
    const link = screen.getByLabelText('Tautan pelacakan') as HTMLInputElement;
    const url = new URL(link.value);
    expect(url.origin).toBe(window.location.origin);
    expect(url.pathname).toBe(`/lacak/${CODE}`);
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#t=${TOKEN}`);
    expect(screen.getByText(/Hanya lewat tautan ini Anda bisa mengikuti pengaduan/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka halaman pelacakan' }).getAttribute('href')).toBe(
      `/lacak/${CODE}#t=${TOKEN}`,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Salin tautan' }));
    await screen.findByText('Tautan sudah disalin.');
    expect(writeText).toHaveBeenCalledWith(link.value);
    fireEvent.click(screen.getByRole('button', { name: 'Bagikan' }));
    expect(navigator.share).toHaveBeenCalledWith(expect.objectContaining({ url: link.value }));

    const mine = JSON.parse(localStorage.getItem('ntbcare.myComplaints')!);
    expect(mine).toEqual([
      { code: CODE, token: TOKEN, title: 'Air PDAM mati tiga hari', submittedAt: expect.any(String) },
    ]);
    expect(localStorage.getItem('ntbcare.reportDraft')).toBeNull();
  });

  it('offers no share button where the browser cannot share', async () => {
    renderReport();
    await fillRequired();
    fireEvent.click(submitButton());
    await screen.findByRole('button', { name: 'Salin tautan' });
    expect(screen.queryByRole('button', { name: 'Bagikan' })).toBeNull();
  });

  it('opens the tracking page from the success view and starts afresh for another', async () => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    renderReport();
    await fillRequired();
    fireEvent.click(submitButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Buat pengaduan lain' }));
    expect(field(/^Judul pengaduan/).value).toBe('');
    expect(screen.queryByText(/sudah dipulihkan/)).toBeNull();

    await fillRequired();
    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(2));
    expect(header(1, 'Idempotency-Key')).not.toBe(header(0, 'Idempotency-Key')); // a new complaint
    fireEvent.click(await screen.findByRole('link', { name: 'Buka halaman pelacakan' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/lacak/${CODE}`));
    expect(window.location.hash).toBe(`#t=${TOKEN}`);
  });

  it('sends once however often the button is pressed, and says it is sending', async () => {
    renderReport();
    await fillRequired();
    const release = api.hold();
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    fireEvent.submit(submitButton().closest('form')!);
    expect(submitButton().textContent).toBe('Mengirim…');
    expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Mengirim pengaduan, mohon tunggu…').getAttribute('role')).toBe('status');
    release();
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    expect(api.sent).toHaveLength(1);
  });

  it('keeps the same idempotency key when a send that got no answer is retried', async () => {
    renderReport();
    await fillRequired();
    api.answerNext('network');
    fireEvent.click(submitButton());

    const alert = await screen.findByText(/Pengaduan belum terkirim karena tidak ada koneksi/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(field(/^Judul pengaduan/).value).toBe('Air PDAM mati tiga hari');
    const saved = JSON.parse(localStorage.getItem('ntbcare.reportDraft')!);
    expect(saved.idempotencyKey).toBe(header(0, 'Idempotency-Key'));

    api.answerNext({ status: 503, body: { error: { code: 'internal', message: 'D1 is down' } } });
    fireEvent.click(submitButton());
    await screen.findByText(/gangguan di server/);

    fireEvent.click(submitButton());
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    expect(api.sent).toHaveLength(3);
    expect(new Set(api.sent.map((s) => s.headers.get('Idempotency-Key'))).size).toBe(1);
  });

  it('shows the server’s 400 details next to their fields', async () => {
    renderReport();
    await fillRequired();
    type(/^Email/, 'budi@contoh.id');
    api.answerNext({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          details: [
            { path: 'reporter.email', message: 'Domain does not accept mail' },
            { path: 'villageCode', message: 'Not a village of this district' },
            { path: 'priority', message: 'Unknown field' },
          ],
        },
      },
    });
    fireEvent.click(submitButton());

    const summary = await screen.findByRole('alert', { name: /Pengaduan belum bisa dikirim/ });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Wilayah ditolak server: Not a village of this district',
      'Email ditolak server: Domain does not accept mail',
      'Ditolak server: priority: Unknown field',
    ]);
    const email = field(/^Email/);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(email)).toBe('Email ditolak server: Domain does not accept mail');
    const village = screen.getByLabelText('Desa/Kelurahan');
    expect(village.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(village)).toBe('Wilayah ditolak server: Not a village of this district');

    type(/^Email/, 'budi@contoh.com'); // editing a field takes its server error away
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(within(summary).queryByText(/Email ditolak/)).toBeNull();

    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(2));
    // Nothing was filed the first time, so the corrected complaint is a new request.
    expect(header(1, 'Idempotency-Key')).not.toBe(header(0, 'Idempotency-Key'));
  });

  // The Worker's answer when what the form names no longer checks out (checkReferences):
  // a category retired while the form was open, a place chain that does not hold.
  const unprocessable = {
    status: 422,
    body: {
      error: {
        code: 'unprocessable',
        message: 'Unknown category; No such village in this district',
        details: [
          { path: 'category', message: 'Unknown category' },
          { path: 'villageCode', message: 'No such village in this district' },
        ],
        requestId: 'r1',
      },
    },
  };

  it('says a 422’s refusals in Indonesian, next to their fields', async () => {
    renderReport();
    await fillRequired();
    api.answerNext(unprocessable);
    fireEvent.click(submitButton());

    const summary = await screen.findByRole('alert', { name: /Pengaduan belum bisa dikirim/ });
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Kategori ini tidak tersedia lagi: pilih kategori lain.',
      'Wilayah yang dipilih tidak dikenali: pilih lagi kabupaten/kota, kecamatan, dan desa/kelurahan.',
    ]);
    expect(errorOf(screen.getByLabelText('Desa/Kelurahan'))).toBe(
      'Wilayah yang dipilih tidak dikenali: pilih lagi kabupaten/kota, kecamatan, dan desa/kelurahan.',
    );
    expect(summary.textContent).not.toMatch(/Unknown category|No such village/);
  });

  it('says how long to wait when sending is rate limited', async () => {
    renderReport();
    await fillRequired();
    api.answerNext({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Too many complaints' } },
      headers: { 'Retry-After': '120' },
    });
    fireEvent.click(submitButton());
    expect(
      await screen.findByText(
        'Terlalu banyak pengaduan dari perangkat ini dalam waktu singkat. Coba kirim lagi dalam 2 menit.',
      ),
    ).toBeTruthy();
    expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
  });
});
