// "Disable this account?": asked in the row itself before the account is switched off or on.
import type { StaffAccount } from '../../../../worker/domain/api';
import { setStaffDisabled } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { actionErrorKey } from './accountErrors';
import { ConfirmPanel } from './ConfirmPanel';

export interface ConfirmToggleProps {
  account: StaffAccount;
  onDone: (updated: StaffAccount) => void;
  onCancel: () => void;
}

export function ConfirmToggle(props: ConfirmToggleProps) {
  const { t } = useI18n();
  // Fixed when asked: the question and its answer must not flip under the admin's finger.
  const disabling = !props.account.disabled;
  return (
    <ConfirmPanel
      id={`confirm-${props.account.username}`}
      question={t(disabling ? 'admin.disable.question' : 'admin.enable.question', { username: props.account.username })}
      confirmLabel={t(disabling ? 'admin.disable.confirm' : 'admin.enable.confirm')}
      danger={disabling}
      action={() => setStaffDisabled(props.account.username, disabling)}
      errorOf={(failure) => {
        const self = failure instanceof ApiError && failure.code === 'conflict' && disabling;
        return self ? 'admin.error.disableSelf' : actionErrorKey(failure);
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    />
  );
}
