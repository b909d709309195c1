// "Disable this account?": asked in the row itself before the account is switched off or on.
import { createSignal, onMount } from 'solid-js';
import type { StaffAccount } from '../../../../worker/domain/api';
import { setStaffDisabled } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { actionErrorKey } from './accountErrors';
import { PanelActions } from './PanelActions';

export interface ConfirmToggleProps {
  account: StaffAccount;
  onDone: (updated: StaffAccount) => void;
  onCancel: () => void;
}

export function ConfirmToggle(props: ConfirmToggleProps) {
  const { t } = useI18n();
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();
  // Fixed when asked: the question and its answer must not flip under the admin's finger.
  const disabling = !props.account.disabled;
  const questionId = `confirm-${props.account.username}`;
  let panel!: HTMLDivElement;
  onMount(() => panel.focus());

  async function confirm() {
    if (sending()) return;
    setSending(true);
    setError(undefined);
    try {
      props.onDone(await setStaffDisabled(props.account.username, disabling));
    } catch (failure) {
      const self = failure instanceof ApiError && failure.code === 'conflict' && disabling;
      setError(self ? 'admin.error.disableSelf' : actionErrorKey(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <div class="admin-panel" role="group" aria-labelledby={questionId} tabindex="-1" ref={panel}>
      <p id={questionId}>
        {t(disabling ? 'admin.disable.question' : 'admin.enable.question', {
          username: props.account.username,
        })}
      </p>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button
          type="button"
          classList={{ danger: disabling, primary: !disabling }}
          aria-disabled={sending()}
          onClick={() => void confirm()}
        >
          {t(disabling ? 'admin.disable.confirm' : 'admin.enable.confirm')}
        </button>
      </PanelActions>
    </div>
  );
}
