// What the form says before anything is sent: what is missing, what is too long, what is wrong.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, field, fillRequired, renderReport, submitButton, type } from './form-helpers';
import { installReportApi } from './fake-report-api';
import { resetPage } from '../page-helpers';

let api: ReturnType<typeof installReportApi>;

beforeEach(() => {
  api = installReportApi();
});

afterEach(() => resetPage());

describe('complaint form validation', () => {
  it('labels every control and says nothing is wrong before a first try', async () => {
    renderReport();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Buat pengaduan');
    expect(document.title).toBe('Buat pengaduan · NTB Care');
    await screen.findByRole('radio', { name: 'Air bersih' });
    for (const label of [/^Judul pengaduan/, /^Uraian masalah/, /^Alamat atau patokan/, /^Nama/, /^Nomor HP/, /^Email/]) {
      expect(field(label).getAttribute('aria-invalid')).toBeNull();
    }
    expect(screen.getByRole('group', { name: 'Kategori' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Pilihan privasi' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Anonim: sembunyikan nama saya' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /^Rahasia/ })).toBeTruthy();
    expect(screen.queryByText(/Pengaduan belum bisa dikirim/)).toBeNull();
  });

  it('lists what is missing when sent empty, marks the fields and links to them', async () => {
    renderReport();
    await screen.findByRole('radio', { name: 'Air bersih' });
    fireEvent.click(submitButton());

    const summary = screen.getByRole('alert', { name: /Pengaduan belum bisa dikirim/ });
    const items = within(summary).getAllByRole('link').map((a) => a.textContent);
    expect(items).toEqual([
      'Pilih kategori pengaduan.',
      'Tulis judul pengaduan.',
      'Tulis uraian masalahnya.',
      'Pilih kabupaten/kota.',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary));

    const title = field(/^Judul pengaduan/);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(title)).toBe('Tulis judul pengaduan.');
    expect(errorOf(field(/^Uraian masalah/))).toBe('Tulis uraian masalahnya.');
    const regency = screen.getByLabelText('Kabupaten/Kota');
    expect(regency.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(regency)).toBe('Pilih kabupaten/kota.');
    expect(screen.getByRole('radio', { name: 'Air bersih' }).getAttribute('aria-invalid')).toBe('true');
    expect(field(/^Email/).getAttribute('aria-invalid')).toBeNull(); // optional and empty is fine

    fireEvent.click(within(summary).getByRole('link', { name: 'Tulis judul pengaduan.' }));
    expect(document.activeElement).toBe(title);
    expect(window.location.pathname).toBe('/lapor');
    expect(api.sent).toHaveLength(0);
  });

  it('updates the list as the user fixes things, and clears it when all is well', async () => {
    renderReport();
    await screen.findByRole('radio', { name: 'Air bersih' });
    fireEvent.click(submitButton());
    type(/^Judul pengaduan/, 'Air');
    expect(errorOf(field(/^Judul pengaduan/))).toBe('Judul terlalu pendek: minimal 5 karakter.');
    await fillRequired();
    expect(screen.queryByRole('alert', { name: /Pengaduan belum bisa dikirim/ })).toBeNull();
    expect(field(/^Judul pengaduan/).getAttribute('aria-invalid')).toBeNull();
  });

  it('counts the description as it is typed and shows the counter in error when too long', async () => {
    renderReport();
    const description = field(/^Uraian masalah/);
    const counter = () => document.getElementById('report-description-count')!;
    expect(description.getAttribute('aria-describedby')).toContain('report-description-count');
    expect(counter().textContent).toBe('0 dari 4.000 karakter');

    type(/^Uraian masalah/, 'Air mati sejak Senin.');
    expect(counter().textContent).toBe('21 dari 4.000 karakter');
    expect(counter().classList.contains('over')).toBe(false);

    type(/^Uraian masalah/, 'x'.repeat(4005));
    expect(counter().textContent).toBe('Kelebihan 5 karakter (maksimal 4.000)');
    expect(counter().classList.contains('over')).toBe(true);
    expect(description.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(submitButton());
    expect(errorOf(description)).toBe('Uraian terlalu panjang: maksimal 4.000 karakter, kelebihan 5.');
    expect(api.sent).toHaveLength(0);
  });

  it('refuses an invalid email and a phone number without enough digits', async () => {
    renderReport();
    await fillRequired();
    type(/^Email/, 'budi@contoh');
    type(/^Nomor HP/, '0812');
    fireEvent.click(submitButton());
    expect(errorOf(field(/^Email/))).toBe('Alamat email tidak valid, contoh: nama@contoh.id.');
    expect(field(/^Email/).getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(field(/^Nomor HP/))).toMatch(/^Nomor HP tidak valid/);
    expect(api.sent).toHaveLength(0);

    type(/^Email/, 'budi@contoh.id');
    type(/^Nomor HP/, '0812 3456 7890');
    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(1));
  });

  it('speaks English when English was chosen', async () => {
    localStorage.setItem('ntbcare.lang', 'en');
    renderReport();
    expect(await screen.findByRole('heading', { level: 1, name: 'File a complaint' })).toBeTruthy();
    expect(await screen.findByRole('radio', { name: 'Clean water' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send complaint' }));
    expect(screen.getByRole('link', { name: 'Write a title for the complaint.' })).toBeTruthy();
    expect(document.getElementById('report-description-count')!.textContent).toBe('0 of 4,000 characters');
  });
});
