// A new password: typed by the admin or generated here. A generated one is shown in the
// field at once, so the admin can read it; the page shows it once more after saving.
import { createSignal } from 'solid-js';
import { useI18n } from '../../i18n';
import { generatePassword, PASSWORD_MIN } from './accountRules';
import { describedBy, Field } from '../Field';

export interface PasswordFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
}

export function PasswordField(props: PasswordFieldProps) {
  const { t } = useI18n();
  const [visible, setVisible] = createSignal(false);
  const hint = () => t('admin.password.hint', { min: String(PASSWORD_MIN) });
  const generate = () => {
    props.onInput(generatePassword());
    setVisible(true);
  };
  return (
    <Field class="admin-field" id={props.id} label={props.label} hint={hint()} error={props.error}>
      <div class="admin-password">
        <input
          id={props.id}
          type={visible() ? 'text' : 'password'}
          autocomplete="new-password"
          autocapitalize="none"
          spellcheck={false}
          value={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.id, { hint: true, error: props.error })}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
        <button type="button" aria-pressed={visible()} onClick={() => setVisible(!visible())}>
          {t('admin.password.show')}
        </button>
      </div>
      <button type="button" class="admin-generate" onClick={generate}>
        {t('admin.password.generate')}
      </button>
    </Field>
  );
}
