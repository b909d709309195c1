// The frame of every page: skip link, header (name, navigation, language), main, footer.
import { A } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { ReportLink } from './report/ReportLink';
import './Layout.css';

export function Layout(props: ParentProps) {
  const { t } = useI18n();
  let main!: HTMLElement;

  // The router would turn "#main" into a navigation; a skip link must move focus instead.
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    main.focus();
  };

  return (
    <>
      <a class="skip-link" href="#main" on:click={skipToMain}>
        {t('layout.skip')}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <A href="/" class="brand" aria-label={t('layout.homeLink')} end>
            <Logo />
            <span>{t('app.name')}</span>
          </A>
          <nav class="site-nav" aria-label={t('layout.nav')}>
            <ul>
              <li>
                <ReportLink variant="nav" />
              </li>
              <li>
                <A href="/" end>
                  {t('nav.home')}
                </A>
              </li>
              <li>
                <a href="/#kategori">{t('nav.categories')}</a>
              </li>
              <li>
                <a href="/#wilayah">{t('nav.regions')}</a>
              </li>
              <li>
                <A href="/pengaduan">{t('feed.nav')}</A>
              </li>
              <li>
                <A href="/lacak">{t('track.nav')}</A>
              </li>
              <li>
                <A href="/statistik">{t('stats.nav')}</A>
              </li>
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" class="site-main" tabindex="-1" ref={main}>
        {props.children}
      </main>
      <footer class="site-footer">
        <div class="site-footer-inner">
          <p>{t('footer.about')}</p>
          <p class="staff-link">
            <A href="/masuk">{t('staff.link')}</A>
          </p>
          <p>
            <A href="/dokumentasi-api">{t('apiDocs.link')}</A>
          </p>
        </div>
      </footer>
    </>
  );
}
