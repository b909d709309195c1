// A complaint's status in words, with a colour that repeats (never replaces) the words.
import type { ComplaintStatus } from '../../../../worker/domain/vocabulary';
import { useI18n } from '../../i18n';
import './StatusBadge.css';

export function StatusBadge(props: { status: ComplaintStatus }) {
  const { t } = useI18n();
  return (
    <span class={`status-badge status-${props.status}`}>
      <span class="visually-hidden">{t('status.label')}: </span>
      {t(`status.${props.status}`)}
    </span>
  );
}
