// Opening the admin page the way a browser does: at its address, inside the whole app.
import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { App } from '../../../web/src/App';
import { resetStaffSession } from '../../../web/src/staff/session';

/** Resolves once the page's chunk has loaded and shows something (slow on a cold start). */
export async function openAdminPage() {
  window.history.replaceState(null, '', '/admin/akun');
  render(() => <App />);
  await waitFor(() => expect(screen.getByRole('main').textContent).not.toBe(''), { timeout: 5000 });
}

/** The card of one account, found by its display name. */
export async function accountCard(displayName: string) {
  const heading = await screen.findByRole('heading', { level: 3, name: displayName });
  return within(heading.closest('article')!);
}

export function useCleanPage() {
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {}); // jsdom has no layout
  });
  afterEach(() => {
    cleanup();
    resetStaffSession(); // the session is shared by the whole visit: each test is a new one
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    localStorage.clear();
  });
}
