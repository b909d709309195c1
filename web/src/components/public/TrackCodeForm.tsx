// "Lacak pengaduan": type a code, go to its tracking page. Forgiving about how it is typed.
import { useNavigate } from '@solidjs/router';
import { createSignal, createUniqueId, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { normaliseComplaintCode } from '../../../../worker/domain/complaint-code';

export function TrackCodeForm(props: { initial?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [value, setValue] = createSignal(props.initial ?? '');
  const [invalid, setInvalid] = createSignal(false);
  let input!: HTMLInputElement;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const code = normaliseComplaintCode(value());
    setInvalid(!code);
    if (!code) {
      input.focus();
      return;
    }
    navigate(`/lacak/${code}`);
  };

  return (
    <form
      class="track-form"
      role="search"
      aria-label={t('track.form.title')}
      onSubmit={submit}
      novalidate
    >
      <label for={`${id}-code`}>{t('track.form.label')}</label>
      <p id={`${id}-hint`} class="field-hint">
        {t('track.form.hint')}
      </p>
      <div class="track-form-row">
        <input
          ref={input}
          id={`${id}-code`}
          name="code"
          type="text"
          value={value()}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-invalid={invalid()}
          aria-describedby={invalid() ? `${id}-hint ${id}-error` : `${id}-hint`}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit">{t('track.form.submit')}</button>
      </div>
      <Show when={invalid()}>
        <p id={`${id}-error`} class="form-error" role="alert">
          {t('track.form.invalid')}
        </p>
      </Show>
    </form>
  );
}
