// A new password for someone else's account; saving it also signs that account out everywhere.
import { createSignal, onMount } from 'solid-js';
import { resetStaffPassword } from '../../api/admin';
import { useI18n, type MessageKey } from '../../i18n';
import { actionErrorKey, passwordError } from './accountErrors';
import { PanelActions } from './PanelActions';
import { PasswordField } from './PasswordField';

export interface ResetPasswordFormProps {
  username: string;
  onDone: (password: string) => void;
  onCancel: () => void;
}

export function ResetPasswordForm(props: ResetPasswordFormProps) {
  const { t } = useI18n();
  const id = `reset-${props.username}`;
  const [password, setPassword] = createSignal('');
  const [fieldError, setFieldError] = createSignal<MessageKey>();
  const [formError, setFormError] = createSignal<MessageKey>();
  const [sending, setSending] = createSignal(false);
  let input: HTMLInputElement | null = null;
  onMount(() => {
    input = document.getElementById(id) as HTMLInputElement | null;
    input?.focus();
  });

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setFormError(undefined);
    const tooShort = passwordError(password());
    setFieldError(tooShort);
    if (tooShort) return input?.focus();
    setSending(true);
    try {
      await resetStaffPassword(props.username, password());
      props.onDone(password());
    } catch (failure) {
      const key = actionErrorKey(failure);
      if (key === 'admin.error.invalid') {
        setFieldError('admin.error.passwordShort');
        input?.focus();
      } else {
        setFormError(key);
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <form class="admin-panel" aria-label={t('admin.reset.title', { username: props.username })} onSubmit={submit} novalidate>
      <PasswordField
        id={id}
        label={t('admin.reset.label')}
        value={password()}
        onInput={(value) => {
          setPassword(value);
          setFieldError(undefined);
        }}
        error={fieldError() && t(fieldError()!)}
      />
      <p class="hint">{t('admin.reset.effect')}</p>
      <PanelActions error={formError()} onCancel={props.onCancel}>
        <button type="submit" class="primary" aria-disabled={sending()}>
          {sending() ? t('admin.reset.sending') : t('admin.reset.submit')}
        </button>
      </PanelActions>
    </form>
  );
}
