import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../web/src/App';
import { useAppPage } from '../page-helpers';
import { installStatsApi, statsFixture } from './fake-stats-api';

let api: ReturnType<typeof installStatsApi>;

useAppPage();

beforeEach(() => {
  // 04:00 WITA on 29 November 2026: "today" in NTB, though still the 28th in UTC.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T20:00:00Z'));
  api = installStatsApi();
});

afterEach(() => vi.useRealTimers());

async function openStats(search = '') {
  window.history.replaceState(null, '', `/statistik${search}`);
  render(() => <App />);
  // The page is a lazy chunk: its first import in a busy run can take more than a second.
  await screen.findByRole('heading', { level: 1, name: 'Statistik pengaduan' }, { timeout: 5000 });
}

const figures = async () => (await screen.findByText('Pengaduan masuk')).closest('section')!;
const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('statistics page', () => {
  it('shows the total and the count at every status', async () => {
    await openStats();
    const section = await figures();
    expect(section.querySelector('.stats-total strong')!.textContent).toBe('1.234');
    const count = (status: string) => within(section).getByText(status, { selector: 'dt' }).nextElementSibling!.textContent;
    expect(count('Diterima')).toBe('34');
    expect(count('Sedang ditangani')).toBe('300');
    expect(count('Selesai ditangani')).toBe('500');
    expect(count('Duplikat')).toBe('0'); // absent from the answer
    expect(document.title).toBe('Statistik pengaduan · NTB Care');
  });

  it('draws the weekly line over every week, quiet ones as zero, with the numbers in a table', async () => {
    await openStats();
    await figures();
    const chart = document.querySelector('[data-chart="weekly"]')!;
    const line = chart.querySelector('path.stats-weekly-line')!;
    const d = line.getAttribute('d')!;
    expect(d).toMatch(/^M0\.0 \S+( L\S+ \S+){12}$/); // 13 weeks, 31 Aug to 23 Nov
    expect(d).toContain('L100.0 160.0'); // 14 Sep, no complaints: the bottom
    expect(d.endsWith('L600.0 0.0')).toBe(true); // the busiest week: the top
    const table = screen.getByRole('table', { name: 'Pengaduan per minggu' });
    const rows = rowTexts(table);
    expect(rows).toHaveLength(13);
    expect(rows[0]).toEqual(['31 Agu 2026', '100']);
    expect(rows[2]).toEqual(['14 Sep 2026', '0']);
    expect(rows[12]).toEqual(['23 Nov 2026', '904']);
    expect(screen.getByText('Paling banyak 904 pada minggu 23 Nov 2026.')).toBeTruthy();
  });

  it('draws two bars per agency and says their numbers in words', async () => {
    await openStats();
    await figures();
    const bars = document.querySelector('[data-chart="agencies"]')!;
    const items = within(bars as HTMLElement).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.stats-bar-name')!.textContent)).toEqual(['PDAM GM', 'Dinas PUPR', 'RSUD Provinsi NTB']);
    expect(items[0]!.textContent).toContain('900 diterima; 67% dijawab tepat waktu');
    expect(items[2]!.textContent).toContain('4 diterima; – dijawab tepat waktu');
    const widths = (li: Element) => [...li.querySelectorAll('rect[data-bar]')].map((r) => r.getAttribute('width'));
    expect(widths(items[0]!)).toEqual(['100.0%', '66.7%']);
    expect(widths(items[1]!)).toEqual(['33.3%', '99.5%']);
    expect(widths(items[2]!)).toEqual(['0.4%']); // no share, no second bar
  });

  it('writes the agency table with rounded percentages and hours, and sorts by a column', async () => {
    await openStats();
    await figures();
    const table = screen.getByRole('table', { name: 'Instansi' });
    expect(rowTexts(table)).toEqual([
      ['PDAM GM', '900', '67%', '2,5', '38', '13%', '4,3 (12)', '7'],
      ['Dinas PUPR', '300', '100%', '10', '0,0', '100%', '3,0 (1)', '0'],
      ['RSUD Provinsi NTB', '4', '–', '–', '–', '–', '–', '1'],
    ]);

    fireEvent.click(within(table).getByRole('button', { name: 'Median jam sampai jawaban pertama' }));
    expect(rowTexts(table).map((r) => r[0])).toEqual(['Dinas PUPR', 'PDAM GM', 'RSUD Provinsi NTB']);
    expect(within(table).getByRole('columnheader', { name: /jawaban pertama/ }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(table).getByRole('button', { name: 'Median jam sampai jawaban pertama' }));
    // Missing figures stay last, whichever the direction.
    expect(rowTexts(table).map((r) => r[0])).toEqual(['PDAM GM', 'Dinas PUPR', 'RSUD Provinsi NTB']);
  });

  it('counts by regency and by category with their share of the total', async () => {
    await openStats();
    await figures();
    expect(rowTexts(screen.getByRole('table', { name: 'Kabupaten/Kota' }))).toEqual([
      ['Kota Mataram', '1.000', '81%'],
      ['Kabupaten Lombok Barat', '234', '19%'],
    ]);
    expect(rowTexts(screen.getByRole('table', { name: 'Kategori' }))).toEqual([
      ['Air bersih', '800', '65%'],
      ['Disiplin ASN', '434', '35%'],
    ]);
  });

  it('says so when the period has no complaints', async () => {
    api.answerWith({ ...statsFixture, total: 0, byStatus: {}, byCategory: [], byRegency: [], weekly: [], agencies: [] });
    await openStats();
    expect((await screen.findByText(/Tidak ada pengaduan/)).textContent).toBe(
      'Tidak ada pengaduan pada 1 Sep 2026 – 29 Nov 2026.',
    );
    expect(document.querySelector('[data-chart]')).toBeNull();
  });

  it('says what failed and loads again on retry', async () => {
    api.failNext('network');
    await openStats();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Statistik gagal dimuat. Tidak dapat terhubung ke server. Periksa koneksi internet Anda.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    await figures();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.statsPaths()).toHaveLength(2);
  });

  it('names a period the server refuses', async () => {
    api.failNext('invalid');
    await openStats('?from=2020-01-01&to=2026-11-29');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Statistik gagal dimuat. Periode ini tidak bisa ditampilkan (paling lama tiga tahun).',
    );
  });
});

describe('statistics period', () => {
  it('asks for the last 90 days by default, and for 30 days once chosen, in the address too', async () => {
    await openStats();
    await waitFor(() => expect(api.statsPaths()).toEqual(['/api/stats?from=2026-09-01&to=2026-11-29']));
    const pressed = () =>
      within(screen.getByRole('group', { name: 'Periode' })).getAllByRole('button', { pressed: true }).map((b) => b.textContent);
    expect(pressed()).toEqual(['90 hari terakhir']);

    fireEvent.click(screen.getByRole('button', { name: '30 hari terakhir' }));
    await waitFor(() => expect(api.statsPaths().at(-1)).toBe('/api/stats?from=2026-10-31&to=2026-11-29'));
    expect(window.location.search).toBe('?days=30');
    expect(pressed()).toEqual(['30 hari terakhir']);
    expect(screen.getByText('31 Okt 2026 – 29 Nov 2026')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '90 hari terakhir' }));
    await waitFor(() => expect(api.statsPaths().at(-1)).toBe('/api/stats?from=2026-09-01&to=2026-11-29'));
    expect(window.location.search).toBe('');
  });

  it('reads the period from the address', async () => {
    await openStats('?days=365');
    await waitFor(() => expect(api.statsPaths()).toEqual(['/api/stats?from=2025-11-30&to=2026-11-29']));
  });

  it('reads a reversed period in the address as the default one, not as one too long', async () => {
    await openStats('?from=2026-12-01&to=2026-01-01');
    await waitFor(() => expect(api.statsPaths()).toEqual(['/api/stats?from=2026-09-01&to=2026-11-29']));
    expect(await figures()).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads a day the calendar lacks in the address as the default period (the API refuses it)', async () => {
    await openStats('?from=2026-02-01&to=2026-02-31');
    await waitFor(() => expect(api.statsPaths()).toEqual(['/api/stats?from=2026-09-01&to=2026-11-29']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes dates of its own, and refuses a reversed range without asking the server', async () => {
    await openStats();
    await figures();
    fireEvent.click(screen.getByRole('button', { name: 'Tanggal lain' }));
    const from = screen.getByLabelText('Dari') as HTMLInputElement;
    const to = screen.getByLabelText('Sampai') as HTMLInputElement;
    expect([from.value, to.value]).toEqual(['2026-09-01', '2026-11-29']);

    fireEvent.input(from, { target: { value: '2026-11-01' } });
    fireEvent.input(to, { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    expect(screen.getByRole('alert').textContent).toBe('Isi kedua tanggal; "dari" tidak boleh sesudah "sampai".');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(api.statsPaths()).toHaveLength(1);

    fireEvent.input(to, { target: { value: '2026-11-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await waitFor(() => expect(api.statsPaths().at(-1)).toBe('/api/stats?from=2026-11-01&to=2026-11-15'));
    expect(new URLSearchParams(window.location.search).toString()).toBe('from=2026-11-01&to=2026-11-15');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Tanggal lain' }).getAttribute('aria-pressed')).toBe('true');
  });
});
