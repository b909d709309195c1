// Per agency, two bars: complaints received (against the busiest agency) and the share
// answered within target (against 100%). Each row says its numbers in words beside the bars.
import { For, Show } from 'solid-js';
import type { AgencyStats } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { formatCount, formatShare } from './format';

export const agencyLabel = (a: AgencyStats) => a.agency.shortName || a.agency.name;

const percent = (part: number) => `${(part * 100).toFixed(1)}%`;

export function AgencyBars(props: { agencies: AgencyStats[] }) {
  const { t, lang } = useI18n();
  const most = () => Math.max(1, ...props.agencies.map((a) => a.received));

  return (
    <figure class="stats-chart stats-agency-bars" aria-labelledby="stats-bars-title">
      <figcaption id="stats-bars-title">{t('stats.agencyBars')}</figcaption>
      <p class="stats-legend" aria-hidden="true">
        <span class="stats-key stats-key-received">{t('stats.received')}</span>
        <span class="stats-key stats-key-within">{t('stats.withinTarget')}</span>
      </p>
      <ul data-chart="agencies">
        <For each={props.agencies}>
          {(a) => (
            <li>
              <span class="stats-bar-name" title={a.agency.name}>
                {agencyLabel(a)}
              </span>
              <span class="stats-bar-words">
                {t('stats.agencyBar', {
                  received: formatCount(a.received, lang()),
                  within: a.answeredWithinTarget === null ? '–' : formatShare(a.answeredWithinTarget, lang()),
                })}
              </span>
              <svg class="stats-bar-plot" aria-hidden="true">
                <rect class="stats-bar-received" data-bar="received" y="0" height="10" width={percent(a.received / most())} />
                <Show when={a.answeredWithinTarget !== null}>
                  <rect class="stats-bar-within" data-bar="within" y="14" height="10" width={percent(a.answeredWithinTarget!)} />
                </Show>
              </svg>
            </li>
          )}
        </For>
      </ul>
    </figure>
  );
}
