// "Pengaduan saya": complaints remembered on this device. The links carry no token: the
// tracking page takes it from the device store.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n';
import { formatDate } from './format';
import { readMyComplaints } from './myComplaints';

export function MyComplaintsList() {
  const { t, lang } = useI18n();
  const mine = readMyComplaints();
  return (
    <section class="my-complaints" aria-labelledby="my-complaints-title">
      <h2 id="my-complaints-title">{t('track.mine.title')}</h2>
      <Show when={mine.length > 0} fallback={<p>{t('track.mine.empty')}</p>}>
        <p>{t('track.mine.intro')}</p>
        <ul>
          <For each={mine}>
            {(entry) => (
              <li>
                <A href={`/lacak/${entry.code}`}>{entry.title || entry.code}</A>
                <span class="my-complaint-meta">
                  {entry.code}
                  <Show when={entry.submittedAt}>
                    {(at) => (
                      <>
                        {' · '}
                        <time datetime={at()}>{formatDate(at(), lang())}</time>
                      </>
                    )}
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
