// One complaint as its tracking page shows it: what, where, who handles it, and when.
import { Show } from 'solid-js';
import type { ComplaintView } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { categoryGlyph, formatDateTime, placeText } from './format';
import { StatusBadge } from './StatusBadge';

export function ComplaintHeader(props: { complaint: ComplaintView }) {
  const { t } = useI18n();
  return (
    <header class="complaint-header">
      <p class="complaint-code">
        {t('track.codeLabel')} <strong>{props.complaint.code}</strong>
      </p>
      <h1 id="complaint-title">{props.complaint.textWithheld ? t('track.withheld.title') : props.complaint.title}</h1>
      <div class="complaint-status">
        <StatusBadge status={props.complaint.status} />
        <p>{t(`track.statusHelp.${props.complaint.status}`)}</p>
      </div>
    </header>
  );
}

export function ComplaintFacts(props: { complaint: ComplaintView }) {
  const { t, pick, lang } = useI18n();
  const c = () => props.complaint;
  return (
    <dl class="complaint-facts">
      <dt>{t('track.category')}</dt>
      <dd>
        <Show when={categoryGlyph(c().category.icon)}>
          {(glyph) => <span aria-hidden="true">{glyph()} </span>}
        </Show>
        {pick(c().category.name)}
      </dd>
      <dt>{t('track.place')}</dt>
      <dd>{placeText(c().place, t)}</dd>
      <Show when={c().address}>
        {(address) => (
          <>
            <dt>{t('track.address')}</dt>
            <dd>{address()}</dd>
          </>
        )}
      </Show>
      <dt>{t('track.agency')}</dt>
      <dd>{c().agency?.name ?? t('track.noAgency')}</dd>
      <dt>{t('track.submittedAt')}</dt>
      <dd>
        <time datetime={c().submittedAt}>{formatDateTime(c().submittedAt, lang())}</time>
      </dd>
      <dt>{t('track.updatedAt')}</dt>
      <dd>
        <time datetime={c().updatedAt}>{formatDateTime(c().updatedAt, lang())}</time>
      </dd>
      <Show when={!c().viewerIsReporter}>
        <dt>{t('track.reporter')}</dt>
        <dd>{c().anonymous ? t('feed.anonymous') : t('feed.citizen')}</dd>
      </Show>
    </dl>
  );
}

/** The reporter's own details: only in the view the tracking token unlocks. */
export function ReporterDetails(props: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const reporter = () => props.complaint.reporter;
  const value = (text: string | null | undefined) => text || t('track.reporterEmpty');
  return (
    <section class="reporter-details" aria-labelledby="reporter-title">
      <h2 id="reporter-title">{t('track.reporterTitle')}</h2>
      <p>{t('track.reporterPrivate')}</p>
      <dl class="complaint-facts">
        <dt>{t('track.reporterName')}</dt>
        <dd>{value(reporter()?.name)}</dd>
        <dt>{t('track.reporterPhone')}</dt>
        <dd>{value(reporter()?.phone)}</dd>
        <dt>{t('track.reporterEmail')}</dt>
        <dd>{value(reporter()?.email)}</dd>
      </dl>
      <Show when={props.complaint.anonymous || props.complaint.confidential}>
        <ul class="complaint-flags">
          <Show when={props.complaint.anonymous}>
            <li>{t('track.flagAnonymous')}</li>
          </Show>
          <Show when={props.complaint.confidential}>
            <li>{t('track.flagConfidential')}</li>
          </Show>
        </ul>
      </Show>
    </section>
  );
}
