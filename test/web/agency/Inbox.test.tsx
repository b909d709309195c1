// The agency inbox as its staff see it: what waits, how late, what arrives live, and what
// each action sends and leaves on screen.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../web/src/App';
import { resetStaffSession } from '../../../web/src/staff/session';
import { expectFiledVia, fact } from '../staff/desk-helpers';
import { moderator } from '../staff/fake-staff-api';
import { code, FakeWebSocket, inboxItem, installAgencyApi } from './fake-agency-api';

const slow = { timeout: 5000 };
let api: ReturnType<typeof installAgencyApi>;

beforeEach(() => {
  api = installAgencyApi();
  api.state.items = [
    inboxItem(1, 30, { title: 'Air PDAM mati tiga hari' }), // 24 h target: 6 hours overdue
    inboxItem(2, 2, { title: 'Pipa bocor di Gerung', priority: 'important' }),
    inboxItem(3, 5, { title: 'Meteran rusak', status: 'in_progress', isNew: false }),
  ];
});

afterEach(() => {
  cleanup();
  resetStaffSession();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
});

async function openInbox() {
  window.history.replaceState(null, '', '/instansi');
  render(() => <App />);
  const list = await screen.findByRole('list', { name: 'Pengaduan' }, slow);
  return list;
}

const entry = (n: number) => document.getElementById(`inbox-${code(n)}`)!;
const liveState = () => document.querySelector('.live-state')!.textContent;
const filterButton = (name: RegExp) => within(screen.getByRole('group', { name: 'Status' })).getByRole('button', { name });

async function goLive() {
  await waitFor(() => expect(FakeWebSocket.instances.length).toBeGreaterThan(0));
  FakeWebSocket.last.ready();
  await waitFor(() => expect(liveState()).toBe('Langsung'));
}

async function selectEntry(n: number) {
  fireEvent.click(entry(n));
  return screen.findByRole('article', {}, slow);
}

/** Tones played, by whichever fake audio the page made first (it keeps its one context). */
const tones: number[] = [];

/** Sound and notifications allowed; records the tones played and the notifications shown. */
function installAlerts() {
  tones.length = 0;
  class FakeAudio {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = async () => undefined;
    createGain = () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (d: unknown) => d });
    createOscillator = () => {
      const oscillator = { frequency: { value: 0 }, connect: (g: any) => g, start: () => tones.push(oscillator.frequency.value), stop() {} };
      return oscillator;
    };
  }
  const shown: { title: string; body?: string }[] = [];
  const notifications: FakeNotification[] = [];
  class FakeNotification {
    static permission = 'granted';
    static requestPermission = vi.fn();
    onclick: (() => void) | null = null;
    close = vi.fn();
    constructor(title: string, options: { body?: string }) {
      shown.push({ title, body: options.body });
      notifications.push(this);
    }
  }
  vi.stubGlobal('AudioContext', FakeAudio);
  vi.stubGlobal('Notification', FakeNotification);
  return { tones, shown, notifications, FakeNotification };
}

/** The socket drops; resolves once the inbox is live again on a new one (after the backoff). */
async function reconnect() {
  const sockets = FakeWebSocket.instances.length;
  FakeWebSocket.last.drop();
  await waitFor(() => expect(liveState()).toBe('Menyambung ulang…'));
  await waitFor(() => expect(FakeWebSocket.instances.length).toBe(sockets + 1), { timeout: 3000 });
  FakeWebSocket.last.ready();
  await waitFor(() => expect(liveState()).toBe('Langsung'));
}

describe('the agency inbox', () => {
  it('lists the complaints with counts, new ones marked, due times and the overdue mark', async () => {
    await openInbox();
    expect(document.title).toBe('Kotak masuk · NTB Care');
    expect(entry(1).textContent).toContain('Air PDAM mati tiga hari');
    expect(within(entry(1)).getByText('Baru')).toBeTruthy();
    expect(within(entry(3)).queryByText('Baru')).toBeNull();
    expect(entry(1).textContent).toContain('lewat 6 jam');
    expect(entry(1).querySelector('.tag-overdue')).not.toBeNull();
    expect(entry(2).textContent).toContain('sisa 21 jam');
    expect(entry(2).querySelector('.tag-overdue')).toBeNull();
    expect(entry(2).textContent).toContain('Batas ');
    expect(filterButton(/^Semua/).textContent).toBe('Semua 3');
    expect(filterButton(/^Diteruskan/).textContent).toBe('Diteruskan ke instansi 2');
    expect(filterButton(/^Sedang ditangani/).textContent).toBe('Sedang ditangani 1');
    expect(screen.getByRole('link', { name: 'Kotak masuk' }).getAttribute('href')).toBe('/instansi');
    const csv = screen.getByRole('link', { name: 'Unduh CSV' });
    expect(csv.getAttribute('href')).toBe('/api/export/complaints.csv');
    expect(csv.hasAttribute('download')).toBe(true);

    fireEvent.click(filterButton(/^Sedang ditangani/));
    await waitFor(() => expect(entry(1)).toBeNull());
    expect(entry(3)).not.toBeNull();
    expect(csv.getAttribute('href')).toBe('/api/export/complaints.csv?status=in_progress');
    expect(api.sent('/api/inbox?').map((r) => r.path)).toContain('/api/inbox?status=in_progress&limit=50');
  });

  it('connects to its agency’s topic and shows whether it is live', async () => {
    vi.stubGlobal('Notification', { permission: 'default', requestPermission: vi.fn() });
    await openInbox();
    expect(liveState()).toBe('Menghubungkan…');
    await goLive();
    expect(FakeWebSocket.last.url).toBe(`ws://${location.host}/api/live?topic=agency:7`);
    // Asked for nothing on load: notifications only from the button.
    expect(screen.getByRole('button', { name: 'Aktifkan suara dan notifikasi' })).toBeTruthy();
  });

  it('shows a complaint forwarded live at once, with a beep and a notification', async () => {
    const { tones, shown, FakeNotification } = installAlerts();
    await openInbox();
    await goLive();
    expect(screen.getByText('Notifikasi aktif')).toBeTruthy();

    const message = api.forward(inboxItem(9, 0.5, { title: 'Banjir di Kediri', priority: 'urgent' }));
    FakeWebSocket.last.receive(message);
    await waitFor(() => expect(entry(9)).not.toBeNull());
    expect(entry(9).textContent).toContain('Banjir di Kediri');
    expect(within(entry(9)).getByText('Baru')).toBeTruthy();
    expect(entry(9).textContent).toContain('sisa 30 menit');
    expect(filterButton(/^Semua/).textContent).toBe('Semua 4');
    await waitFor(() => expect(tones).toEqual([880, 660]));
    expect(shown).toEqual([{ title: 'Pengaduan baru', body: `${code(9)}: Banjir di Kediri` }]);
    expect(screen.getByText(`Pengaduan baru: ${code(9)}`)).toBeTruthy();
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
  });

  it('asks for notifications only when the button is pressed', async () => {
    const requestPermission = vi.fn(async () => 'granted');
    vi.stubGlobal('Notification', { permission: 'default', requestPermission });
    await openInbox();
    expect(requestPermission).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan suara dan notifikasi' }));
    expect(await screen.findByText('Notifikasi aktif')).toBeTruthy();
    expect(requestPermission).toHaveBeenCalledTimes(1);
  });

  it('after a reconnect catches up from the last event id and drops a duplicate live message', async () => {
    await openInbox();
    await goLive();
    // Subscribed after the list loaded: the gap between the two is read too.
    expect(api.sent('/api/inbox/events').map((r) => r.path)).toEqual(['/api/inbox/events?since=40']);
    FakeWebSocket.last.receive(api.changeElsewhere(code(3), 'response', 'in_progress')); // event 41
    await waitFor(() => expect(api.sent('/api/inbox?')).toHaveLength(2));
    FakeWebSocket.last.drop();
    await waitFor(() => expect(liveState()).toBe('Menyambung ulang…'));

    // While the socket was down a complaint was forwarded here.
    const missed = api.forward(inboxItem(8, 0, { title: 'Lampu jalan mati' }));
    await waitFor(() => expect(FakeWebSocket.instances.length).toBe(2), { timeout: 3000 });
    FakeWebSocket.last.ready();
    await waitFor(() => expect(entry(8)).not.toBeNull());
    await waitFor(() => expect(liveState()).toBe('Langsung'));
    // Again from 40, where the last catch-up read up to: 41 came live, but a live message is
    // no cursor (an older one may still be late); 41 comes again and is not shown twice.
    expect(api.sent('/api/inbox/events').map((r) => r.path)).toEqual([
      '/api/inbox/events?since=40',
      '/api/inbox/events?since=40',
    ]);

    // The object re-sends the event the catch-up already covered: nothing is fetched again.
    const listLoads = api.sent('/api/inbox?').length;
    FakeWebSocket.last.receive(missed);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.sent('/api/inbox?').length).toBe(listLoads);
    expect(screen.getAllByText('Lampu jalan mati')).toHaveLength(1);

    // A newer one does apply.
    FakeWebSocket.last.receive(api.changeElsewhere(code(2), 'acknowledged', 'in_progress'));
    await waitFor(() => expect(api.sent('/api/inbox?').length).toBe(listLoads + 1));
    await waitFor(() => expect(entry(2).textContent).toContain('Sedang ditangani'));
  });

  it('lets a complaint forwarded on to another agency leave quietly, live and after a reconnect', async () => {
    const { tones, shown } = installAlerts();
    await openInbox();
    await goLive();
    FakeWebSocket.last.receive(api.forwardAway(code(1)));
    await waitFor(() => expect(entry(1)).toBeNull());
    await reconnect(); // the catch-up reads the same forward again
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tones).toEqual([]);
    expect(shown).toEqual([]);
    expect(screen.queryByText(`Pengaduan baru: ${code(1)}`)).toBeNull();
  });

  it('announces each arrival once: one late past a reconnect, none again that came live', async () => {
    const { tones, shown } = installAlerts();
    await openInbox();
    await goLive();
    api.forward(inboxItem(8, 0, { title: 'Lampu jalan mati' })); // event 41: its message is late
    FakeWebSocket.last.receive(api.forward(inboxItem(9, 0, { title: 'Banjir di Kediri' }))); // 42, live
    await waitFor(() => expect(shown).toHaveLength(1));
    await reconnect(); // 41's message went to the socket that is gone

    // The catch-up reads 41 and 42 again: only 41 is news.
    await waitFor(() => expect(shown).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown.map((n) => n.body)).toEqual([`${code(9)}: Banjir di Kediri`, `${code(8)}: Lampu jalan mati`]);
    expect(tones).toEqual([880, 660, 880, 660]);
    expect(screen.getByText(`Pengaduan baru: ${code(8)}`)).toBeTruthy();
    expect(entry(8)).not.toBeNull();

    await reconnect(); // and once more: nothing new, nothing told
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown).toHaveLength(2);
    expect(api.sent('/api/inbox/events').map((r) => r.path)).toEqual([
      '/api/inbox/events?since=40',
      '/api/inbox/events?since=40',
      '/api/inbox/events?since=42',
    ]);
  });

  it('shows a complaint’s details with internal notes, and marks it being handled', async () => {
    api.state.timelines.set(code(1), [
      { id: 3, type: 'forwarded', at: '2026-11-10T01:00:00.000Z', actor: 'moderator', agency: null, fromStatus: 'submitted', toStatus: 'forwarded', body: null },
      { id: 4, type: 'note', at: '2026-11-10T01:00:01.000Z', actor: 'moderator', agency: null, fromStatus: 'forwarded', toStatus: 'forwarded', body: 'Pelapor minta dihubungi sore.' },
    ]);
    await openInbox();
    const article = await selectEntry(1);
    expect(within(article).getByRole('heading', { level: 2 }).textContent).toBe('Air PDAM mati tiga hari');
    expect(article.textContent).toContain('Uraian pengaduan nomor 1. Sudah tiga hari.');
    expect(article.textContent).toContain('Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat');
    expect(article.textContent).toContain('Baiq Nurul · 081234567890');
    const note = screen.getByText('Pelapor minta dihubungi sore.').closest('li')!;
    expect(note.textContent).toContain('Internal');
    expect(note.textContent).toContain('Catatan internal');

    fireEvent.click(within(article).getByRole('button', { name: 'Tandai sedang ditangani', pressed: true }));
    fireEvent.click(within(article).getAllByRole('button', { name: 'Tandai sedang ditangani' }).at(-1)!);
    expect(await screen.findByText(`${code(1)} ditandai sedang ditangani.`)).toBeTruthy();
    expect(api.sent(`/api/complaints/${code(1)}/acknowledge`, 'POST').map((r) => r.body)).toEqual([{ version: 2 }]);
    await waitFor(() => expect(within(entry(1)).queryByText('Baru')).toBeNull());
    expect(entry(1).textContent).toContain('Sedang ditangani');
    expect(within(article).getByRole('heading', { level: 2 })).toBeTruthy();
    expect(article.textContent).toContain('Diterima oleh instansi');
  });

  it('says why the reporter is not shown: anonymous, or withheld for confidentiality', async () => {
    api.state.items[0] = { ...api.state.items[0]!, confidential: true };
    api.state.items[1] = { ...api.state.items[1]!, anonymous: true };
    await openInbox();
    const confidential = await selectEntry(1);
    expect(confidential.textContent).toContain('Dirahasiakan: pelapor meminta identitasnya hanya dilihat moderator Diskominfotik.');
    expect(confidential.textContent).not.toContain('Baiq Nurul');
    const anonymous = await selectEntry(2);
    expect(within(anonymous).getByText('Anonim')).toBeTruthy();
    expect(anonymous.textContent).not.toContain('Dirahasiakan');
  });

  it.each([
    ['Jawab pelapor', 'Jawaban untuk pelapor (publik)', 'respond', 'body', 'Petugas datang besok pagi.', 'Jawaban untuk NTB-00000001 terkirim.', 'Sedang ditangani'],
    ['Catatan internal', 'Catatan untuk instansi dan moderator', 'note', 'body', 'Cek jaringan pipa induk.', 'Catatan untuk NTB-00000001 disimpan.', 'Diteruskan ke instansi'],
    ['Selesaikan', 'Catatan penyelesaian (publik)', 'resolve', 'body', 'Pipa sudah diganti.', 'NTB-00000001 dinyatakan selesai.', 'Selesai ditangani'],
  ])('%s sends the text with the version and updates the item', async (button, label, kind, field, text, done, status) => {
    await openInbox();
    const article = await selectEntry(1);
    fireEvent.click(within(article).getByRole('button', { name: button }));
    const box = within(article).getByLabelText(label);
    fireEvent.input(box, { target: { value: `  ${text} ` } });
    fireEvent.click(within(article).getByRole('button', { name: 'Kirim' }));
    expect(await screen.findByText(done)).toBeTruthy();
    expect(api.sent(`/api/complaints/${code(1)}/${kind}`, 'POST').map((r) => r.body)).toEqual([{ version: 2, [field]: text }]);
    await waitFor(() => expect(entry(1).querySelector('.status-badge')!.textContent).toContain(status));
    expect(article.textContent).toContain(text);
  });

  it('shows which app filed a complaint through Open311, and its media link as a plain link', async () => {
    const url = 'https://media.example.org/foto/meteran.jpg';
    api.state.filedVia.set(code(2), { apiKey: 'Jembatan LAPOR!', mediaUrl: url });
    await openInbox();
    expect(fact(await selectEntry(1), 'Dikirim lewat Open311 oleh')).toBeNull();
    fireEvent.click(entry(2));
    await waitFor(() => expectFiledVia(screen.getByRole('article'), 'Jembatan LAPOR!', url));
  });

  it('returns a complaint with a reason of at least 5 characters', async () => {
    await openInbox();
    const article = await selectEntry(2);
    fireEvent.click(within(article).getByRole('button', { name: 'Bukan wewenang kami' }));
    const reason = within(article).getByLabelText('Alasan, untuk moderator');
    fireEvent.input(reason, { target: { value: 'PU' } });
    fireEvent.click(within(article).getByRole('button', { name: 'Kirim' }));
    expect(await within(article).findByText('Minimal 5 karakter.')).toBeTruthy();
    expect(api.sent(`/api/complaints/${code(2)}/return`)).toEqual([]);

    fireEvent.input(reason, { target: { value: 'Jalan milik Dinas PUPR.' } });
    fireEvent.click(within(article).getByRole('button', { name: 'Kirim' }));
    expect(await screen.findByText(`${code(2)} dikembalikan ke moderator.`)).toBeTruthy();
    expect(api.sent(`/api/complaints/${code(2)}/return`, 'POST').map((r) => r.body)).toEqual([
      { version: 2, reason: 'Jalan milik Dinas PUPR.' },
    ]);
    await waitFor(() => expect(entry(2)).toBeNull()); // back with the moderators
    expect(within(article).queryByRole('button', { name: 'Kirim' })).toBeNull(); // no longer ours to act on
  });

  it('on a conflict shows the new state, says someone else changed it and keeps the text', async () => {
    await openInbox();
    const article = await selectEntry(1);
    api.changeElsewhere(code(1), 'resolved', 'resolved'); // a colleague, no live message yet
    fireEvent.click(within(article).getByRole('button', { name: 'Jawab pelapor' }));
    fireEvent.input(within(article).getByLabelText('Jawaban untuk pelapor (publik)'), { target: { value: 'Segera kami tangani.' } });
    fireEvent.click(within(article).getByRole('button', { name: 'Kirim' }));
    const alert = await within(article).findByText(
      'Pengaduan ini baru saja diubah orang lain. Periksa lagi sebelum memutuskan.',
    );
    expect(alert.getAttribute('role')).toBe('alert');
    expect(article.querySelector('.item-tags .status-badge')!.textContent).toContain('Selesai ditangani');
    expect(article.textContent).toContain('Dikerjakan rekan.');
    expect(api.sent(`/api/complaints/${code(1)}/respond`, 'POST').map((r) => r.body)).toEqual([
      { version: 2, body: 'Segera kami tangani.' },
    ]);
    // Resolved allows only a note now; what was typed for the answer is not lost.
    expect(within(article).queryByRole('button', { name: 'Jawab pelapor' })).toBeNull();
    await waitFor(() => expect(entry(1).textContent).toContain('Selesai ditangani'));
  });

  it('follows the selected complaint when a colleague changes it live', async () => {
    await openInbox();
    await goLive();
    const article = await selectEntry(2);
    FakeWebSocket.last.receive(api.changeElsewhere(code(2), 'acknowledged', 'in_progress'));
    expect(
      await within(article).findByText('Pengaduan ini baru saja diubah orang lain. Periksa lagi sebelum memutuskan.'),
    ).toBeTruthy();
    expect(article.querySelector('.item-tags .status-badge')!.textContent).toContain('Sedang ditangani');
  });

  it('tells a moderator the page is for agency staff, and opens no socket', async () => {
    api.state.user = moderator;
    window.history.replaceState(null, '', '/instansi');
    render(() => <App />);
    expect(await screen.findByText('Halaman ini hanya untuk petugas instansi.', {}, slow)).toBeTruthy();
    expect(screen.getByText('Masuk sebagai Lalu Verifikator')).toBeTruthy();
    expect(api.sent('/api/inbox')).toEqual([]);
    expect(FakeWebSocket.instances).toEqual([]);
  });

  it('asks to sign in again when the server ends the live socket’s session, instead of reconnecting forever', async () => {
    await openInbox();
    await goLive();
    // An admin disabled the account (or its password was reset, or the session expired).
    api.state.user = null;
    FakeWebSocket.last.closedByServer(4001);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/masuk?lanjut=/instansi'), slow);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('opens the complaint its address names, and names the one chosen in the address', async () => {
    window.history.replaceState(null, '', `/instansi/${code(2)}`);
    render(() => <App />);
    const article = await screen.findByRole('article', {}, slow);
    expect(within(article).getByRole('heading', { level: 2 }).textContent).toBe('Pipa bocor di Gerung');
    expect(window.location.pathname).toBe(`/instansi/${code(2)}`);
    const depth = window.history.length;
    fireEvent.click(entry(1));
    await waitFor(() => expect(within(screen.getByRole('article')).getByRole('heading', { level: 2 }).textContent).toBe('Air PDAM mati tiga hari'));
    expect(window.location.pathname).toBe(`/instansi/${code(1)}`);
    expect(window.history.length).toBe(depth); // replaced, not one back-step per complaint looked at
  });

  it('opens a complaint when its notification is clicked', async () => {
    const { notifications } = installAlerts();
    await openInbox();
    await goLive();
    FakeWebSocket.last.receive(api.forward(inboxItem(9, 0.5, { title: 'Banjir di Kediri' })));
    await waitFor(() => expect(notifications).toHaveLength(1));
    notifications[0]!.onclick!();
    const article = await screen.findByRole('article', {}, slow);
    await waitFor(() => expect(within(article).getByRole('heading', { level: 2 }).textContent).toBe('Banjir di Kediri'));
    expect(window.location.pathname).toBe(`/instansi/${code(9)}`);
    expect(notifications[0]!.close).toHaveBeenCalled();
  });

  it('comes back to the complaint its address names after signing in', async () => {
    api.state.user = null;
    window.history.replaceState(null, '', `/instansi/${code(2)}`);
    render(() => <App />);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe(`/masuk?lanjut=/instansi/${code(2)}`), slow);
  });

  it('sends someone not signed in to sign in first', async () => {
    api.state.user = null;
    window.history.replaceState(null, '', '/instansi');
    render(() => <App />);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/masuk?lanjut=/instansi'), slow);
  });
});
