// The desk kept current while a moderator works: new complaints join the queue without moving
// the selection, and one another moderator decided leaves it with a word about it.
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetStaffSession } from '../../../web/src/staff/session';
import { FakeWebSocket } from '../fake-websocket';
import { useAppPage } from '../page-helpers';
import { expectFocusOn, liveMessage, openDesk, queueCodes, queueEntry, selectedCode, statusLine } from './desk-helpers';
import { installStaffApi, itemFixture, moderator } from './fake-staff-api';

let api: ReturnType<typeof installStaffApi>;
useAppPage(resetStaffSession);

beforeEach(() => {
  api = installStaffApi();
  api.state.user = moderator;
  api.state.queue = [itemFixture(1, 30), itemFixture(2, 3), itemFixture(3, 1)];
});

const liveState = () => document.querySelector('.live-state')!.textContent;

async function openLive() {
  await openDesk();
  expect(FakeWebSocket.last.url).toBe(`ws://${location.host}/api/live?topic=moderation`);
  expect(liveState()).toBe('Menghubungkan…');
  FakeWebSocket.last.ready();
  await waitFor(() => expect(liveState()).toBe('Langsung'));
  expect(api.sent('/api/moderation/queue')).toHaveLength(2); // the catch-up reloads the queue
}

describe('the moderation desk, live', () => {
  it('adds a newly submitted complaint, keeping the selection and focus where they were', async () => {
    await openLive();
    fireEvent.click(queueEntry('NTB-00000002'));
    expectFocusOn('NTB-00000002');

    api.state.queue = [...api.state.queue, itemFixture(4, 0)];
    FakeWebSocket.last.receive(liveMessage('NTB-00000004', 'submitted', 'submitted', 1));
    await waitFor(() => expect(queueCodes()).toEqual(['NTB-00000001', 'NTB-00000002', 'NTB-00000003', 'NTB-00000004']));
    expect(statusLine()).toBe('Masuk antrean: NTB-00000004.');
    expect(screen.getByText('4 pengaduan menunggu keputusan, yang terlama di atas.')).toBeTruthy();
    expect(selectedCode()).toBe('NTB-00000002');
    expectFocusOn('NTB-00000002');
  });

  it('keeps the selection on its complaint when a returned one lands above it', async () => {
    await openLive();
    expect(selectedCode()).toBe('NTB-00000001');
    api.state.queue = [itemFixture(9, 40, { title: 'Dikembalikan instansi' }), ...api.state.queue];
    FakeWebSocket.last.receive(liveMessage('NTB-00000009', 'returned', 'submitted', 5));
    await waitFor(() => expect(queueCodes()[0]).toBe('NTB-00000009'));
    expect(selectedCode()).toBe('NTB-00000001');
  });

  it('drops a complaint another moderator forwarded, and says so', async () => {
    await openLive();
    const version = api.state.queue[1]!.version;
    api.changeElsewhere('NTB-00000002', { forwardTo: 'pdam-giri-menang' });
    FakeWebSocket.last.receive(liveMessage('NTB-00000002', 'forwarded', 'forwarded', version + 1));
    await waitFor(() => expect(queueCodes()).toEqual(['NTB-00000001', 'NTB-00000003']));
    expect(statusLine()).toBe('NTB-00000002 sudah diputuskan moderator lain: Diteruskan ke instansi.');
    expect(selectedCode()).toBe('NTB-00000001');

    // An older echo of something already known changes nothing.
    FakeWebSocket.last.receive(liveMessage('NTB-00000003', 'forwarded', 'forwarded', api.state.queue[1]!.version));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queueCodes()).toEqual(['NTB-00000001', 'NTB-00000003']);
  });

  it('moves to the next complaint when the one being read is decided elsewhere', async () => {
    await openLive();
    const version = api.state.queue[0]!.version;
    api.changeElsewhere('NTB-00000001', { forwardTo: 'pdam-giri-menang' });
    FakeWebSocket.last.receive(liveMessage('NTB-00000001', 'rejected', 'rejected', version + 1));
    await waitFor(() => expect(selectedCode()).toBe('NTB-00000002'));
    expect(statusLine()).toBe('NTB-00000001 sudah diputuskan moderator lain: Ditolak.');
  });

  it('says when the connection is lost', async () => {
    await openLive();
    FakeWebSocket.last.drop();
    await waitFor(() => expect(liveState()).toBe('Menyambung ulang…'));
  });
});
