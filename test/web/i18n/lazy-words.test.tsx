// Words load by area: a page's words come with it in the language shown, switching language
// keeps the current words until the new ones are here, and a word whose area no page asked
// for still arrives (and tells the developer). Each test uses an area no earlier test loaded.
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../web/src/App';
import { I18nProvider, useI18n } from '../../../web/src/i18n';
import { installSettingsApi } from '../admin/fake-settings-api';
import { resetStaffSession } from '../../../web/src/staff/session';
import { useAppPage } from '../page-helpers';
import { installStatsApi } from '../stats/fake-stats-api';

useAppPage(resetStaffSession);
let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error');
});
const i18nErrors = () => errors.mock.calls.filter((args: unknown[]) => String(args[0]).startsWith('i18n:'));

function open(path: string) {
  window.history.replaceState(null, '', path);
  render(() => <App />);
}

describe('words by area', () => {
  it('brings a page’s words in the language chosen on this device', async () => {
    installStatsApi();
    localStorage.setItem('ntbcare.lang', 'en');
    open('/statistik');
    expect(await screen.findByRole('heading', { level: 1, name: 'Complaint statistics' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Statistics' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(i18nErrors()).toEqual([]);
  });

  it('keeps the page in Indonesian until the English words of its areas arrive, then switches', async () => {
    installSettingsApi();
    open('/admin/instansi');
    const row = await screen.findByRole('heading', { level: 3, name: 'PDAM Giri Menang' }, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Instansi');
    expect(screen.getByRole('button', { name: 'Tambah instansi' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');

    expect(await screen.findByRole('heading', { level: 1, name: 'Agencies' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add an agency' })).toBeTruthy();
    expect(within(row.closest('article')!).getByRole('button', { name: 'Deactivate' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Staff pages' }).textContent).toContain('Settings');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Indonesia' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Instansi');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Agencies');
    expect(i18nErrors()).toEqual([]);
  });

  it('still shows a word whose area its page did not ask for, and tells the developer', async () => {
    errors.mockImplementation(() => {});
    function Stray() {
      const { t } = useI18n();
      return <p data-testid="stray">{t('inbox.empty')}</p>;
    }
    render(() => (
      <I18nProvider>
        <Stray />
      </I18nProvider>
    ));
    expect(await screen.findByText('Tidak ada pengaduan.')).toBeTruthy();
    expect(i18nErrors()).toEqual([[expect.stringContaining('"inbox.empty"')]]);
  });
});
