// Deciding at the desk: what each action sends, what the moderator sees afterwards, and what
// happens when someone else decided first.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetStaffSession } from '../../../web/src/staff/session';
import { choose, enabled } from '../select-helpers';
import { expectFocusOn, openDesk, press, queueCodes, queueEntry, selectedCode, statusLine } from './desk-helpers';
import { installStaffApi, itemFixture, moderator } from './fake-staff-api';

let api: ReturnType<typeof installStaffApi>;

beforeEach(() => {
  api = installStaffApi();
  api.state.user = moderator;
  api.state.queue = [
    itemFixture(1, 30, { title: 'Pipa PDAM bocor di Gerung' }),
    itemFixture(2, 3, {
      duplicateCandidates: [
        {
          code: 'NTB-00000009',
          title: 'Air mati di Dasan Geres',
          status: 'forwarded',
          submittedAt: '2026-11-09T23:15:00.000Z',
          distanceM: null,
          sameVillage: true,
          similarity: 0.7,
        },
      ],
    }),
    itemFixture(3, 1),
  ];
});

afterEach(() => {
  cleanup();
  resetStaffSession();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const actionsSent = () => api.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/complaints/'));

describe('forwarding', () => {
  it('sends the agency, priority and note with the version seen, then moves on to the next', async () => {
    await openDesk();
    fireEvent.input(await screen.findByLabelText('Cari instansi'), { target: { value: 'pupr' } });
    const agency = screen.getByLabelText('Instansi tujuan') as HTMLSelectElement;
    expect(within(agency).getAllByRole('option').map((o) => o.textContent)).toEqual(['Dinas PUPR Provinsi NTB']);
    expect(agency.value).toBe('dinas-pupr-ntb');
    fireEvent.click(screen.getByLabelText('Mendesak (1 jam)'));
    fireEvent.input(screen.getByLabelText(/Catatan untuk instansi/), { target: { value: 'Mohon cek pipa utama.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke Dinas PUPR Provinsi NTB' }));

    await waitFor(() => expect(statusLine()).toBe('NTB-00000001 diteruskan ke Dinas PUPR Provinsi NTB.'));
    expect(actionsSent()).toEqual([
      {
        path: '/api/complaints/NTB-00000001/forward',
        method: 'POST',
        body: { version: 1, agency: 'dinas-pupr-ntb', priority: 'urgent', note: 'Mohon cek pipa utama.' },
      },
    ]);
    expect(queueCodes()).toEqual(['NTB-00000002', 'NTB-00000003']);
    expect(selectedCode()).toBe('NTB-00000002');
    expectFocusOn('NTB-00000002');
    expect(screen.getByText('2 pengaduan menunggu keputusan, yang terlama di atas.')).toBeTruthy();
    // The next one starts afresh, with its own suggestion.
    expect((screen.getByLabelText('Instansi tujuan') as HTMLSelectElement).value).toBe('pdam-giri-menang');
  });

  it('sends the suggestion and the category’s priority as they are, with no note', async () => {
    await openDesk();
    fireEvent.click(await screen.findByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    await waitFor(() => expect(actionsSent()).toHaveLength(1));
    expect(actionsSent()[0]!.body).toEqual({ version: 1, agency: 'pdam-giri-menang', priority: 'important', note: null });
  });

  it('moves to the previous one when the last is decided, and says so when none is left', async () => {
    api.state.queue = [itemFixture(1, 5), itemFixture(2, 4)];
    await openDesk();
    fireEvent.click(queueEntry('NTB-00000002'));
    fireEvent.click(await screen.findByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    await waitFor(() => expect(queueCodes()).toEqual(['NTB-00000001']));
    expectFocusOn('NTB-00000001');
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    const empty = await screen.findByText('Tidak ada pengaduan yang menunggu.');
    expect(document.activeElement).toBe(empty);
    expect(statusLine()).toBe('NTB-00000001 diteruskan ke PDAM Giri Menang.');
  });

  it('says when saving failed for another reason, and keeps the complaint', async () => {
    await openDesk();
    api.failNext('/api/complaints/NTB-00000001/forward', 500);
    fireEvent.click(await screen.findByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    expect(await screen.findByText('Gagal menyimpan. Terjadi gangguan di server.')).toBeTruthy();
    expect(queueCodes()).toHaveLength(3);
  });
});

describe('rejecting', () => {
  it('requires a reason, and a message for "Lainnya"', async () => {
    await openDesk();
    fireEvent.click(screen.getByRole('button', { name: 'Tolak' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tolak NTB-00000001' }));
    expect(screen.getByText('Pilih alasan penolakan.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Bukan soal layanan publik'));

    fireEvent.click(screen.getByLabelText('Lainnya'));
    fireEvent.click(screen.getByRole('button', { name: 'Tolak NTB-00000001' }));
    expect(screen.getByText('Tulis pesan untuk alasan ini.')).toBeTruthy();
    expect(actionsSent()).toEqual([]);
  });

  it('sends the reason and the message the reporter will read', async () => {
    await openDesk();
    fireEvent.click(screen.getByRole('button', { name: 'Tolak' }));
    expect(screen.getByRole('button', { name: 'Tolak' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByLabelText('Keterangan kurang lengkap'));
    fireEvent.input(screen.getByLabelText('Pesan untuk pelapor, ditampilkan bersama alasannya'), { target: { value: 'Mohon sebutkan dusunnya.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tolak NTB-00000001' }));
    await waitFor(() => expect(statusLine()).toBe('NTB-00000001 ditolak.'));
    expect(actionsSent()[0]).toEqual({
      path: '/api/complaints/NTB-00000001/reject',
      method: 'POST',
      body: { version: 1, reason: 'incomplete', message: 'Mohon sebutkan dusunnya.' },
    });
    expect(queueCodes()).toEqual(['NTB-00000002', 'NTB-00000003']);
  });
});

describe('marking a duplicate', () => {
  it('offers the candidates found, or any code typed in', async () => {
    await openDesk();
    fireEvent.click(queueEntry('NTB-00000002'));
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat' }));
    expect((screen.getByLabelText('NTB-00000009: Air mati di Dasan Geres') as HTMLInputElement).checked).toBe(true);

    fireEvent.input(screen.getByRole('textbox', { name: 'Kode lain' }), { target: { value: 'ntb-00000002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat dari NTB-00000002' }));
    expect(screen.getByText('Itu kode pengaduan ini sendiri.')).toBeTruthy();

    fireEvent.input(screen.getByRole('textbox', { name: 'Kode lain' }), { target: { value: 'NTB-0000ABCD' } });
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat dari NTB-0000ABCD' }));
    expect(await screen.findByText('Server menolak isian yang ditandai.')).toBeTruthy();
    expect(screen.getByText('Tidak ada pengaduan dengan kode NTB-0000ABCD. Periksa kembali kodenya.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Kode lain' }).getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByLabelText('NTB-00000009: Air mati di Dasan Geres'));
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat dari NTB-00000009' }));
    await waitFor(() => expect(statusLine()).toBe('NTB-00000002 ditandai duplikat dari NTB-00000009.'));
    expect(actionsSent().map((r) => r.body)).toEqual([
      { version: 1, of: 'NTB-0000ABCD' },
      { version: 1, of: 'NTB-00000009' },
    ]);
    expect(actionsSent()[1]!.path).toBe('/api/complaints/NTB-00000002/duplicate');
  });

  it('says when the original is itself closed as a duplicate, instead of "no such code"', async () => {
    await openDesk();
    fireEvent.click(queueEntry('NTB-00000001'));
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Kode lain' }), { target: { value: 'NTB-00000002' } });
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat dari NTB-00000002' }));
    await waitFor(() => expect(statusLine()).toBe('NTB-00000001 ditandai duplikat dari NTB-00000002.'));

    // The other way round would close both: nobody would handle the problem.
    fireEvent.click(queueEntry('NTB-00000002'));
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Kode lain' }), { target: { value: 'NTB-00000001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Duplikat dari NTB-00000001' }));
    expect(await screen.findByText('NTB-00000001 tidak lagi ditangani (Duplikat). Pilih pengaduan yang masih ditangani.')).toBeTruthy();
    expect(screen.queryByText(/Tidak ada pengaduan dengan kode/)).toBeNull();
    expect(queueCodes()).toContain('NTB-00000002');
  });
});

describe('correcting', () => {
  it('sends only what changed and keeps the complaint in the queue, corrected', async () => {
    await openDesk();
    fireEvent.click(screen.getByRole('button', { name: 'Koreksi' }));
    await enabled(screen.getByLabelText('Desa/Kelurahan') as HTMLSelectElement);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan koreksi' }));
    expect(screen.getByText('Belum ada yang diubah.')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Judul pengaduan'), { target: { value: 'Pipa PDAM bocor di Dasan Geres' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan koreksi' }));
    await waitFor(() => expect(statusLine()).toBe('Koreksi NTB-00000001 disimpan.'));
    expect(actionsSent()[0]).toEqual({
      path: '/api/complaints/NTB-00000001/correct',
      method: 'POST',
      body: { version: 1, title: 'Pipa PDAM bocor di Dasan Geres' },
    });
    expect(queueCodes()).toEqual(['NTB-00000001', 'NTB-00000002', 'NTB-00000003']);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Pipa PDAM bocor di Dasan Geres');

    // The next action names the new version.
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    await waitFor(() => expect(actionsSent()).toHaveLength(2));
    expect(actionsSent()[1]!.body).toMatchObject({ version: 2 });
  });

  it('opens forwarding on the agency suggested for the corrected category, not the old one', async () => {
    await openDesk();
    expect(screen.getByRole('button', { name: 'Teruskan ke PDAM Giri Menang' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Koreksi' }));
    await enabled(screen.getByLabelText('Desa/Kelurahan') as HTMLSelectElement);
    choose(screen.getByLabelText('Kategori') as HTMLSelectElement, 'disiplin-asn');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan koreksi' }));
    await waitFor(() => expect(statusLine()).toBe('Koreksi NTB-00000001 disimpan.'));
    expect(actionsSent()[0]!.body).toEqual({ version: 1, category: 'disiplin-asn' });
    expect(await screen.findByRole('button', { name: 'Teruskan ke RSUD Provinsi NTB' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Teruskan ke PDAM Giri Menang' })).toBeNull();
  });

  it('sends the whole place when the village changes, and asks for a village first', async () => {
    await openDesk();
    fireEvent.click(screen.getByRole('button', { name: 'Koreksi' }));
    const village = screen.getByLabelText('Desa/Kelurahan') as HTMLSelectElement;
    await enabled(village);
    choose(screen.getByLabelText('Kecamatan') as HTMLSelectElement, '52.01.02');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan koreksi' }));
    expect(screen.getByText('Pilih desa/kelurahan.')).toBeTruthy();

    choose(screen.getByLabelText('Kecamatan') as HTMLSelectElement, '52.01.01');
    await enabled(village);
    choose(village, '52.01.01.2002');
    choose(screen.getByLabelText('Kategori') as HTMLSelectElement, 'disiplin-asn');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan koreksi' }));
    await waitFor(() => expect(actionsSent()).toHaveLength(1));
    expect(actionsSent()[0]!.body).toEqual({
      version: 1,
      category: 'disiplin-asn',
      regencyCode: '52.01',
      districtCode: '52.01.01',
      villageCode: '52.01.01.2002',
    });
  });
});

describe('when someone else decided first', () => {
  it('shows the changed complaint afresh and never sends the stale decision again by itself', async () => {
    await openDesk();
    api.changeElsewhere('NTB-00000001', { title: 'Pipa PDAM bocor, judul dibetulkan' });
    fireEvent.click(await screen.findByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));

    const alert = await screen.findByText(/baru saja diubah orang lain/);
    expect(alert.textContent).toBe('Pengaduan ini baru saja diubah orang lain. Periksa lagi sebelum memutuskan.');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(api.sent('/api/moderation/queue')).toHaveLength(2); // fetched again
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Pipa PDAM bocor, judul dibetulkan');
    expect(actionsSent()).toHaveLength(1);
    expect(statusLine()).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke PDAM Giri Menang' }));
    await waitFor(() => expect(statusLine()).toBe('NTB-00000001 diteruskan ke PDAM Giri Menang.'));
    expect(actionsSent().map((r) => (r.body as { version: number }).version)).toEqual([1, 2]);
  });

  it('says what became of a complaint someone else already decided, and moves on', async () => {
    await openDesk();
    api.changeElsewhere('NTB-00000001', { forwardTo: 'rsud-provinsi-ntb' });
    fireEvent.click(screen.getByRole('button', { name: 'Tolak' }));
    fireEvent.click(screen.getByLabelText('Spam'));
    fireEvent.click(screen.getByRole('button', { name: 'Tolak NTB-00000001' }));

    const alert = await screen.findByText(/baru saja diubah orang lain/);
    expect(alert.textContent).toBe(
      'NTB-00000001 baru saja diubah orang lain, statusnya kini Diteruskan ke instansi (RSUD Provinsi NTB).',
    );
    expect(queueCodes()).toEqual(['NTB-00000002', 'NTB-00000003']);
    expect(selectedCode()).toBe('NTB-00000002');
    expectFocusOn('NTB-00000002');
  });
});

describe('the keyboard', () => {
  it('moves with j/k and the arrows, opens actions with their keys, and Esc returns to the queue', async () => {
    await openDesk();
    queueEntry('NTB-00000001').focus();
    press('j');
    expect(selectedCode()).toBe('NTB-00000002');
    expectFocusOn('NTB-00000002');
    press('ArrowDown');
    expectFocusOn('NTB-00000003');
    press('k');
    press('ArrowUp');
    expectFocusOn('NTB-00000001');
    expect(queueEntry('NTB-00000001').getAttribute('tabindex')).toBe('0');
    expect(queueEntry('NTB-00000002').getAttribute('tabindex')).toBe('-1');

    press('r');
    expect(document.activeElement).toBe(screen.getByLabelText('Bukan soal layanan publik'));
    press('j'); // typing in a form is not a shortcut
    expect(selectedCode()).toBe('NTB-00000001');
    press('Escape');
    expectFocusOn('NTB-00000001');

    press('f');
    expect(document.activeElement).toBe(screen.getByLabelText('Cari instansi'));
    press('Escape');
    press('d');
    expect(screen.getByRole('button', { name: 'Duplikat' }).getAttribute('aria-pressed')).toBe('true');
    press('Escape');
    press('e');
    expect(document.activeElement).toBe(screen.getByLabelText('Judul pengaduan'));
  });

  it('documents its keys on the page', async () => {
    await openDesk();
    const help = screen.getByText('Pintasan papan ketik').closest('details')!;
    expect(help.textContent).toContain('pengaduan berikutnya, sebelumnya');
    expect(help.textContent).toContain('Teruskan, Tolak, Duplikat, Koreksi');
    expect(help.textContent).toContain('kembali ke antrean');
    expect(screen.getByRole('button', { name: 'Tolak' }).getAttribute('aria-keyshortcuts')).toBe('r');
  });
});
