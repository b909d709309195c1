// What every rendering test needs around it, so that nothing one test leaves behind (the
// page, stubbed globals, spies, the device's storage) reaches the next.
import { cleanup } from '@solidjs/testing-library';
import { afterEach, beforeEach, vi } from 'vitest';

/** Unmounts and forgets; `alsoReset` runs once the page is gone (e.g. a shared session). */
export function resetPage(alsoReset?: () => void) {
  cleanup();
  alsoReset?.();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
}

/** For tests of whole pages in the app: jsdom has no layout, so `scrollTo` is a quiet spy. */
export function useAppPage(alsoReset?: () => void) {
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
  afterEach(() => resetPage(alsoReset));
}
