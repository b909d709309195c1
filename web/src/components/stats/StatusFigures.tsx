// The headline: how many complaints in the period, and how many stand at each status.
import { For } from 'solid-js';
import type { StatsResponse } from '../../../../worker/domain/api';
import { complaintStatuses } from '../../../../worker/domain/vocabulary';
import { useI18n } from '../../i18n';
import { formatCount } from './format';

export function StatusFigures(props: { stats: StatsResponse }) {
  const { t, lang } = useI18n();
  return (
    <section class="stats-figures" aria-labelledby="stats-total-label">
      <p class="stats-total">
        <span id="stats-total-label">{t('stats.total')}</span>
        <strong>{formatCount(props.stats.total, lang())}</strong>
      </p>
      <h2 class="visually-hidden">{t('stats.byStatus')}</h2>
      <dl class="stats-status-list">
        <For each={complaintStatuses}>
          {(status) => (
            <div class="stats-status">
              <dt>{t(`status.${status}`)}</dt>
              <dd>{formatCount(props.stats.byStatus[status] ?? 0, lang())}</dd>
            </div>
          )}
        </For>
      </dl>
    </section>
  );
}
