// What NTB Care is, what one can complain about, and where (the region picker).
import { createSignal, Show } from 'solid-js';
import { CategoryList } from '../components/CategoryList';
import { RegionPicker } from '../components/RegionPicker';
import { ReportLink } from '../components/report/ReportLink';
import { usePageTitle, useI18n } from '../i18n';
import { placeName, type ChosenPlace } from '../i18n/messages';
import './Home.css';

export default function Home() {
  const { t } = useI18n();
  usePageTitle('title.home');
  const [place, setPlace] = createSignal<ChosenPlace>({});

  return (
    <>
      <section class="intro" aria-labelledby="intro-title">
        <h1 id="intro-title">{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <ReportLink variant="cta" />
        <p>{t('home.how')}</p>
      </section>

      <section id="kategori" aria-labelledby="kategori-title">
        <h2 id="kategori-title">{t('home.categories.title')}</h2>
        <p>{t('home.categories.intro')}</p>
        <CategoryList />
      </section>

      <section id="wilayah" aria-labelledby="wilayah-title">
        <h2 id="wilayah-title">{t('home.regions.title')}</h2>
        <p>{t('home.regions.intro')}</p>
        <RegionPicker onChange={(_, chosen) => setPlace(chosen)} />
        <Show when={place().village}>
          <p class="chosen-place" aria-live="polite">
            {t('home.regions.chosen')} <strong>{placeName(place(), t)}</strong>
          </p>
        </Show>
      </section>
    </>
  );
}
