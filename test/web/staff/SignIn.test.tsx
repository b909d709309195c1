import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../web/src/App';
import { resetStaffSession } from '../../../web/src/staff/session';
import { FakeWebSocket } from '../agency/fake-agency-api';
import { installStaffApi, itemFixture, moderator } from './fake-staff-api';

let api: ReturnType<typeof installStaffApi>;

beforeEach(() => {
  api = installStaffApi();
  api.state.queue = [itemFixture(1, 3)];
});

afterEach(() => {
  cleanup();
  resetStaffSession();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function open(address: string) {
  window.history.replaceState(null, '', address);
  render(() => <App />);
}

/** The first visit to a lazy page transforms its modules: slower than the default second. */
const slow = { timeout: 5000 };

async function signIn(username: string, password: string) {
  fireEvent.input(await screen.findByLabelText('Nama pengguna', {}, slow), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('Kata sandi'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
}

describe('staff sign-in', () => {
  it('is a discreet footer link, and citizen pages never ask who is signed in', async () => {
    open('/');
    const link = screen.getByRole('link', { name: 'Masuk petugas' });
    expect(screen.getByRole('contentinfo').contains(link)).toBe(true);
    await screen.findByRole('heading', { name: 'Air bersih' }); // the home page has loaded
    expect(api.sent('/api/auth')).toEqual([]);

    fireEvent.click(link);
    expect(await screen.findByLabelText('Nama pengguna', {}, slow)).toBeTruthy();
    expect(window.location.pathname).toBe('/masuk');
    expect(document.title).toBe('Masuk petugas · NTB Care');
  });

  it('offers the fields password managers know, and shows the password on request', async () => {
    open('/masuk');
    const username = (await screen.findByLabelText('Nama pengguna')) as HTMLInputElement;
    const password = screen.getByLabelText('Kata sandi') as HTMLInputElement;
    expect(username.getAttribute('autocomplete')).toBe('username');
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect(password.type).toBe('password');
    fireEvent.click(screen.getByLabelText('Tampilkan kata sandi'));
    expect(password.type).toBe('text');
    fireEvent.click(screen.getByLabelText('Tampilkan kata sandi'));
    expect(password.type).toBe('password');
  });

  it('takes a moderator to the desk after signing in', async () => {
    open('/masuk');
    await signIn('lalu.verifikator', 'kata-sandi-rahasia');
    expect(await screen.findByRole('heading', { level: 1, name: 'Meja moderasi' }, slow)).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/moderasi'), slow);
    expect(api.sent('/api/auth/login')[0]!.body).toEqual({ username: 'lalu.verifikator', password: 'kata-sandi-rahasia' });
    expect(await screen.findByText('Masuk sebagai Lalu Verifikator')).toBeTruthy();
  });

  it('returns to the page named by ?lanjut=, but only to one of ours', async () => {
    open('/masuk?lanjut=/lacak');
    await signIn('lalu.verifikator', 'kata-sandi-rahasia');
    await waitFor(() => expect(window.location.pathname).toBe('/lacak'));

    cleanup();
    resetStaffSession();
    api.state.user = null;
    open('/masuk?lanjut=//evil.example/phish');
    await signIn('lalu.verifikator', 'kata-sandi-rahasia');
    await waitFor(() => expect(window.location.pathname).toBe('/moderasi'), slow);
    expect(window.location.host).toBe('localhost:3000');
  });

  it('says so, with one message, when the username or the password is wrong', async () => {
    open('/masuk');
    await signIn('lalu.verifikator', 'salah');
    const alert = await screen.findByText('Nama pengguna atau kata sandi salah.');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(screen.getByLabelText('Kata sandi'));

    await signIn('tidak.ada', 'salah');
    await waitFor(() => expect(api.sent('/api/auth/login')).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Nama pengguna atau kata sandi salah.'));
    expect(window.location.pathname).toBe('/masuk');
  });

  it('tells how long to wait after too many attempts', async () => {
    api.state.rateLimited = 900;
    open('/masuk');
    await signIn('lalu.verifikator', 'kata-sandi-rahasia');
    expect(await screen.findByText('Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit.')).toBeTruthy();

    api.state.rateLimited = 40;
    localStorage.setItem('ntbcare.lang', 'en');
    cleanup();
    open('/masuk');
    fireEvent.input(await screen.findByLabelText('Username'), { target: { value: 'x' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Too many sign-in attempts. Try again in 40 seconds.')).toBeTruthy();
  });

  it('tells a network failure apart, and asks for both fields before sending', async () => {
    open('/masuk');
    fireEvent.click(await screen.findByRole('button', { name: 'Masuk' }));
    expect(screen.getByRole('alert').textContent).toBe('Isi nama pengguna dan kata sandi.');
    expect(document.activeElement).toBe(screen.getByLabelText('Nama pengguna'));
    expect(api.sent('/api/auth/login')).toEqual([]);

    api.failNext('/api/auth/login', 'network');
    await signIn('lalu.verifikator', 'kata-sandi-rahasia');
    expect(await screen.findByText('Tidak dapat terhubung ke server. Periksa koneksi internet Anda.')).toBeTruthy();
  });

  it('sends agency staff to their inbox, with a way to sign out', async () => {
    vi.stubGlobal('WebSocket', FakeWebSocket); // the inbox follows its live topic
    open('/masuk');
    await signIn('pdam-giri-menang', 'air-mengalir-lagi');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kotak masuk' }, slow)).toBeTruthy();
    expect(window.location.pathname).toBe('/instansi');
    expect(screen.getByText('Masuk sebagai PDAM Giri Menang')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Kotak masuk' }).getAttribute('href')).toBe('/instansi');
    expect(screen.queryByRole('link', { name: 'Meja moderasi' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Keluar' }));
    expect(await screen.findByText('Anda sudah keluar.')).toBeTruthy();
    expect(api.sent('/api/auth/logout', 'POST')).toHaveLength(1);
    expect(screen.getByLabelText('Nama pengguna')).toBeTruthy();
  });

  it('shows who is signed in when a session already exists', async () => {
    api.state.user = moderator;
    open('/masuk');
    expect(await screen.findByText('Masuk sebagai Lalu Verifikator', {}, slow)).toBeTruthy();
    expect(screen.getByText('Moderator')).toBeTruthy();
    const deskLinks = screen.getAllByRole('link', { name: 'Meja moderasi' });
    expect(deskLinks.map((a) => a.getAttribute('href'))).toEqual(deskLinks.map(() => '/moderasi'));
    expect(screen.queryByRole('link', { name: 'Akun petugas' })).toBeNull(); // admins only
    expect(screen.queryByLabelText('Kata sandi')).toBeNull();
  });
});
