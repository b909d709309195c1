// The desk's second view: complaints agencies hold past their response target, for the
// moderators to chase with a reminder or a forward to another agency, kept current live.
import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintView } from '../../../worker/domain/api';
import { REMIND_TEXT } from '../../../web/src/components/staff/OverdueDesk';
import { resetStaffSession } from '../../../web/src/staff/session';
import { FakeWebSocket } from '../fake-websocket';
import { useAppPage } from '../page-helpers';
import { liveMessage, openDesk } from './desk-helpers';
import { agencies, hoursAgo, installStaffApi, itemFixture, moderator, overdueFixture } from './fake-staff-api';

let api: ReturnType<typeof installStaffApi>;
useAppPage(resetStaffSession);

const pupr = { slug: agencies[1]!.slug, name: agencies[1]!.name, shortName: agencies[1]!.shortName };

beforeEach(() => {
  api = installStaffApi();
  api.state.user = moderator;
  api.state.queue = [itemFixture(1, 30), itemFixture(2, 3), itemFixture(3, 1)];
  api.state.overdue = [
    overdueFixture(1, 5, { title: 'Pipa induk bocor di Gerung' }),
    overdueFixture(2, 2, { title: 'Jalan berlubang di Kediri', agency: pupr, status: 'in_progress', priority: 'important', remindedAt: hoursAgo(2) }),
  ];
});

const tab = (name: RegExp) => screen.getByRole('tab', { name });
const overdueEntry = (code: string) => document.getElementById(`overdue-${code}`)!;
const overdueCodes = () =>
  within(screen.getByRole('list', { name: 'Pengaduan lewat tenggat' }))
    .getAllByRole('button')
    .map((button) => button.id.replace('overdue-', ''));
/** The overdue view: the triage desk's forms stay on the page too, hidden. */
const panel = () => within(document.getElementById('desk-panel-overdue')!);
const overdueSaid = () => document.querySelector('.overdue-said')!.textContent;
const postsTo = (action: string) => api.sent('/api/complaints/', 'POST').filter((r) => r.path.endsWith(`/${action}`));

/** Opens the desk, then its overdue view, and waits for the first complaint's details. */
async function openOverdue() {
  await openDesk();
  await waitFor(() => expect(tab(/^Lewat tenggat di instansi/).textContent).toBe('Lewat tenggat di instansi (2)'));
  fireEvent.click(tab(/^Lewat tenggat di instansi/));
  await screen.findByRole('list', { name: 'Pengaduan lewat tenggat' });
  await screen.findByRole('heading', { level: 2, name: 'Pipa induk bocor di Gerung' });
}

describe('the overdue view of the desk', () => {
  it('sits beside the triage queue as a tab with its count, by mouse or keyboard', async () => {
    await openDesk();
    const queueTab = tab(/^Antrean triase/);
    const overdueTab = tab(/^Lewat tenggat di instansi/);
    expect(screen.getByRole('tablist', { name: 'Daftar di meja' })).toBeTruthy();
    expect(queueTab.textContent).toBe('Antrean triase (3)');
    await waitFor(() => expect(overdueTab.textContent).toBe('Lewat tenggat di instansi (2)'));
    expect(queueTab.getAttribute('aria-selected')).toBe('true');
    expect(overdueTab.getAttribute('aria-selected')).toBe('false');
    expect(document.getElementById(queueTab.getAttribute('aria-controls')!)!.hidden).toBe(false);
    // Nothing of the overdue view is read before it is shown, beyond its list.
    expect(api.sent('/api/complaints/')).toEqual([]);

    queueTab.focus();
    fireEvent.keyDown(queueTab, { key: 'ArrowRight' });
    expect(overdueTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(overdueTab);
    expect(document.getElementById(queueTab.getAttribute('aria-controls')!)!.hidden).toBe(true);
    const panel = document.getElementById(overdueTab.getAttribute('aria-controls')!)!;
    expect(panel.hidden).toBe(false);
    expect(panel.getAttribute('role')).toBe('tabpanel');
    expect(await within(panel).findByText('2 pengaduan dipegang instansi melewati tenggat respons, yang paling lama di atas.')).toBeTruthy();

    fireEvent.keyDown(overdueTab, { key: 'ArrowLeft' });
    expect(queueTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(queueTab);
  });

  it('lists each complaint with its agency, how long past due, priority, status and the last reminder', async () => {
    await openOverdue();
    expect(api.sent('/api/moderation/overdue').map((r) => r.path)).toContain('/api/moderation/overdue?limit=100');
    expect(overdueCodes()).toEqual(['NTB-00000101', 'NTB-00000102']);
    const first = overdueEntry('NTB-00000101');
    expect(first.textContent).toContain('Pipa induk bocor di Gerung');
    expect(first.textContent).toContain('NTB-00000101');
    expect(first.textContent).toContain('PDAM Giri Menang');
    expect(first.textContent).toContain('lewat 5 jam');
    expect(first.textContent).toContain('Mendesak');
    expect(first.textContent).toContain('Diteruskan ke instansi');
    expect(first.textContent).not.toContain('diingatkan');
    const second = overdueEntry('NTB-00000102');
    expect(second.textContent).toContain('Dinas PUPR Provinsi NTB');
    expect(second.textContent).toContain('lewat 2 jam');
    expect(second.textContent).toContain('Penting');
    expect(second.textContent).toContain('Sedang ditangani');
    expect(second.textContent).toContain('diingatkan 2 jam yang lalu');

    // The first is open, as staff see it, with who holds it and since when.
    const article = screen.getByRole('article');
    expect(article.textContent).toContain('Dipegang PDAM Giri Menang sejak');
    expect(article.textContent).toContain('lewat 5 jam.');
    expect(article.textContent).toContain('Baiq Nurul'); // moderators see the reporter
    expect(api.sent('/api/complaints/NTB-00000101', 'GET')).toHaveLength(1);

    // The arrows move through the list and open the next one.
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(overdueEntry('NTB-00000102'));
    await screen.findByRole('heading', { level: 2, name: 'Jalan berlubang di Kediri' });
  });

  it('reminds the agency with an internal note in the version seen, then says it was sent', async () => {
    await openOverdue();
    const text = screen.getByLabelText(/^Pengingat untuk PDAM Giri Menang/) as HTMLTextAreaElement;
    expect(text.value).toBe(REMIND_TEXT);
    expect(text.value).toContain('sudah melewati tenggat respons');
    fireEvent.input(text, { target: { value: `${REMIND_TEXT} Mohon kabari hari ini.` } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim pengingat' }));

    await waitFor(() => expect(overdueSaid()).toBe('Pengingat untuk NTB-00000101 terkirim ke PDAM Giri Menang.'));
    expect(postsTo('note')).toEqual([
      { path: '/api/complaints/NTB-00000101/note', method: 'POST', body: { version: 2, body: `${REMIND_TEXT} Mohon kabari hari ini.` } },
    ]);
    // The timeline shows the note as internal, and the list when it was reminded.
    const article = screen.getByRole('article');
    expect(within(article).getByText(`${REMIND_TEXT} Mohon kabari hari ini.`)).toBeTruthy();
    expect(article.textContent).toContain('Catatan internal');
    await waitFor(() => expect(overdueEntry('NTB-00000101').textContent).toContain('diingatkan 1 menit yang lalu'));
  });

  it('asks for words before sending an empty reminder', async () => {
    await openOverdue();
    fireEvent.input(screen.getByLabelText(/^Pengingat untuk/), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim pengingat' }));
    expect(await screen.findByText('Tulis isi pengingat.')).toBeTruthy();
    expect(postsTo('note')).toEqual([]);
  });

  it('forwards to another agency from this view, at the priority it has; it leaves the list', async () => {
    await openOverdue();
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke instansi lain' }));
    const agency = (await panel().findByLabelText('Instansi tujuan')) as HTMLSelectElement;
    // Not back to the agency that let it pass its target.
    expect(within(agency).getAllByRole('option').map((o) => o.textContent)).toEqual(['Dinas PUPR Provinsi NTB', 'RSUD Provinsi NTB']);
    expect((panel().getByLabelText('Mendesak (1 jam)') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(agency, { target: { value: 'rsud-provinsi-ntb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke RSUD Provinsi NTB' }));

    await waitFor(() => expect(overdueSaid()).toBe('NTB-00000101 diteruskan ke RSUD Provinsi NTB.'));
    expect(postsTo('forward')).toEqual([
      { path: '/api/complaints/NTB-00000101/forward', method: 'POST', body: { version: 2, agency: 'rsud-provinsi-ntb', priority: 'urgent', note: null } },
    ]);
    expect(overdueCodes()).toEqual(['NTB-00000102']);
    expect(tab(/^Lewat tenggat di instansi/).textContent).toBe('Lewat tenggat di instansi (1)');
    await screen.findByRole('heading', { level: 2, name: 'Jalan berlubang di Kediri' });
    expect(document.activeElement).toBe(overdueEntry('NTB-00000102'));
  });

  it('shows the complaint as it is now when the agency acted first (409), and sends nothing again by itself', async () => {
    await openOverdue();
    // The agency acknowledges it meanwhile: a new version, still overdue.
    api.state.overdue = api.state.overdue.map((item, i) => (i === 0 ? { ...item, status: 'in_progress', version: 3 } : item));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim pengingat' }));

    expect(await screen.findByText('Pengaduan ini baru saja diubah orang lain. Periksa lagi sebelum memutuskan.')).toBeTruthy();
    const article = screen.getByRole('article');
    await waitFor(() => expect(within(article).getByText('Sedang ditangani')).toBeTruthy());
    expect(postsTo('note')).toHaveLength(1);
    // What was typed is still there; sending again goes in the new version's name.
    expect((screen.getByLabelText(/^Pengingat untuk/) as HTMLTextAreaElement).value).toBe(REMIND_TEXT);
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim pengingat' }));
    await waitFor(() => expect(postsTo('note').map((r) => (r.body as { version: number }).version)).toEqual([2, 3]));
  });

  it('says what became of a complaint that is no longer overdue when acted on', async () => {
    await openOverdue();
    // Another moderator forwarded it to PUPR meanwhile: it has a new target, so it left the list.
    const before = (await (await fetch('/api/complaints/NTB-00000101')).json()) as ComplaintView;
    api.state.overdue = api.state.overdue.slice(1);
    api.state.decided.set('NTB-00000101', { ...before, agency: pupr, version: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke instansi lain' }));
    fireEvent.change(await panel().findByLabelText('Instansi tujuan'), { target: { value: 'rsud-provinsi-ntb' } });
    fireEvent.click(screen.getByRole('button', { name: 'Teruskan ke RSUD Provinsi NTB' }));
    expect(
      await screen.findByText('NTB-00000101 baru saja diubah orang lain dan tidak lagi lewat tenggat: statusnya kini Diteruskan ke instansi (Dinas PUPR Provinsi NTB).'),
    ).toBeTruthy();
    expect(overdueCodes()).toEqual(['NTB-00000102']);
  });
});


describe('the overdue view, live', () => {
  it('rereads the list and its count once for a burst of events that change it', async () => {
    await openDesk();
    FakeWebSocket.last.ready();
    await waitFor(() => expect(api.sent('/api/moderation/overdue')).toHaveLength(2)); // loaded, then the catch-up
    await waitFor(() => expect(tab(/^Lewat tenggat di instansi/).textContent).toBe('Lewat tenggat di instansi (2)'));

    // The cron marks three more breaches at once.
    const late = [overdueFixture(3, 1), overdueFixture(4, 1), overdueFixture(5, 1)];
    api.state.overdue = [...api.state.overdue, ...late];
    for (const item of late) FakeWebSocket.last.receive(liveMessage(item.code, 'breached', 'forwarded', item.version));
    await waitFor(() => expect(tab(/^Lewat tenggat di instansi/).textContent).toBe('Lewat tenggat di instansi (5)'), { timeout: 3000 });
    expect(api.sent('/api/moderation/overdue')).toHaveLength(3);

    // The agency answers one: it leaves the list. A new submission, or an answer on a complaint
    // the list does not hold, is not the list's business.
    api.state.overdue = api.state.overdue.filter((item) => item.code !== 'NTB-00000103');
    FakeWebSocket.last.receive(liveMessage('NTB-00000103', 'response', 'in_progress', 3));
    await waitFor(() => expect(tab(/^Lewat tenggat di instansi/).textContent).toBe('Lewat tenggat di instansi (4)'), { timeout: 3000 });
    api.state.queue = [...api.state.queue, itemFixture(4, 0)];
    FakeWebSocket.last.receive(liveMessage('NTB-00000004', 'submitted', 'submitted', 1));
    FakeWebSocket.last.receive(liveMessage('NTB-00000999', 'response', 'in_progress', 3));
    FakeWebSocket.last.receive(liveMessage('NTB-00000998', 'note', 'forwarded', 4));
    await waitFor(() => expect(tab(/^Antrean triase/).textContent).toBe('Antrean triase (4)'));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(api.sent('/api/moderation/overdue')).toHaveLength(4);
  });
});

describe('the overdue view, when the complaint shown leaves it', () => {
  it('says so when its agency answers meanwhile, and that the reminder being written was not sent', async () => {
    await openOverdue();
    FakeWebSocket.last.ready();
    const shown = api.state.overdue[0]!;
    const box = panel().getByLabelText(/^Pengingat untuk/) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Mohon dijawab hari ini.' } });
    // The agency answers it: it is no longer overdue.
    api.state.overdue = api.state.overdue.filter((item) => item.code !== shown.code);
    FakeWebSocket.last.receive(liveMessage(shown.code, 'response', 'in_progress', shown.version + 1));
    await waitFor(
      () =>
        expect(overdueSaid()).toBe(
          `${shown.code} keluar dari daftar: sudah ditindaklanjuti instansi atau dipindahkan moderator lain. Pengingat untuknya tidak dikirim.`,
        ),
      { timeout: 3000 },
    );
    await panel().findByRole('heading', { level: 2, name: 'Jalan berlubang di Kediri' });
    expect(postsTo('note')).toEqual([]);
  });

  it('says nothing of the kind when the moderator simply chooses another one', async () => {
    await openOverdue();
    fireEvent.click(overdueEntry('NTB-00000102'));
    await panel().findByRole('heading', { level: 2, name: 'Jalan berlubang di Kediri' });
    expect(overdueSaid()).toBe('');
  });
});
