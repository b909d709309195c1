import { A } from '@solidjs/router';
import { usePageTitle, useI18n } from '../i18n';

export default function NotFound() {
  const { t } = useI18n();
  usePageTitle('title.notFound');
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <A href="/">{t('notFound.home')}</A>
      </p>
    </section>
  );
}
