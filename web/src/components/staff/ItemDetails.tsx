// What a moderator reads before deciding: the complaint, who sent it, why an agency sent it
// back, and side by side the routing suggestion and the possible duplicates.
import { For, Show } from 'solid-js';
import type { ModerationItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../public/StatusBadge';
import { categoryGlyph, formatDateTime, placeText } from '../public/format';
import { ageText, isOverdue, unitText } from './format';
import { FiledViaFacts } from './FiledViaFacts';
import { PhotoStrip } from './PhotoStrip';
import './ItemDetails.css';

export const ITEM_TITLE_ID = 'desk-item-title';

export function ItemDetails(props: { item: ModerationItem; now: number }) {
  const { t, lang, pick } = useI18n();
  const item = () => props.item;
  const reporter = () =>
    [item().reporter.name, item().reporter.phone, item().reporter.email].filter(Boolean).join(' · ') ||
    t('track.reporterEmpty');

  return (
    <>
      <header class="item-header">
        <h2 id={ITEM_TITLE_ID} tabindex="-1">
          {item().title}
        </h2>
        <p class="item-tags">
          <span class="item-code">{item().code}</span>
          <time datetime={item().submittedAt}>{ageText(item().submittedAt, props.now, lang())}</time>
          <Show when={isOverdue(item(), props.now)}>
            <strong class="tag tag-overdue">{t('desk.overdue')}</strong>
          </Show>
          <Show when={item().anonymous}>
            <span class="tag">{t('feed.anonymous')}</span>
          </Show>
          <Show when={item().confidential}>
            <span class="tag">{t('desk.confidential')}</span>
          </Show>
        </p>
      </header>

      <Show when={item().returned}>
        {(returned) => (
          <div class="returned-note">
            <p>
              <strong>
                {t(returned().agencyInactive ? 'desk.returnedInactive' : 'desk.returned', { agency: returned().agency?.name ?? '' })}
              </strong>{' '}
              <time datetime={returned().at}>{ageText(returned().at, props.now, lang())}</time>
            </p>
            <Show when={returned().reason}>{(reason) => <p class="quoted">{reason()}</p>}</Show>
          </div>
        )}
      </Show>

      <dl class="item-facts">
        <dt>{t('track.category')}</dt>
        <dd>
          {categoryGlyph(item().category.icon) ?? ''} {pick(item().category.name)}
        </dd>
        <dt>{t('track.place')}</dt>
        <dd>{placeText(item().place, t)}</dd>
        <Show when={item().address}>
          <dt>{t('track.address')}</dt>
          <dd>{item().address}</dd>
        </Show>
        <dt>{t('track.submittedAt')}</dt>
        <dd>{formatDateTime(item().submittedAt, lang())}</dd>
        <dt>{t('track.reporter')}</dt>
        <dd>{reporter()}</dd>
        <FiledViaFacts filedVia={item().filedVia} />
      </dl>

      <p class="item-description">{item().description}</p>

      <Show when={item().photos.length > 0}>
        <PhotoStrip photos={item().photos} />
      </Show>

      <div class="item-aside">
        <section aria-labelledby="suggestion-title">
          <h3 id="suggestion-title">{t('desk.suggestion')}</h3>
          <p>{item().suggestedAgency?.name ?? t('desk.none')}</p>
        </section>
        <section aria-labelledby="duplicates-title">
          <h3 id="duplicates-title">{t('desk.duplicates')}</h3>
          <Show when={item().duplicateCandidates.length > 0} fallback={<p>{t('desk.none')}</p>}>
            <ul class="candidates">
              <For each={item().duplicateCandidates}>
                {(candidate) => (
                  <li>
                    <a href={`/lacak/${candidate.code}`} target="_blank" rel="noopener">
                      {candidate.code}
                    </a>{' '}
                    {candidate.title} <StatusBadge status={candidate.status} />
                    <span class="candidate-facts">
                      {[
                        t('desk.similar', { n: String(Math.round(candidate.similarity * 100)) }),
                        candidate.sameVillage ? t('desk.sameVillage') : '',
                        candidate.distanceM === null ? '' : unitText(candidate.distanceM, 'meter', lang()),
                        formatDateTime(candidate.submittedAt, lang()),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </div>
    </>
  );
}
