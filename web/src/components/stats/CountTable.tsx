// Complaints by regency or by category: a name, a count and its share of the period's total.
import { For } from 'solid-js';
import { useI18n } from '../../i18n';
import { formatCount, formatShare } from './format';

export interface CountRow {
  key: string;
  name: string;
  count: number;
}

export function CountTable(props: { id: string; caption: string; nameHeader: string; rows: CountRow[]; total: number }) {
  const { t, lang } = useI18n();
  return (
    <div class="stats-scroll" role="region" aria-labelledby={props.id} tabindex="0">
      <table class="stats-table">
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.nameHeader}</th>
            <th scope="col">{t('stats.count')}</th>
            <th scope="col">{t('stats.share')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.name}</th>
                <td>{formatCount(row.count, lang())}</td>
                <td>{props.total > 0 ? formatShare(row.count / props.total, lang()) : '–'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
