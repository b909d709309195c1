// `/statistik`: the public dashboard. How many complaints came in over a period, where from,
// and how each agency answers against its targets. The period lives in the address.
import { useSearchParams } from '@solidjs/router';
import { createMemo, createResource, Match, Show, Switch } from 'solid-js';
import type { StatsResponse } from '../../../worker/domain/api';
import { ApiError } from '../api/client';
import { getStats } from '../api/stats';
import { LoadError } from '../components/LoadError';
import { AgencyBars } from '../components/stats/AgencyBars';
import { AgencyTable } from '../components/stats/AgencyTable';
import { CountTable } from '../components/stats/CountTable';
import { choiceFromSearch, choiceKey, periodOf, searchForChoice } from '../components/stats/period';
import { PeriodPicker } from '../components/stats/PeriodPicker';
import { StatusFigures } from '../components/stats/StatusFigures';
import { WeeklyChart } from '../components/stats/WeeklyChart';
import { everyWeek } from '../components/stats/weeks';
import { formatDate, formatDateTime } from '../components/public/format';
import { useI18n, usePageTitle, type MessageKey } from '../i18n';
import { errorMessageKey } from '../i18n/messages';
import './Stats.css';

const failureKey = (error: unknown): MessageKey =>
  error instanceof ApiError && error.code === 'validation_failed' ? 'stats.badPeriod' : errorMessageKey(error);

function StatsFigures(props: { stats: StatsResponse }) {
  const { t, lang, pick } = useI18n();
  const s = () => props.stats;
  return (
    <>
      <StatusFigures stats={s()} />
      <WeeklyChart weeks={everyWeek(s().weekly, s().from, s().to)} />
      <section class="stats-agencies" aria-labelledby="stats-agencies-title">
        <h2 id="stats-agencies-title">{t('stats.agencies')}</h2>
        <Show when={s().agencies.length > 0} fallback={<p>{t('stats.noAgencies')}</p>}>
          <AgencyBars agencies={s().agencies} />
          <AgencyTable agencies={s().agencies} />
        </Show>
      </section>
      <div class="stats-breakdowns">
        <CountTable
          id="stats-regency-caption"
          caption={t('stats.regency')}
          nameHeader={t('stats.regency')}
          rows={s().byRegency.map((r) => ({ key: r.code, name: r.name, count: r.count }))}
          total={s().total}
        />
        <CountTable
          id="stats-category-caption"
          caption={t('stats.category')}
          nameHeader={t('stats.category')}
          rows={s().byCategory.map((c) => ({ key: c.slug, name: pick(c.name), count: c.count }))}
          total={s().total}
        />
      </div>
      <p class="stats-computed">{t('stats.computedAt', { time: formatDateTime(s().computedAt, lang()) })}</p>
    </>
  );
}

export default function Stats() {
  const { t, lang } = useI18n();
  usePageTitle('stats.pageTitle');
  const [search, setSearch] = useSearchParams();
  const choice = createMemo(() => choiceFromSearch(search), undefined, {
    equals: (a, b) => choiceKey(a) === choiceKey(b),
  });
  const period = createMemo(() => periodOf(choice()));
  const [stats, { refetch }] = createResource(period, getStats);
  const rangeText = () =>
    t('stats.range', { from: formatDate(period().from, lang()), to: formatDate(period().to, lang()) });

  return (
    <section class="stats" aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>
      <PeriodPicker
        choice={choice()}
        period={period()}
        onChoose={(next) => setSearch(searchForChoice(next), { replace: true })}
      />
      <p class="stats-range">{rangeText()}</p>
      <Switch>
        <Match when={stats.state === 'errored'}>
          <LoadError message={`${t('stats.error')} ${t(failureKey(stats.error))}`} onRetry={() => void refetch()} />
        </Match>
        <Match when={stats.latest === undefined}>
          <p role="status">{t('stats.loading')}</p>
        </Match>
        <Match when={stats.latest!.total === 0}>
          <p class="stats-empty" role="status">
            {t('stats.empty', { period: rangeText() })}
          </p>
        </Match>
        <Match when={stats.latest}>
          {(latest) => (
            <div class="stats-body" aria-busy={stats.loading}>
              <StatsFigures stats={latest()} />
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
}
