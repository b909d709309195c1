// A labelled control with its hint and error; the control itself comes as children and
// names them with `describedBy`.
import { Show, type JSX } from 'solid-js';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: JSX.Element;
}

export const describedBy = (id: string, hint?: unknown, error?: unknown) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function Field(props: FieldProps) {
  return (
    <div class="admin-field" classList={{ invalid: !!props.error }}>
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
