// The way in: the header's "Buat pengaduan" and the home page's call to action lead to /lapor,
// whose page loads on its own (a lazy chunk) and fetches the reference data it needs.
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../web/src/App';
import { installReportApi } from './fake-report-api';
import { useAppPage } from '../page-helpers';

useAppPage();

beforeEach(() => {
  installReportApi();
});

describe('/lapor', () => {
  it('is linked from the header and from the top of the home page', async () => {
    window.history.replaceState(null, '', '/');
    render(() => <App />);
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    const links = screen.getAllByRole('link', { name: /^Buat pengaduan/ });
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/lapor', '/lapor']);
    expect(nav.contains(links[0]!)).toBe(true);
    expect(links[1]!.textContent).toBe('Buat pengaduan sekarang');

    fireEvent.click(links[1]!);
    // The page is a lazy chunk: its first import in a busy run can take more than a second.
    expect(await screen.findByRole('heading', { level: 1, name: 'Buat pengaduan' }, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/lapor'));
    expect(links[0]!.getAttribute('aria-current')).toBe('page');
  });

  it('opens directly', async () => {
    window.history.replaceState(null, '', '/lapor');
    render(() => <App />);
    expect(await screen.findByRole('radio', { name: 'Air bersih' }, { timeout: 5000 })).toBeTruthy();
    expect(document.title).toBe('Buat pengaduan · NTB Care');
  });
});
