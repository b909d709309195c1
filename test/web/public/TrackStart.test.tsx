import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../web/src/App';
import { MY_COMPLAINTS_KEY } from '../../../web/src/components/public/myComplaints';
import { normaliseComplaintCode as normalizeTrackingCode } from '../../../worker/domain/complaint-code';
import { complaintFixture, installPublicApi, TOKEN } from './fake-public-api';
import { useAppPage } from '../page-helpers';

let api: ReturnType<typeof installPublicApi>;

useAppPage();

beforeEach(() => {
  api = installPublicApi();
  api.addComplaint(complaintFixture());
});

/** The page is loaded lazily: wait for it. */
async function openTrackPage() {
  window.history.replaceState(null, '', '/lacak');
  render(() => <App />);
  return screen.findByRole('heading', { level: 1, name: 'Lacak pengaduan' });
}

describe('normaliseComplaintCode', () => {
  it.each([
    ['NTB-7K3M9Q2X', 'NTB-7K3M9Q2X'],
    ['ntb-7k3m9q2x', 'NTB-7K3M9Q2X'],
    ['7K3M9Q2X', 'NTB-7K3M9Q2X'],
    [' 7k3m 9q2x ', 'NTB-7K3M9Q2X'],
    ['NTB 7K3M-9Q2X', 'NTB-7K3M9Q2X'],
    ['ntb7k3m9q2x', 'NTB-7K3M9Q2X'],
    // Eight characters that happen to start with N, T, B are a code without its prefix.
    ['NTB12345', 'NTB-NTB12345'],
    // Letters Crockford reads as digits.
    ['NTB-O1IL0000', 'NTB-01110000'],
  ])('reads %j as %s', (typed, code) => {
    expect(normalizeTrackingCode(typed)).toBe(code);
  });

  it.each(['', 'NTB-', 'NTB-7K3M9Q2', 'NTB-7K3M9Q2XY', 'NTB-7K3M9Q2U', 'ABC-7K3M9Q2X', 'NTB-7K3M9Q2!'])(
    'refuses %j',
    (typed) => {
      expect(normalizeTrackingCode(typed)).toBeNull();
    },
  );
});

describe('/lacak', () => {
  it('finds a complaint by a code typed loosely', async () => {
    await openTrackPage();
    const input = screen.getByLabelText('Kode pengaduan');
    fireEvent.input(input, { target: { value: '7k3m9q2x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lacak' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Air PDAM mati tiga hari' })).toBeTruthy();
    expect(window.location.pathname).toBe('/lacak/NTB-7K3M9Q2X');
    expect(api.paths()).toEqual(['/api/complaints/NTB-7K3M9Q2X']);
  });

  it('explains a code that cannot be one and stays on the page', async () => {
    await openTrackPage();
    const input = screen.getByLabelText('Kode pengaduan');
    fireEvent.input(input, { target: { value: 'NTB-123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lacak' }));

    expect(screen.getByRole('alert').textContent).toContain('Kode tidak dikenali.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(document.activeElement).toBe(input);
    expect(window.location.pathname).toBe('/lacak');
    expect(api.paths()).toEqual([]);
  });

  it('lists no complaints on a device that has none', async () => {
    await openTrackPage();
    const mine = screen.getByRole('heading', { name: 'Pengaduan saya' }).closest('section')!;
    expect(mine.textContent).toContain('Belum ada pengaduan yang tersimpan di perangkat ini.');
    expect(within(mine).queryAllByRole('link')).toHaveLength(0);
  });

  it('lists the complaints on this device, newest first, with links that carry no token', async () => {
    localStorage.setItem(
      MY_COMPLAINTS_KEY,
      JSON.stringify([
        { code: 'NTB-7K3M9Q2X', token: TOKEN, title: 'Air PDAM mati tiga hari', submittedAt: '2026-11-09T23:15:00.000Z' },
        { code: 'NTB-AAAAAAAA', token: 'ffffffffffffffffffffffffffffffff', title: 'Jalan berlubang', submittedAt: '2026-11-12T01:00:00.000Z' },
        { code: 'NTB-BBBBBBBB', token: '' }, // no token: not one of mine
        'rubbish',
      ]),
    );
    await openTrackPage();
    const mine = screen.getByRole('heading', { name: 'Pengaduan saya' }).closest('section')!;
    const links = within(mine).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Jalan berlubang', '/lacak/NTB-AAAAAAAA'],
      ['Air PDAM mati tiga hari', '/lacak/NTB-7K3M9Q2X'],
    ]);
    expect(mine.textContent).toContain('NTB-7K3M9Q2X · 10 Nov 2026');

    // Opening one sends the token kept on the device.
    fireEvent.click(links[1]!);
    expect(await screen.findByRole('heading', { name: 'Data pelapor' })).toBeTruthy();
    const read = api.requests.find((r) => r.path === '/api/complaints/NTB-7K3M9Q2X')!;
    expect(read.headers.get('X-Tracking-Token')).toBe(TOKEN);
    expect(window.location.href).not.toContain(TOKEN);
  });
});
