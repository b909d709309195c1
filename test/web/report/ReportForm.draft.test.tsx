// Nothing typed is lost to a dropped connection or a reload: the draft is kept on the device.
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_STORAGE, UPLOAD_REUSE_MS } from '../../../web/src/report/draft';
import { installReportApi } from './fake-report-api';
import { field, fillRequired, renderReport, submitButton, type } from './form-helpers';
import { enabled } from '../select-helpers';
import { resetPage } from '../page-helpers';

let api: ReturnType<typeof installReportApi>;

beforeEach(() => {
  api = installReportApi();
});

afterEach(() => resetPage());

const thumb = 'data:image/jpeg;base64,/9j/AA==';

describe('the draft', () => {
  it('survives a reload: fields, place, choices and the idempotency key', async () => {
    const first = renderReport();
    await fillRequired();
    type(/^Alamat atau patokan/, 'Dekat masjid');
    type(/^Email/, 'budi@contoh.id');
    fireEvent.click(screen.getByRole('checkbox', { name: /^Rahasia/ }));
    const key = JSON.parse(localStorage.getItem(DRAFT_STORAGE)!).idempotencyKey;
    first.unmount();

    renderReport();
    expect(screen.getByText('Isian yang belum terkirim sudah dipulihkan dari perangkat ini.')).toBeTruthy();
    expect(field(/^Judul pengaduan/).value).toBe('Air PDAM mati tiga hari');
    expect(field(/^Uraian masalah/).value).toBe('Sejak Senin air tidak mengalir di Dusun Dasan.');
    expect(field(/^Alamat atau patokan/).value).toBe('Dekat masjid');
    expect(field(/^Email/).value).toBe('budi@contoh.id');
    expect((screen.getByRole('checkbox', { name: /^Rahasia/ }) as HTMLInputElement).checked).toBe(true);
    expect(((await screen.findByRole('radio', { name: 'Air bersih' })) as HTMLInputElement).checked).toBe(true);
    const village = screen.getByLabelText('Desa/Kelurahan') as HTMLSelectElement;
    await enabled(village);
    expect(village.value).toBe('52.01.01.2001');

    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.headers.get('Idempotency-Key')).toBe(key);
    expect(api.sent[0]!.body).toMatchObject({ confidential: true, villageCode: '52.01.01.2001' });
  });

  it('restores uploaded photos with their thumbnails and sends their ids', async () => {
    const now = Date.now();
    localStorage.setItem(
      DRAFT_STORAGE,
      JSON.stringify({
        idempotencyKey: '11111111-2222-4333-8444-555555555555',
        title: 'Jalan berlubang',
        photos: [
          { id: 'up_fresh', thumb, width: 1600, height: 1200, uploadedAt: now - 60_000 },
          { id: 'up_old', thumb, width: 1600, height: 1200, uploadedAt: now - UPLOAD_REUSE_MS - 1 },
        ],
      }),
    );
    renderReport();
    expect(screen.getByText(/1 foto yang diunggah lebih dari sehari yang lalu/)).toBeTruthy();
    const img = screen.getByRole('img', { name: 'Pratinjau Foto 1' }) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe(thumb);
    expect(screen.getByText('Foto 1 terunggah.')).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Pratinjau Foto 2' })).toBeNull();

    type(/^Judul pengaduan/, 'Air PDAM mati tiga hari');
    await fillRequired();
    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.body.photoIds).toEqual(['up_fresh']);
    expect(api.sent[0]!.headers.get('Idempotency-Key')).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('stores nothing for an untouched form, and is cleared after success', async () => {
    renderReport();
    await screen.findByRole('radio', { name: 'Air bersih' });
    expect(localStorage.getItem(DRAFT_STORAGE)).toBeNull();
    await fillRequired();
    expect(localStorage.getItem(DRAFT_STORAGE)).not.toBeNull();
    fireEvent.click(submitButton());
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    expect(localStorage.getItem(DRAFT_STORAGE)).toBeNull();
  });

  it('can be thrown away to start over', async () => {
    const first = renderReport();
    type(/^Judul pengaduan/, 'Jalan rusak parah');
    first.unmount();
    vi.stubGlobal('confirm', vi.fn(() => true));
    renderReport();
    expect(field(/^Judul pengaduan/).value).toBe('Jalan rusak parah');
    fireEvent.click(screen.getByRole('button', { name: 'Mulai dari awal' }));
    expect(field(/^Judul pengaduan/).value).toBe('');
    expect(localStorage.getItem(DRAFT_STORAGE)).toBeNull();
  });
});
