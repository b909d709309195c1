// The optional pin from the phone's GPS: shown, sent, clearable, and only inside NTB.
import { fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installReportApi } from './fake-report-api';
import { fillRequired, renderReport, submitButton } from './form-helpers';
import { resetPage } from '../page-helpers';

let api: ReturnType<typeof installReportApi>;

beforeEach(() => {
  api = installReportApi();
});

afterEach(() => resetPage());

type Answer = { coords: { latitude: number; longitude: number; accuracy: number } } | { code: number };

function stubGeolocation(answer: Answer) {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail: PositionErrorCallback) =>
    'code' in answer ? fail(answer as GeolocationPositionError) : ok(answer as GeolocationPosition),
  );
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { geolocation: { getCurrentPosition } }));
  return getCurrentPosition;
}

const useLocation = () => fireEvent.click(screen.getByRole('button', { name: 'Gunakan lokasi saya' }));

describe('location pin', () => {
  it('fills the pin from the phone inside NTB and sends it', async () => {
    const ask = stubGeolocation({ coords: { latitude: -8.583312345, longitude: 116.116702, accuracy: 14.6 } });
    renderReport();
    await fillRequired();
    useLocation();
    expect(ask).toHaveBeenCalledOnce();
    expect(await screen.findByText(/Titik lokasi: -8.583312, 116.116702/)).toBeTruthy();
    expect(screen.getByText(/akurasi ± 15 m/)).toBeTruthy();

    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.body).toMatchObject({ lat: -8.583312, lng: 116.116702 });
  });

  it('clears the pin, so none is sent', async () => {
    stubGeolocation({ coords: { latitude: -8.58, longitude: 116.11, accuracy: 10 } });
    renderReport();
    await fillRequired();
    useLocation();
    await screen.findByText(/Titik lokasi/);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus titik lokasi' }));
    expect(screen.queryByText(/Titik lokasi:/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Gunakan lokasi saya' }));

    fireEvent.click(submitButton());
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.body).not.toHaveProperty('lat');
    expect(api.sent[0]!.body).not.toHaveProperty('lng');
  });

  it('refuses a position outside NTB and says so', async () => {
    stubGeolocation({ coords: { latitude: -8.65, longitude: 115.2167, accuracy: 10 } }); // Denpasar
    renderReport();
    useLocation();
    const status = await screen.findByText(/berada di luar NTB/);
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('-8.65, 115.2167');
    expect(screen.queryByText(/Titik lokasi:/)).toBeNull();
  });

  it('explains a refused permission', async () => {
    stubGeolocation({ code: 1 });
    renderReport();
    useLocation();
    expect(await screen.findByText(/^Izin lokasi ditolak/)).toBeTruthy();
  });

  it('says when the device cannot locate itself', async () => {
    vi.stubGlobal('navigator', Object.create(null));
    renderReport();
    useLocation();
    expect(await screen.findByText(/^Perangkat ini tidak dapat menentukan lokasi/)).toBeTruthy();
  });
});
