// A labelled control with its hint and error; the control itself comes as children and
// names them with `describedBy`. Each form gives the wrapper its own class.
import { Show, type JSX } from 'solid-js';

export interface FieldProps {
  id: string;
  class: string;
  label: JSX.Element;
  hint?: string;
  error?: string;
  children: JSX.Element;
}

/**
 * The control's `aria-describedby`: `${id}-${part}` for each part that is shown, in the
 * order given (hint, error, and whatever else the control has).
 */
export const describedBy = (id: string, parts: Record<string, unknown>) =>
  Object.keys(parts)
    .filter((part) => parts[part])
    .map((part) => `${id}-${part}`)
    .join(' ') || undefined;

export function Field(props: FieldProps) {
  return (
    <div class={props.class} classList={{ invalid: !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
      {props.children}
    </div>
  );
}
