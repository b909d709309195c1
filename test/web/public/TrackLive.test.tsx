// The tracking page kept up to date while it is open: a live message makes it re-read the
// complaint and show what changed in place, and a reporter's token rides as a subprotocol.
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../worker/domain/api';
import { App } from '../../../web/src/App';
import { FakeWebSocket } from '../fake-websocket';
import { useAppPage } from '../page-helpers';
import { complaintFixture, installPublicApi, TOKEN } from './fake-public-api';

let api: ReturnType<typeof installPublicApi>;
useAppPage();
beforeEach(() => {
  api = installPublicApi();
});

const CODE = 'NTB-7K3M9Q2X';
const pdam = complaintFixture().agency!;
const response: TimelineEvent = {
  id: 7,
  type: 'response',
  at: '2026-11-11T02:00:00.000Z',
  actor: 'agency',
  agency: pdam,
  fromStatus: 'forwarded',
  toStatus: 'in_progress',
  body: 'Petugas kami datang besok pagi.',
};

async function open(address: string) {
  window.history.replaceState(null, '', address);
  render(() => <App />);
  await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' }, { timeout: 5000 });
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  return FakeWebSocket.last;
}

const loads = () => api.requests.filter((r) => r.path === `/api/complaints/${CODE}`);
const steps = () =>
  within(screen.getByRole('heading', { name: 'Riwayat penanganan' }).closest('section')!)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('strong')!.textContent);

describe('tracking page, live', () => {
  it('re-reads the complaint on a live event and shows the new step, status and word of it', async () => {
    api.addComplaint(complaintFixture());
    const socket = await open(`/lacak/${CODE}`);
    expect(socket.url).toBe(`ws://${location.host}/api/live?topic=complaint:${CODE}`);
    expect(socket.protocols).toEqual(['ntbcare']); // a public complaint: no token on the wire
    socket.ready();
    await waitFor(() => expect(loads()).toHaveLength(2)); // the catch-up is a re-read
    expect(screen.queryByText(/Ada pembaruan/)).toBeNull();

    // The agency answers while the page is open.
    api.addComplaint(complaintFixture({ status: 'in_progress', version: 4, events: [response, ...complaintFixture().events] }));
    socket.receive({ type: 'event', topic: `complaint:${CODE}`, eventId: 7, eventType: 'response', complaintCode: CODE, status: 'in_progress', version: 4 });

    expect(await screen.findByText('Ada pembaruan: Jawaban instansi')).toBeTruthy();
    expect(screen.getByText('Ada pembaruan: Jawaban instansi').getAttribute('role')).toBe('status');
    expect(steps()).toEqual(['Pengaduan dikirim', 'Diteruskan ke PDAM Giri Menang', 'Jawaban instansi']);
    expect(screen.getByText('Petugas kami datang besok pagi.')).toBeTruthy();
    const page = screen.getByRole('article');
    expect(within(page).getByText('Sedang ditangani', { selector: '.status-badge' })).toBeTruthy();
    expect(loads()).toHaveLength(3);
    // The first answer may be one the Worker shares for a few seconds; the re-reads ask for it as it is now.
    expect(loads().map((r) => r.headers.get('Cache-Control'))).toEqual([null, 'no-cache', 'no-cache']);

    // The same event again (a redelivery) reads nothing more.
    socket.receive({ type: 'event', topic: `complaint:${CODE}`, eventId: 7, eventType: 'response', complaintCode: CODE, status: 'in_progress', version: 4 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads()).toHaveLength(3);
  });

  it('says the page no longer updates when the server stops it following (4003), instead of reconnecting', async () => {
    // (An agency member's page in truth; the fake API lets the reporter's link open it.)
    api.addComplaint(complaintFixture({ confidential: true }));
    const socket = await open(`/lacak/${CODE}#t=${TOKEN}`);
    socket.ready();
    await waitFor(() => expect(loads()).toHaveLength(2));
    socket.closedByServer(4003);
    expect(await screen.findByText('Pengaduan rahasia ini tidak lagi ditangani instansi Anda, jadi halaman ini tidak diperbarui lagi.')).toBeTruthy();
    expect(screen.queryByText('Menyambung ulang…')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('sends a reporter’s token as a subprotocol for a confidential complaint, and its header on the re-read', async () => {
    api.addComplaint(complaintFixture({ confidential: true }));
    const socket = await open(`/lacak/${CODE}#t=${TOKEN}`);
    expect(socket.protocols).toEqual(['ntbcare', `token.${TOKEN}`]);
    socket.ready();
    await waitFor(() => expect(loads()).toHaveLength(2));
    expect(loads().map((r) => r.headers.get('X-Tracking-Token'))).toEqual([TOKEN, TOKEN]);
  });

  it('says it is reconnecting only once a connection is lost, and catches up on return', async () => {
    api.addComplaint(complaintFixture());
    const socket = await open(`/lacak/${CODE}`);
    expect(screen.queryByText('Menyambung ulang…')).toBeNull();
    socket.ready();
    await waitFor(() => expect(loads()).toHaveLength(2));
    expect(screen.queryByText('Menyambung ulang…')).toBeNull();

    socket.drop();
    expect(await screen.findByText('Menyambung ulang…')).toBeTruthy();
    // Missed while away: the agency answered.
    api.addComplaint(complaintFixture({ status: 'in_progress', version: 4, events: [response, ...complaintFixture().events] }));
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2), { timeout: 3000 });
    FakeWebSocket.last.ready();
    expect(await screen.findByText('Ada pembaruan: Jawaban instansi')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Menyambung ulang…')).toBeNull());
    expect(steps().at(-1)).toBe('Jawaban instansi');
  });

  it('keeps the reporter’s half-written comment while the page updates', async () => {
    api.addComplaint(complaintFixture());
    const socket = await open(`/lacak/${CODE}#t=${TOKEN}`);
    socket.ready();
    const box = (await screen.findByLabelText('Tanggapan Anda')) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Terima kasih, saya tunggu.' } });
    api.addComplaint(complaintFixture({ status: 'in_progress', version: 4, events: [response, ...complaintFixture().events] }));
    socket.receive({ type: 'event', topic: `complaint:${CODE}`, eventId: 7, eventType: 'response', complaintCode: CODE, status: 'in_progress', version: 4 });
    expect(await screen.findByText('Ada pembaruan: Jawaban instansi')).toBeTruthy();
    expect((screen.getByLabelText('Tanggapan Anda') as HTMLTextAreaElement).value).toBe('Terima kasih, saya tunggu.');
  });
});
