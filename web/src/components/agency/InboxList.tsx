// The inbox as a list of buttons, newest activity first: new complaints marked, each with its
// status, priority and how far it is from its response target.
import { For, Show } from 'solid-js';
import type { InboxItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../public/StatusBadge';
import { categoryGlyph, formatDateTime } from '../public/format';
import { dueOf } from './due';

export const inboxItemId = (code: string) => `inbox-${code}`;

export function InboxList(props: { items: InboxItem[]; selected: string | null; now: number; onSelect: (code: string) => void }) {
  const { t, lang, pick } = useI18n();
  return (
    <ol class="inbox-list" aria-label={t('inbox.list')}>
      <For each={props.items}>
        {(item) => {
          const due = () => dueOf(item, props.now, t, lang());
          return (
            <li>
              <button
                type="button"
                id={inboxItemId(item.code)}
                class="inbox-item"
                classList={{ 'is-new': item.isNew, overdue: !!due()?.overdue }}
                aria-current={item.code === props.selected ? 'true' : undefined}
                onClick={() => props.onSelect(item.code)}
              >
                <span class="inbox-title">
                  <Show when={item.isNew}>
                    <strong class="tag tag-new">{t('inbox.new')}</strong>{' '}
                  </Show>
                  {item.title}
                </span>
                <span class="inbox-meta">
                  <span>{item.code}</span>
                  <StatusBadge status={item.status} />
                  <span class={`priority priority-${item.priority}`}>{t(`desk.priority.${item.priority}`)}</span>
                </span>
                <span class="inbox-meta">
                  <span>
                    {categoryGlyph(item.category.icon) ?? ''} {pick(item.category.name)}
                  </span>
                  <span>{item.place.regency.name}</span>
                </span>
                <Show when={due()}>
                  {(d) => (
                    <span class="inbox-due">
                      <time datetime={d().at}>{t('inbox.due', { time: formatDateTime(d().at, lang()) })}</time>{' '}
                      <strong classList={{ tag: true, 'tag-overdue': d().overdue }}>{d().text}</strong>
                    </span>
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
