// A labelled text input or textarea with an optional hint, a live character counter and
// its error, all tied to the control with `aria-describedby`.
import { Show } from 'solid-js';
import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n';
import { describedBy, Field } from '../Field';
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
  const described = () => describedBy(props.id, { hint: props.hint, count: props.max, error: props.error });
  const invalid = () => (props.error || over() > 0 ? ('true' as const) : undefined);
  const input = (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
    props.onInput(e.currentTarget.value);

  return (
    <Field
      class="field"
      id={props.id}
      label={
        <>
          {props.label}
          <Show when={props.optional}>
            {' '}
            <span class="optional">{t('report.optional')}</span>
          </Show>
        </>
      }
      hint={props.hint}
      error={props.error}
    >
      <Show
        when={props.multiline}
        fallback={
          <input
            id={props.id}
            name={props.id}
            aria-invalid={invalid()}
            aria-describedby={described()}
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
          aria-describedby={described()}
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
    </Field>
  );
}
