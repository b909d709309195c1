// Opening the desk as a signed-in moderator, and reading it the way a moderator does.
import { render, screen, within } from '@solidjs/testing-library';
import { expect } from 'vitest';
import type { LiveMessage } from '../../../worker/domain/live';
import type { ComplaintStatus } from '../../../worker/domain/vocabulary';
import { App } from '../../../web/src/App';

/** The first visit to a lazy page transforms its modules: slower than the default second. */
export const slow = { timeout: 5000 };

export function openPage(address: string) {
  window.history.replaceState(null, '', address);
  render(() => <App />);
}

/** Opens the desk and waits for the queue and the decision forms (which need /api/meta). */
export async function openDesk() {
  openPage('/moderasi');
  const queue = await screen.findByRole('list', { name: 'Antrean' }, slow);
  await screen.findByLabelText('Cari instansi');
  return queue;
}

/** The queue's entries, top to bottom, as their codes. */
export const queueCodes = () =>
  within(screen.getByRole('list', { name: 'Antrean' }))
    .getAllByRole('button')
    .map((button) => button.id.replace('queue-', ''));

export const selectedCode = () =>
  document.querySelector('.queue-list [aria-current="true"]')?.id.replace('queue-', '');

export const queueEntry = (code: string) => document.getElementById(`queue-${code}`)!;

export const press = (key: string, target: Element = document.activeElement ?? document.body) =>
  void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

export const statusLine = () => document.querySelector('.desk-said')!.textContent;

export const expectFocusOn = (code: string) => expect(document.activeElement).toBe(queueEntry(code));

/** The text of the fact `label` in a complaint's facts list (desk or inbox), or null. */
export function fact(article: HTMLElement, label: string): string | null {
  const term = [...article.querySelectorAll('.item-facts dt')].find((dt) => dt.textContent === label);
  return term?.nextElementSibling?.textContent ?? null;
}

/** Staff see the app that filed it through Open311, and its media link as a plain link that takes nothing along. */
export function expectFiledVia(article: HTMLElement, app: string, url: string) {
  expect(fact(article, 'Dikirim lewat Open311 oleh')).toBe(app);
  const link = within(article).getByRole('link', { name: url });
  expect(link.getAttribute('href')).toBe(url);
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
}

let nextEventId = 500;
/** A live event on the moderators' topic, as the queue consumer publishes it; each a new id. */
export const liveMessage = (code: string, eventType: string, status: ComplaintStatus, version: number): LiveMessage => ({
  type: 'event',
  topic: 'moderation',
  eventId: nextEventId++,
  eventType,
  complaintCode: code,
  status,
  version,
});
