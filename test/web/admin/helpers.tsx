// Opening the admin page the way a browser does: at its address, inside the whole app.
import { render, screen, waitFor, within } from '@solidjs/testing-library';
import { expect } from 'vitest';
import { App } from '../../../web/src/App';
import { resetStaffSession } from '../../../web/src/staff/session';
import { useAppPage } from '../page-helpers';

/** Resolves once the page's chunk has loaded and shows something (slow on a cold start). */
export async function openAdminPage(path = '/admin/akun') {
  window.history.replaceState(null, '', path);
  render(() => <App />);
  await waitFor(() => expect(screen.getByRole('main').textContent).not.toBe(''), { timeout: 5000 });
}

/** The card of one account (or agency, category, queue message), found by its heading. */
export async function accountCard(displayName: string) {
  const heading = await screen.findByRole('heading', { level: 3, name: displayName });
  return within(heading.closest('article')!);
}

/** The session is shared by the whole visit: each test is a new one. */
export const useCleanPage = () => useAppPage(resetStaffSession);
