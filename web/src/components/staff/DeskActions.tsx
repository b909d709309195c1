// The decision area of one complaint: a button per action (with its key) and the form of
// the chosen one, forwarding first.
import { For, Match, Switch } from 'solid-js';
import type { MetaResponse, ModerationItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { actionKeys, deskActionKinds, type DeskActionKind, type Perform } from './actions';
import { CorrectForm } from './CorrectForm';
import { DuplicateForm } from './DuplicateForm';
import { ForwardForm } from './ForwardForm';
import { RejectForm } from './RejectForm';
import './DeskActions.css';

export interface DeskActionsProps {
  item: ModerationItem;
  meta: MetaResponse;
  action: DeskActionKind;
  onAction: (kind: DeskActionKind) => void;
  perform: Perform;
}

export function DeskActions(props: DeskActionsProps) {
  const { t } = useI18n();
  return (
    <section class="desk-actions" aria-label={t(`desk.${props.action}`)}>
      <div class="action-buttons">
        <For each={deskActionKinds}>
          {(kind) => (
            <button
              type="button"
              aria-pressed={props.action === kind}
              aria-keyshortcuts={actionKeys[kind]}
              onClick={() => props.onAction(kind)}
            >
              {t(`desk.${kind}`)} <kbd aria-hidden="true">{actionKeys[kind].toUpperCase()}</kbd>
            </button>
          )}
        </For>
      </div>
      <Switch>
        <Match when={props.action === 'forward'}>
          <ForwardForm item={props.item} meta={props.meta} perform={props.perform} />
        </Match>
        <Match when={props.action === 'reject'}>
          <RejectForm item={props.item} perform={props.perform} />
        </Match>
        <Match when={props.action === 'duplicate'}>
          <DuplicateForm item={props.item} perform={props.perform} />
        </Match>
        <Match when={props.action === 'correct'}>
          <CorrectForm item={props.item} meta={props.meta} perform={props.perform} />
        </Match>
      </Switch>
    </section>
  );
}
