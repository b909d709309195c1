// The queue as a list of buttons, one per complaint, oldest first. Only the selected one is
// in the tab order; j/k and the arrow keys move between them (ModerationDesk).
import { For, Show } from 'solid-js';
import type { ModerationItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { categoryGlyph } from '../public/format';
import { ageText, isOverdue } from './format';
import './QueueList.css';

export const queueItemId = (code: string) => `queue-${code}`;

export interface QueueListProps {
  items: ModerationItem[];
  selected: string | null;
  now: number;
  onSelect: (code: string) => void;
}

export function QueueList(props: QueueListProps) {
  const { t, lang, pick } = useI18n();
  return (
    <ol class="queue-list" aria-label={t('desk.queue')}>
      <For each={props.items}>
        {(item) => {
          const overdue = () => isOverdue(item, props.now);
          const current = () => item.code === props.selected;
          return (
            <li>
              <button
                type="button"
                id={queueItemId(item.code)}
                class="queue-item"
                classList={{ overdue: overdue(), returned: !!item.returned }}
                aria-current={current() ? 'true' : undefined}
                tabindex={current() ? 0 : -1}
                onClick={() => props.onSelect(item.code)}
              >
                <span class="queue-title">{item.title}</span>
                <span class="queue-meta">
                  <span>{item.code}</span>
                  <time datetime={item.submittedAt}>{ageText(item.submittedAt, props.now, lang())}</time>
                  <Show when={overdue()}>
                    <strong class="tag tag-overdue">{t('desk.overdue')}</strong>
                  </Show>
                </span>
                <span class="queue-meta">
                  <span>
                    {categoryGlyph(item.category.icon) ?? ''} {pick(item.category.name)}
                  </span>
                  <span>{item.place.regency.name}</span>
                  <Show when={item.photos.length}>
                    <span>
                      <span aria-hidden="true">📷</span>
                      <span class="visually-hidden">{t('track.photos')}:</span> {item.photos.length}
                    </span>
                  </Show>
                </span>
                <Show when={item.returned}>
                  {(returned) => (
                    <strong class="tag tag-returned">
                      {t(returned().agencyInactive ? 'desk.returnedInactive' : 'desk.returned', { agency: returned().agency?.shortName ?? returned().agency?.name ?? '' })}
                    </strong>
                  )}
                </Show>
              </button>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
