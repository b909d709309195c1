// Complaints agencies hold past due, most overdue first, as a list of buttons: how long past
// due, at which agency, and when a moderator last reminded it. Only the selected one is in the
// tab order; the arrow keys, Home and End move between them.
import { For, Show } from 'solid-js';
import type { OverdueItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { spanText } from '../agency/due';
import { StatusBadge } from '../public/StatusBadge';
import { ageText } from './format';
import './QueueList.css';

export const overdueItemId = (code: string) => `overdue-${code}`;

export interface OverdueListProps {
  items: OverdueItem[];
  selected: string | null;
  now: number;
  onSelect: (code: string) => void;
}

const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };

export function OverdueList(props: OverdueListProps) {
  const { t, lang } = useI18n();

  function onKeyDown(event: KeyboardEvent) {
    const step = steps[event.key];
    if (step === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    const index = props.items.findIndex((item) => item.code === props.selected);
    const next = props.items[Math.max(0, Math.min(props.items.length - 1, index + step))];
    if (next) props.onSelect(next.code);
  }

  return (
    <ol class="queue-list overdue-list" aria-label={t('desk.overdue.list')} onKeyDown={onKeyDown}>
      <For each={props.items}>
        {(item) => {
          const current = () => item.code === props.selected;
          return (
            <li>
              <button
                type="button"
                id={overdueItemId(item.code)}
                class="queue-item overdue"
                aria-current={current() ? 'true' : undefined}
                tabindex={current() ? 0 : -1}
                onClick={() => props.onSelect(item.code)}
              >
                <span class="queue-title">{item.title}</span>
                <span class="queue-meta">
                  <span>{item.code}</span>
                  <span>{item.agency.name}</span>
                </span>
                <span class="queue-meta">
                  <strong class="tag tag-overdue">
                    <time datetime={item.dueAt}>
                      {t('desk.overdue.by', { time: spanText(props.now - Date.parse(item.dueAt), lang()) })}
                    </time>
                  </strong>
                  <span class={`priority priority-${item.priority}`}>{t(`desk.priority.${item.priority}`)}</span>
                  <StatusBadge status={item.status} />
                </span>
                <Show when={item.remindedAt}>
                  {(at) => (
                    <span class="queue-meta">
                      <time datetime={at()}>{t('desk.overdue.reminded', { age: ageText(at(), props.now, lang()) })}</time>
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
