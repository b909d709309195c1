// The desk's keyboard: j/k (and the arrows inside the queue) move between complaints, one
// key per action opens its form, Esc goes back to the queue. Keys typed into a field are
// the field's, and a modifier makes a key the browser's.
import { onCleanup, onMount } from 'solid-js';
import { actionKeys, deskActionKinds, type DeskActionKind } from './actions';

export interface DeskKeyHandlers {
  /** Whether there is a complaint to act on. */
  ready: () => boolean;
  move: (step: number) => void;
  openAction: (kind: DeskActionKind) => void;
  backToQueue: () => void;
  /** The desk's element: Esc only counts inside it. */
  within: () => HTMLElement;
}

const isTyping = (target: Element) => !!target.closest('input, textarea, select, [contenteditable="true"]');

export function useDeskKeys(handlers: DeskKeyHandlers) {
  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : document.body;
    if (event.key === 'Escape') {
      if (handlers.within().contains(target)) {
        event.preventDefault();
        handlers.backToQueue();
      }
      return;
    }
    if (isTyping(target) || !handlers.ready()) return;
    // Arrows, Home and End keep scrolling the page unless the queue has the focus.
    const inQueue = !!target.closest('.queue-list');
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const kind = deskActionKinds.find((k) => actionKeys[k] === key);
    if (key === 'j' || (inQueue && key === 'ArrowDown')) handlers.move(1);
    else if (key === 'k' || (inQueue && key === 'ArrowUp')) handlers.move(-1);
    else if (inQueue && key === 'Home') handlers.move(-Infinity);
    else if (inQueue && key === 'End') handlers.move(Infinity);
    else if (kind) handlers.openAction(kind);
    else return;
    event.preventDefault();
  }

  onMount(() => document.addEventListener('keydown', onKeyDown));
  onCleanup(() => document.removeEventListener('keydown', onKeyDown));
}
