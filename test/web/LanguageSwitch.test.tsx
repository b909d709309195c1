import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../web/src/App';
import { installFakeApi } from './fake-api';

beforeEach(() => {
  installFakeApi();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
  document.documentElement.lang = 'id';
});

const languageButton = (name: string) => screen.getByRole('button', { name });

describe('language switch', () => {
  it('starts in Bahasa Indonesia', async () => {
    render(() => <App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Sampaikan keluhan Anda tentang layanan publik di NTB',
    );
    expect(document.documentElement.lang).toBe('id');
    expect(languageButton('Indonesia').getAttribute('aria-pressed')).toBe('true');
    expect(languageButton('English').getAttribute('aria-pressed')).toBe('false');
    expect(document.title).toBe('NTB Care: pengaduan warga NTB');
  });

  it('switches visible text to English and remembers the choice', async () => {
    render(() => <App />);
    await screen.findByText('Air bersih');

    fireEvent.click(languageButton('English'));
    // English words load on the first switch; until they are here, the page stays Indonesian.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Sampaikan keluhan Anda tentang layanan publik di NTB',
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Tell the government about problems with public services in NTB',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Home' })).toBeTruthy();
    expect(screen.getByLabelText('Regency/City')).toBeTruthy();
    // Category names from the API follow the language too.
    expect(screen.getByText('Clean water')).toBeTruthy();
    expect(screen.queryByText('Air bersih')).toBeNull();
    expect(languageButton('English').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('NTB Care: citizen complaints in NTB');
    expect(localStorage.getItem('ntbcare.lang')).toBe('en');

    // Both languages are here now: switching back and forth is instant.
    fireEvent.click(languageButton('Indonesia'));
    expect(screen.getByRole('link', { name: 'Beranda' })).toBeTruthy();
    fireEvent.click(languageButton('English'));
    expect(screen.getByRole('link', { name: 'Home' })).toBeTruthy();
  });

  it('starts in English after a reload when English was chosen', async () => {
    localStorage.setItem('ntbcare.lang', 'en');
    render(() => <App />);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Tell the government about problems with public services in NTB',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(languageButton('Indonesia'));
    expect(screen.getByRole('link', { name: 'Beranda' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');
    expect(localStorage.getItem('ntbcare.lang')).toBe('id');
  });

  it('ignores an unknown stored language', () => {
    localStorage.setItem('ntbcare.lang', 'fr');
    render(() => <App />);
    expect(screen.getByRole('link', { name: 'Beranda' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');
  });
});
