// How a caller proves who they are: the document's security schemes, each with where it goes
// (header or cookie, and its name) and what it is.
import { For } from 'solid-js';
import type { SecurityScheme } from '../../../../worker/openapi/types';
import { useI18n, type MessageKey } from '../../i18n';
import { Prose } from './Prose';
import { wordsIn } from './words';

/** The reader's name of each scheme, as the operations' access lines use it. */
export const accessKeys: Record<string, MessageKey> = {
  staffSession: 'apiDocs.access.staffSession',
  trackingToken: 'apiDocs.access.trackingToken',
};

export function Credentials(props: { schemes: Record<string, SecurityScheme> }) {
  const { t, lang } = useI18n();
  return (
    <section class="api-credentials" aria-labelledby="api-credentials-title">
      <h2 id="api-credentials-title">{t('apiDocs.credentials')}</h2>
      <dl class="api-responses">
        <For each={Object.entries(props.schemes)}>
          {([name, scheme]) => (
            <>
              <dt>
                <strong>{accessKeys[name] ? t(accessKeys[name]) : name}</strong> <span class="api-flag">{scheme.in}</span>{' '}
                <code class="api-name">{scheme.name}</code>
              </dt>
              <dd>
                <Prose text={wordsIn(lang(), scheme) ?? ''} />
              </dd>
            </>
          )}
        </For>
      </dl>
    </section>
  );
}
