// The foot of each admin form and in-row panel: why the last attempt failed, the panel's own
// button (given as children) and Cancel.
import { Show, type JSX } from 'solid-js';
import { useI18n, type MessageKey } from '../../i18n';

export interface PanelActionsProps {
  error?: MessageKey;
  onCancel: () => void;
  children: JSX.Element;
}

/** Why the last attempt failed, as an alert; nothing while there is no error. */
export function FormError(props: { error?: MessageKey }) {
  const { t } = useI18n();
  return (
    <Show when={props.error}>
      {(key) => (
        <p class="form-error" role="alert">
          {t(key())}
        </p>
      )}
    </Show>
  );
}

export function PanelActions(props: PanelActionsProps) {
  const { t } = useI18n();
  return (
    <>
      <FormError error={props.error} />
      <div class="admin-buttons">
        {props.children}
        <button type="button" onClick={() => props.onCancel()}>
          {t('admin.cancel')}
        </button>
      </div>
    </>
  );
}
