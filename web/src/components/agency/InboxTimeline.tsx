// A complaint's steps as the agency sees them, oldest first: the public ones and the internal
// notes between the agency and the moderators, marked so nobody mistakes one for the other.
import { For, Show } from 'solid-js';
import type { TimelineEvent } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../public/format';
import { actorText, eventLabel, statusChangeText } from '../public/timelineWords';

/** Event types only staff see. */
const internalTypes = new Set(['note', 'returned', 'corrected']);

export function InboxTimeline(props: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  const ordered = () => [...props.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Show when={ordered().length > 0} fallback={<p>{t('track.timeline.empty')}</p>}>
      <ol class="timeline">
        <For each={ordered()}>
          {(event) => {
            const internal = internalTypes.has(event.type);
            return (
              <li class={`timeline-event event-${event.actor}`} classList={{ 'event-internal': internal }}>
                <p class="timeline-what">
                  <Show when={internal}>
                    <strong class="tag tag-internal">{t('inbox.internal')}</strong>{' '}
                  </Show>
                  <strong>{event.type === 'note' ? t('inbox.note') : eventLabel(event, t)}</strong>
                  <span class="timeline-who"> · {actorText(event, t)}</span>
                </p>
                <p class="timeline-when">
                  <time datetime={event.at}>{formatDateTime(event.at, lang())}</time>
                </p>
                <Show when={statusChangeText(event, t)}>{(text) => <p class="timeline-status">{text()}</p>}</Show>
                <Show when={event.body}>{(body) => <p class="timeline-body">{body()}</p>}</Show>
              </li>
            );
          }}
        </For>
      </ol>
    </Show>
  );
}
