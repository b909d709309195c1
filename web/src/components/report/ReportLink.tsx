// "Buat pengaduan": the way to the complaint form, in the header and on the home page.
import { A } from '@solidjs/router';
import { useI18n } from '../../i18n';
import './ReportLink.css';

export function ReportLink(props: { variant: 'nav' | 'cta' }) {
  const { t } = useI18n();
  return (
    <A href="/lapor" class={`report-link report-link-${props.variant}`}>
      {props.variant === 'cta' ? t('report.cta') : t('report.nav')}
    </A>
  );
}
