// A labelled text input or textarea with an optional hint, a live character counter and
// its error, all tied to the control with `aria-describedby`.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n';
import { useSay } from './text';

export interface TextFieldProps {
  id: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error?: string;
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  /** Shows a counter against this maximum. */
  max?: number;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: JSX.HTMLAttributes<HTMLElement>['inputmode'];
}

export function TextField(props: TextFieldProps) {
  const { t } = useI18n();
  const say = useSay();
  const over = () => (props.max ? Math.max(0, props.value.trim().length - props.max) : 0);
  const describedBy = () =>
    [props.hint && `${props.id}-hint`, props.max && `${props.id}-count`, props.error && `${props.id}-error`]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = () => (props.error || over() > 0 ? ('true' as const) : undefined);
  const input = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    props.onInput(e.currentTarget.value);

  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          {' '}
          <span class="optional">{t('report.optional')}</span>
        </Show>
      </label>
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
      <Show
        when={props.multiline}
        fallback={
          <input
            id={props.id}
            name={props.id}
            aria-invalid={invalid()}
            aria-describedby={describedBy()}
            onInput={input}
            type={props.type ?? 'text'}
            value={props.value}
            autocomplete={props.autocomplete}
            inputmode={props.inputmode}
          />
        }
      >
        <textarea
          id={props.id}
          name={props.id}
          aria-invalid={invalid()}
          aria-describedby={describedBy()}
          onInput={input}
          rows={8}
          value={props.value}
        />
      </Show>
      <Show when={props.max}>
        {(max) => (
          <p id={`${props.id}-count`} class="char-count" classList={{ over: over() > 0 }}>
            {over() > 0
              ? say({ key: 'report.count.over', params: { over: over(), max: max() } })
              : say({ key: 'report.count', params: { count: props.value.trim().length, max: max() } })}
          </p>
        )}
      </Show>
    </div>
  );
}
