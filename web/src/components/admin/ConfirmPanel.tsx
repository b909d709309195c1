// A question asked in the row itself before an action that is hard to undo (disabling an
// account, revoking a key). Focus moves to it; the answer runs the action once.
import { createSignal, onMount } from 'solid-js';
import type { MessageKey } from '../../i18n';
import { PanelActions } from './PanelActions';

export interface ConfirmPanelProps<T> {
  id: string;
  question: string;
  confirmLabel: string;
  /** Styles the confirm button as destructive rather than primary. */
  danger: boolean;
  action: () => Promise<T>;
  /** Why the action failed, in the admin's words. */
  errorOf: (failure: unknown) => MessageKey;
  onDone: (result: T) => void;
  onCancel: () => void;
}

export function ConfirmPanel<T>(props: ConfirmPanelProps<T>) {
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<MessageKey>();
  let panel!: HTMLDivElement;
  onMount(() => panel.focus());

  async function confirm() {
    if (sending()) return;
    setSending(true);
    setError(undefined);
    try {
      props.onDone(await props.action());
    } catch (failure) {
      setError(props.errorOf(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <div class="admin-panel" role="group" aria-labelledby={props.id} tabindex="-1" ref={panel}>
      <p id={props.id}>{props.question}</p>
      <PanelActions error={error()} onCancel={props.onCancel}>
        <button type="button" classList={{ danger: props.danger, primary: !props.danger }} aria-disabled={sending()} onClick={() => void confirm()}>
          {props.confirmLabel}
        </button>
      </PanelActions>
    </div>
  );
}
