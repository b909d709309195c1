// Complaints per week as a line: an SVG drawn here (no chart library), with the numbers
// in a table for screen readers and for anyone who would rather read them.
import { For, Show } from 'solid-js';
import type { StatsResponse } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { formatDate } from '../public/format';
import { formatCount } from './format';

type Week = StatsResponse['weekly'][number];

// The drawing's own units; the SVG stretches to its box, the stroke keeps its width.
const WIDTH = 600;
const HEIGHT = 160;

/** The line through every week's count, left to right; one week is a flat line. */
export function weeklyPath(weeks: Week[], max: number): string {
  const y = (count: number) => (HEIGHT - (count / max) * HEIGHT).toFixed(1);
  if (weeks.length === 1) return `M0 ${y(weeks[0]!.count)} H${WIDTH}`;
  const step = WIDTH / (weeks.length - 1);
  return weeks.map((w, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)} ${y(w.count)}`).join(' ');
}

export function WeeklyChart(props: { weeks: Week[] }) {
  const { t, lang } = useI18n();
  const max = () => Math.max(1, ...props.weeks.map((w) => w.count));
  const peak = () => props.weeks.reduce((best, w) => (w.count > best.count ? w : best), props.weeks[0]!);
  const date = (week: string) => formatDate(week, lang());
  const path = () => weeklyPath(props.weeks, max());

  return (
    <figure class="stats-chart stats-weekly" aria-labelledby="stats-weekly-title">
      <figcaption>
        <h2 id="stats-weekly-title">{t('stats.weekly')}</h2>
        <p>{t('stats.weeklyPeak', { count: formatCount(peak().count, lang()), week: date(peak().weekStart) })}</p>
      </figcaption>
      <div class="stats-weekly-plot" data-chart="weekly">
        <span class="stats-axis-max" aria-hidden="true">
          {formatCount(max(), lang())}
        </span>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
          <path class="stats-weekly-area" d={`${path()} V${HEIGHT} H0 Z`} />
          <path class="stats-weekly-line" d={path()} vector-effect="non-scaling-stroke" />
        </svg>
        <div class="stats-axis-x" aria-hidden="true">
          <span>{date(props.weeks[0]!.weekStart)}</span>
          <Show when={props.weeks.length > 1}>
            <span>{date(props.weeks[props.weeks.length - 1]!.weekStart)}</span>
          </Show>
        </div>
      </div>
      <table class="visually-hidden">
        <caption>{t('stats.weekly')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.week')}</th>
            <th scope="col">{t('stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.weeks}>
            {(week) => (
              <tr>
                <th scope="row">{date(week.weekStart)}</th>
                <td>{formatCount(week.count, lang())}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}
