// For staff only: which app filed the complaint through Open311, and the media link it sent.
// The link is someone else's, never checked: shown as its text, a plain link that opens in
// a new tab and takes nothing of ours along (no opener, no referrer), and only for http(s).
import { Show } from 'solid-js';
import type { FiledVia } from '../../../../worker/domain/api';
import { useI18n } from '../../i18n';

const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** `<dt>`/`<dd>` pairs for the complaint's facts list; nothing when filed through our own client. */
export function FiledViaFacts(props: { filedVia: FiledVia | null }) {
  const { t } = useI18n();
  return (
    <Show when={props.filedVia}>
      {(via) => (
        <>
          <dt>{t('staff.filedVia')}</dt>
          <dd>{via().apiKey}</dd>
          <Show when={via().mediaUrl}>
            {(url) => (
              <>
                <dt>{t('staff.mediaUrl')}</dt>
                <dd>
                  <Show when={isWebLink(url())} fallback={url()}>
                    <a href={url()} target="_blank" rel="noopener noreferrer nofollow" class="media-link">
                      {url()}
                    </a>
                  </Show>
                  <small class="media-link-note">{t('staff.mediaUrlNote')}</small>
                </dd>
              </>
            )}
          </Show>
        </>
      )}
    </Show>
  );
}
