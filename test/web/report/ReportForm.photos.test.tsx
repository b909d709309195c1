// Photos: turned away when they are no images, shrunk (the canvas part is mocked: jsdom has
// none; Chromium checks it end to end), uploaded with progress, retried, removed.
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_STORAGE } from '../../../web/src/report/draft';
import { FakeXhr, installFakeXhr, installReportApi } from './fake-report-api';
import { fillRequired, renderReport, submitButton } from './form-helpers';
import { resetPage } from '../page-helpers';

const thumb = 'data:image/jpeg;base64,/9j/THUMB';

vi.mock('../../../web/src/report/photo', async (original) => ({
  ...(await original<typeof import('../../../web/src/report/photo')>()),
  shrinkPhoto: vi.fn(async (file: File) => {
    if (file.name.startsWith('rusak')) throw new Error('cannot decode');
    return { blob: new Blob(['jpeg'], { type: 'image/jpeg' }), width: 1600, height: 1200, thumb };
  }),
}));

let api: ReturnType<typeof installReportApi>;

beforeEach(() => {
  api = installReportApi();
  installFakeXhr();
});

afterEach(() => resetPage());

const photo = (name: string, type = 'image/jpeg') => new File(['raw bytes'], name, { type });
const pick = (label: RegExp, ...files: File[]) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
const xhr = async (n: number) => {
  await waitFor(() => expect(FakeXhr.all.length).toBeGreaterThan(n));
  return FakeXhr.all[n]!;
};
const uploaded = (id: string) => ({ id, contentType: 'image/jpeg', width: 1600, height: 1200, size: 4 });

describe('photos', () => {
  it('offers the camera and the gallery, for images only', () => {
    renderReport();
    const camera = screen.getByLabelText(/Ambil foto/) as HTMLInputElement;
    const gallery = screen.getByLabelText(/Pilih dari galeri/) as HTMLInputElement;
    expect([camera.type, camera.accept, camera.getAttribute('capture'), camera.multiple]).toEqual([
      'file',
      'image/*',
      'environment',
      true,
    ]);
    expect([gallery.accept, gallery.hasAttribute('capture'), gallery.multiple]).toEqual(['image/*', false, true]);
  });

  it('turns away a file that is not an image before any upload', async () => {
    renderReport();
    pick(/Pilih dari galeri/, photo('surat.pdf', 'application/pdf'));
    expect(
      screen.getByText('“surat.pdf” bukan foto. Pilih file gambar (JPG, PNG, atau WebP).').closest('[role="alert"]'),
    ).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(FakeXhr.all).toHaveLength(0);
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('uploads with the device key and a progress bar, retries a failure, then sends the id', async () => {
    renderReport();
    await fillRequired();
    pick(/Pilih dari galeri/, photo('jalan.jpg'));

    const first = await xhr(0);
    expect([first.method, first.url]).toEqual(['POST', '/api/uploads']);
    expect(first.headers['content-type']).toBe('image/jpeg');
    expect(first.headers['x-client-key']).toBe(localStorage.getItem('ntbcare.clientKey'));
    expect(first.body).toBeInstanceOf(Blob);
    expect((screen.getByRole('img', { name: 'Pratinjau Foto 1' }) as HTMLImageElement).src).toBe(thumb);

    first.progress(45, 100);
    const bar = screen.getByRole('progressbar', { name: 'Foto 1: mengunggah 45%' }) as HTMLProgressElement;
    expect(bar.value).toBe(45);

    fireEvent.click(submitButton()); // early: the form waits for the photo
    expect(screen.getByText('Menunggu foto selesai diunggah, lalu pengaduan langsung dikirim…').getAttribute('role')).toBe(
      'status',
    );
    expect(api.sent).toHaveLength(0);

    first.fail(); // so it is not sent after all, and the form says why
    expect(
      await screen.findByText('Foto 1: Tidak dapat terhubung ke server. Periksa koneksi internet Anda.'),
    ).toBeTruthy();
    expect(screen.getByText('Foto 1 gagal diunggah.').getAttribute('role')).toBe('status');
    expect(await screen.findByRole('link', { name: /Ada foto yang gagal diunggah/ })).toBeTruthy();
    expect(submitButton().textContent).toBe('Kirim pengaduan');
    expect(api.sent).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi Foto 1' }));
    const second = await xhr(1);
    expect(second.body).toBe(first.body); // the same shrunk photo, not decoded again
    second.respond(201, uploaded('up_123'));
    expect(await screen.findByText('Foto 1 terunggah.')).toBeTruthy();
    expect(screen.getByText('Foto 1 selesai diunggah.')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem(DRAFT_STORAGE)!).photos).toEqual([
      { id: 'up_123', thumb, width: 1600, height: 1200, uploadedAt: expect.any(Number) },
    ]);

    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.body.photoIds).toEqual(['up_123']);
  });

  it('says why the server refused a photo', async () => {
    renderReport();
    pick(/Ambil foto/, photo('besar.jpg'));
    (await xhr(0)).respond(413, { error: { code: 'payload_too_large', message: 'Too large' } });
    expect(await screen.findByText('Foto 1: Foto ini terlalu besar untuk dikirim.')).toBeTruthy();
  });

  it('says when a photo cannot be read, and lets it be removed', async () => {
    renderReport();
    pick(/Pilih dari galeri/, photo('rusak.jpg'));
    expect(await screen.findByText('Foto 1: Foto ini tidak dapat dibaca. Hapus, lalu coba foto lain.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Coba lagi Foto 1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Foto 1' }));
    expect(screen.queryByText(/Foto 1:/)).toBeNull();
    expect(screen.getByText('Foto 1 dihapus.')).toBeTruthy();
    expect(FakeXhr.all).toHaveLength(0);
  });

  it('takes at most five photos; a removed one is neither uploaded further nor sent', async () => {
    renderReport();
    await fillRequired();
    pick(/Pilih dari galeri/, ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => photo(`${n}.jpg`)));
    expect(screen.getByText('Paling banyak 5 foto: 2 foto tidak ditambahkan.')).toBeTruthy();
    expect(screen.getByText('Sudah 5 foto, jumlah paling banyak.')).toBeTruthy();
    expect(screen.queryByLabelText(/Pilih dari galeri/)).toBeNull();

    await xhr(4);
    fireEvent.click(submitButton()); // sent by itself once the photos are up
    FakeXhr.all.forEach((x, i) => i !== 1 && x.respond(201, uploaded(`up_${i}`)));
    await waitFor(() => expect(screen.getAllByText(/^Foto \d terunggah\.$/)).toHaveLength(4));
    expect(api.sent).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Foto 2' }));
    expect(FakeXhr.all[1]!.aborted).toBe(true);

    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]!.body.photoIds).toEqual(['up_0', 'up_2', 'up_3', 'up_4']);
  });

  it('marks the photo the API answers 422 for (an upload it no longer holds), in words', async () => {
    renderReport();
    await fillRequired();
    pick(/Pilih dari galeri/, photo('a.jpg'), photo('b.jpg'));
    await xhr(1);
    FakeXhr.all.forEach((x, i) => x.respond(201, uploaded(`up_${i}`)));
    await waitFor(() => expect(screen.getAllByText(/^Foto \d terunggah\.$/)).toHaveLength(2));
    // The Worker's answer, as `POST /api/complaints` gives it (checkReferences).
    api.answerNext({
      status: 422,
      body: {
        error: {
          code: 'unprocessable',
          message: 'Unknown photo',
          details: [{ path: 'photoIds.1', message: 'Unknown photo' }],
          requestId: 'r1',
        },
      },
    });
    fireEvent.click(submitButton());
    const refused = 'Foto ini tidak dapat dipakai lagi. Hapus, lalu tambahkan lagi.';
    expect(await screen.findByText(`Foto 2: ${refused}`)).toBeTruthy();
    expect(screen.getByText('Foto 1 terunggah.')).toBeTruthy();
    expect(screen.queryByText(/Pengaduan ditolak server/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Hapus Foto 2' }));
    fireEvent.click(submitButton());
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    expect(api.sent[1]!.body.photoIds).toEqual(['up_0']);
  });

  it('marks the photos the server would not claim, and uploads them again on retry', async () => {
    renderReport();
    await fillRequired();
    pick(/Pilih dari galeri/, photo('a.jpg'), photo('b.jpg'), photo('c.jpg'));
    await xhr(2);
    FakeXhr.all.forEach((x, i) => x.respond(201, uploaded(`up_${i}`)));
    await waitFor(() => expect(screen.getAllByText(/^Foto \d terunggah\.$/)).toHaveLength(3));
    api.answerNext({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Bad',
          details: [
            { path: 'photoIds.0', message: 'Unknown upload' },
            { path: 'photoIds.1', message: 'Unknown upload' },
          ],
        },
      },
    });
    fireEvent.click(submitButton());
    const refused = 'Foto ini tidak dapat dipakai lagi. Hapus, lalu tambahkan lagi.';
    expect(await screen.findByText(`Foto 1: ${refused}`)).toBeTruthy();
    expect(screen.getByText(`Foto 2: ${refused}`)).toBeTruthy();
    expect(screen.getByText('Foto 3 terunggah.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi Foto 1' })); // the bytes are still here
    (await xhr(3)).respond(201, uploaded('up_new'));
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Foto 2' }));
    await waitFor(() => expect(screen.getAllByText(/^Foto \d terunggah\.$/)).toHaveLength(2));
    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(2));
    expect(api.sent[1]!.body.photoIds).toEqual(['up_new', 'up_2']);
  });
});
