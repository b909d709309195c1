import { For } from 'solid-js';
import { languages, useI18n } from '../i18n';

/** Bahasa Indonesia or English, remembered on this device. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      <For each={languages}>
        {(code) => (
          <button
            type="button"
            lang={code}
            aria-pressed={lang() === code}
            onClick={() => setLang(code)}
          >
            {t(`lang.${code}`)}
          </button>
        )}
      </For>
    </div>
  );
}
