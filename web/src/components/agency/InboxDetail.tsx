// One complaint as staff read it (the agency's inbox, the moderators' overdue view): what,
// where, who (unless anonymous or confidential, for an agency), the photos and every step so
// far, internal notes included; then what the reader can do with it.
import { type JSX, Show } from 'solid-js';
import type { ComplaintView } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../public/StatusBadge';
import { categoryGlyph, formatDateTime, placeText } from '../public/format';
import { FiledViaFacts } from '../staff/FiledViaFacts';
import { PhotoStrip } from '../staff/PhotoStrip';
import { AgencyActions, type AgencyPerform } from './AgencyActions';
import { InboxTimeline } from './InboxTimeline';
import '../staff/ItemDetails.css';
import './InboxDetail.css';

export const DETAIL_TITLE_ID = 'inbox-detail-title';

export interface InboxDetailProps {
  view: ComplaintView;
  /** Still with the user's agency: once returned or moved on, it is only to be read. */
  ours: boolean;
  changedElsewhere: boolean;
  perform: AgencyPerform;
  /** What else staff can do with it, in place of the agency's actions (the moderators' overdue list). */
  actions?: JSX.Element;
}

export function InboxDetail(props: InboxDetailProps) {
  const { t, lang, pick } = useI18n();
  const view = () => props.view;
  const reporter = () => {
    const who = view().reporter;
    // Hidden from agencies when the reporter asked to be anonymous or for confidentiality.
    if (!who) return view().anonymous ? t('feed.anonymous') : t('inbox.reporterConfidential');
    return [who.name, who.phone, who.email].filter(Boolean).join(' · ') || t('track.reporterEmpty');
  };

  return (
    <article class="inbox-detail" aria-labelledby={DETAIL_TITLE_ID}>
      <header class="item-header">
        <h2 id={DETAIL_TITLE_ID} tabindex="-1">
          {view().title}
        </h2>
        <p class="item-tags">
          <span class="item-code">{view().code}</span>
          <StatusBadge status={view().status} />
          <span class={`priority priority-${view().priority}`}>{t(`desk.priority.${view().priority}`)}</span>
          <Show when={view().confidential}>
            <span class="tag">{t('desk.confidential')}</span>
          </Show>
        </p>
      </header>
      <Show when={props.changedElsewhere}>
        <p role="alert" class="desk-conflict">
          {t('desk.conflict')}
        </p>
      </Show>
      <dl class="item-facts">
        <dt>{t('track.category')}</dt>
        <dd>
          {categoryGlyph(view().category.icon) ?? ''} {pick(view().category.name)}
        </dd>
        <dt>{t('track.place')}</dt>
        <dd>{placeText(view().place, t)}</dd>
        <Show when={view().address}>
          <dt>{t('track.address')}</dt>
          <dd>{view().address}</dd>
        </Show>
        <dt>{t('track.submittedAt')}</dt>
        <dd>{formatDateTime(view().submittedAt, lang())}</dd>
        <dt>{t('track.reporter')}</dt>
        <dd>{reporter()}</dd>
        <FiledViaFacts filedVia={view().filedVia} />
      </dl>
      <p class="item-description">{view().description}</p>
      <Show when={view().photos.length > 0}>
        <PhotoStrip photos={view().photos} />
      </Show>
      <Show when={props.ours && view().code} keyed>
        {(_code) => <AgencyActions view={view()} perform={props.perform} />}
      </Show>
      {props.actions}
      <h3>{t('track.timeline.title')}</h3>
      <InboxTimeline events={view().events} />
    </article>
  );
}
