// The document's descriptions, with their `code` spans, rendered as text (never as HTML).
import { For } from 'solid-js';

export function Prose(props: { text: string; class?: string }) {
  return (
    <p class={props.class}>
      <For each={props.text.split('`')}>{(part, i) => (i() % 2 ? <code>{part}</code> : part)}</For>
    </p>
  );
}
