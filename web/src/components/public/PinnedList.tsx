// The complaints on the map as plain links: the way to them for keyboard and screen-reader
// users, and the fallback when the map itself cannot load.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { FeedItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';

export function PinnedList(props: { items: FeedItem[] }) {
  const { t } = useI18n();
  return (
    <Show when={props.items.length > 0}>
      <details class="pinned-list">
        <summary>{t('map.list', { count: String(props.items.length) })}</summary>
        <ul>
          <For each={props.items}>
            {(item) => (
              <li>
                <A href={`/lacak/${item.code}`}>{item.title}</A> ({t(`status.${item.status}`)})
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  );
}
