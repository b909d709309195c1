// One complaint in the public feed. The feed never names a reporter: "Anonim" or "Warga".
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { FeedItem } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';
import { categoryGlyph, formatDate, placeText } from './format';
import { StatusBadge } from './StatusBadge';

export function FeedCard(props: { item: FeedItem }) {
  const { t, pick, lang } = useI18n();
  const item = () => props.item;
  return (
    <article class="feed-card" aria-labelledby={`feed-${item().code}`}>
      <div class="feed-card-body">
        <h2 id={`feed-${item().code}`} class="feed-card-title">
          <A href={`/lacak/${item().code}`}>{item().title}</A>
        </h2>
        <StatusBadge status={item().status} />
        <p class="feed-card-excerpt">{item().excerpt}</p>
        <dl class="feed-card-facts">
          <dt>{t('feed.card.category')}</dt>
          <dd>
            <Show when={categoryGlyph(item().category.icon)}>
              {(glyph) => <span aria-hidden="true">{glyph()} </span>}
            </Show>
            {pick(item().category.name)}
          </dd>
          <dt>{t('feed.card.place')}</dt>
          <dd>{placeText(item().place, t)}</dd>
          <dt>{t('feed.card.agency')}</dt>
          <dd>{item().agency?.name ?? t('track.noAgency')}</dd>
          <dt>{t('feed.card.date')}</dt>
          <dd>
            <time datetime={item().submittedAt}>{formatDate(item().submittedAt, lang())}</time>
          </dd>
          <dt>{t('feed.card.reporter')}</dt>
          <dd>{item().anonymous ? t('feed.anonymous') : t('feed.citizen')}</dd>
        </dl>
      </div>
      <Show when={item().photo}>
        {(photo) => (
          <img
            class="feed-card-photo"
            src={photo().url}
            width={photo().width}
            height={photo().height}
            alt={t('feed.card.photoAlt', { count: String(item().photoCount) })}
            loading="lazy"
            decoding="async"
          />
        )}
      </Show>
    </article>
  );
}
