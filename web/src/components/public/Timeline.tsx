// The public steps of a complaint, oldest first, so the story (and the reporter's newest
// comment, added under the list) reads top to bottom.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { TimelineEvent } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { formatDateTime } from './format';
import { actorText, duplicateOfCode, eventLabel, rejectionReasonText, statusChangeText } from './timelineWords';

export function Timeline(props: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  const ordered = () => [...props.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return (
    <Show when={ordered().length > 0} fallback={<p>{t('track.timeline.empty')}</p>}>
      <ol class="timeline">
        <For each={ordered()}>
          {(event) => (
            <li class={`timeline-event event-${event.actor}`}>
              <p class="timeline-what">
                <strong>{eventLabel(event, t)}</strong>
                <span class="timeline-who"> · {actorText(event, t)}</span>
              </p>
              <p class="timeline-when">
                <time datetime={event.at}>{formatDateTime(event.at, lang())}</time>
              </p>
              <Show when={statusChangeText(event, t)}>
                {(text) => <p class="timeline-status">{text()}</p>}
              </Show>
              <Show when={rejectionReasonText(event, t)}>{(text) => <p class="timeline-reason">{text()}</p>}</Show>
              <Show when={event.body}>{(body) => <p class="timeline-body">{body()}</p>}</Show>
              <Show when={duplicateOfCode(event)}>
                {(code) => (
                  <p class="timeline-duplicate">
                    <A href={`/lacak/${code()}`}>{t('track.duplicateOf', { code: code() })}</A>
                  </p>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
