// What a desk view says after an action (a status line read out) and, when someone else's
// change took a complaint away, why (an alert). Both desk views show them alike.
import { Show } from 'solid-js';

export function DeskNotices(props: { said: string; gone: string | undefined; class?: string }) {
  return (
    <>
      <p role="status" class={props.class ? `desk-said ${props.class}` : 'desk-said'}>
        {props.said}
      </p>
      <Show when={props.gone}>
        {(gone) => (
          <p role="alert" class="desk-conflict">
            {gone()}
          </p>
        )}
      </Show>
    </>
  );
}
