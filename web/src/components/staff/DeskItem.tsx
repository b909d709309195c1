// The selected complaint at the desk: what it says, a warning when someone else changed it,
// and the decision forms (which need the agencies and categories of /api/meta).
import { Show } from 'solid-js';
import type { ModerationItem } from '../../../../worker/domain/api';
import { useMeta } from '../../api/meta';
import { useI18n } from '../../i18n';
import { errorMessageKey } from '../../i18n/messages';
import type { DeskActionKind, Perform } from './actions';
import { DeskActions } from './DeskActions';
import { ITEM_TITLE_ID, ItemDetails } from './ItemDetails';

export interface DeskItemProps {
  item: ModerationItem;
  now: number;
  /** Someone else changed it since it was loaded: what is shown is their version. */
  changedElsewhere: boolean;
  action: DeskActionKind;
  onAction: (kind: DeskActionKind) => void;
  perform: Perform;
}

export function DeskItem(props: DeskItemProps) {
  const { t } = useI18n();
  const { meta, reload } = useMeta();
  return (
    <article class="desk-item" aria-labelledby={ITEM_TITLE_ID}>
      <Show when={props.item.code} keyed>
        {(_code) => <ItemDetails item={props.item} now={props.now} />}
      </Show>
      <Show when={props.changedElsewhere}>
        <p role="alert" class="desk-conflict">
          {t('desk.conflict')}
        </p>
      </Show>
      <Show
        when={meta.state === 'ready' && meta()}
        fallback={
          <Show when={meta.state === 'errored'}>
            <p role="alert">{t(errorMessageKey(meta.error))}</p>
            <button type="button" onClick={reload}>
              {t('error.retry')}
            </button>
          </Show>
        }
      >
        {(loaded) => (
          // A new version (corrected, or changed by someone else) starts the forms afresh.
          <Show when={`${props.item.code}@${props.item.version}`} keyed>
            {(_version) => (
              <DeskActions
                item={props.item}
                meta={loaded()}
                action={props.action}
                onAction={props.onAction}
                perform={props.perform}
              />
            )}
          </Show>
        )}
      </Show>
    </article>
  );
}
