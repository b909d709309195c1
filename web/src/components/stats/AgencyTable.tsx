// Every agency's record in the period, sortable by any column; missing figures sort last.
import { createMemo, createSignal, For, type JSX } from 'solid-js';
import type { AgencyStats } from '../../../../worker/domain/api';
import { useI18n, type MessageKey } from '../../i18n';
import { agencyLabel } from './AgencyBars';
import { formatCount, formatHours, formatRating, formatShare } from './format';

type Lang = ReturnType<ReturnType<typeof useI18n>['lang']>;

interface Column {
  key: MessageKey;
  value: (a: AgencyStats) => number | string | null;
  cell: (a: AgencyStats, lang: Lang) => string;
}

const num = (n: number | null, write: (n: number, lang: Lang) => string, lang: Lang) =>
  n === null ? '–' : write(n, lang);

const columns: Column[] = [
  { key: 'stats.agency', value: (a) => agencyLabel(a).toLocaleLowerCase(), cell: (a) => agencyLabel(a) },
  { key: 'stats.received', value: (a) => a.received, cell: (a, l) => formatCount(a.received, l) },
  { key: 'stats.withinTarget', value: (a) => a.answeredWithinTarget, cell: (a, l) => num(a.answeredWithinTarget, formatShare, l) },
  { key: 'stats.firstResponse', value: (a) => a.medianFirstResponseHours, cell: (a, l) => num(a.medianFirstResponseHours, formatHours, l) },
  { key: 'stats.resolution', value: (a) => a.medianResolutionHours, cell: (a, l) => num(a.medianResolutionHours, formatHours, l) },
  { key: 'stats.resolved', value: (a) => a.resolvedShare, cell: (a, l) => num(a.resolvedShare, formatShare, l) },
  {
    key: 'stats.rating',
    value: (a) => a.averageRating,
    cell: (a, l) => (a.averageRating === null ? '–' : `${formatRating(a.averageRating, l)} (${formatCount(a.ratings, l)})`),
  },
  { key: 'stats.overdue', value: (a) => a.overdueNow, cell: (a, l) => formatCount(a.overdueNow, l) },
];

export function AgencyTable(props: { agencies: AgencyStats[] }) {
  const { t, lang } = useI18n();
  // Unsorted is the API's order: most received first.
  const [sort, setSort] = createSignal<{ column: number; descending: boolean } | null>(null);
  const rows = createMemo(() => {
    const by = sort();
    if (!by) return props.agencies;
    const value = columns[by.column]!.value;
    return [...props.agencies].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = x < y ? -1 : x > y ? 1 : 0;
      return by.descending ? -order : order;
    });
  });
  const sortBy = (column: number) => {
    const now = sort();
    // Names start A to Z; figures start with the largest.
    setSort({ column, descending: now?.column === column ? !now.descending : column !== 0 });
  };
  const ariaSort = (column: number): JSX.AriaAttributes['aria-sort'] => {
    const now = sort();
    if (now?.column !== column) return undefined;
    return now.descending ? 'descending' : 'ascending';
  };

  return (
    <div class="stats-scroll" role="region" aria-labelledby="stats-agency-caption" tabindex="0">
      <table class="stats-table stats-agency-table">
        <caption id="stats-agency-caption">{t('stats.agencies')}</caption>
        <thead>
          <tr>
            <For each={columns}>
              {(column, i) => (
                <th scope="col" aria-sort={ariaSort(i())}>
                  <button type="button" class="stats-sort" onClick={() => sortBy(i())}>
                    {t(column.key)}
                  </button>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(a) => (
              <tr>
                <For each={columns}>
                  {(column, i) =>
                    i() === 0 ? (
                      <th scope="row" title={a.agency.name}>
                        {column.cell(a, lang())}
                      </th>
                    ) : (
                      <td>{column.cell(a, lang())}</td>
                    )
                  }
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
