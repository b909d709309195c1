// The language of the whole client: Bahasa Indonesia unless the user chose English on this
// device. Components read words only through `t`, so switching language re-renders text.
import {
  createContext,
  createRenderEffect,
  createSignal,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import type { Bilingual } from '../../../worker/domain/api';
import { en } from './en';
import { id, type Dictionary, type MessageKey } from './id';

export type { MessageKey } from './id';
export type Lang = 'id' | 'en';
export const languages: readonly Lang[] = ['id', 'en'];

const dictionaries: Record<Lang, Dictionary> = { id, en };
export const LANG_STORAGE_KEY = 'ntbcare.lang';

export interface I18n {
  lang: Accessor<Lang>;
  setLang: (lang: Lang) => void;
  /** The message in the current language; `{name}` placeholders are filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string>) => string;
  /** Picks the current language's text from an API value such as a category name. */
  pick: (text: Bilingual) => string;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id'; // storage blocked: fall back to the default
  }
}

function fill(text: string, params?: Record<string, string>) {
  return params ? text.replace(/\{(\w+)\}/g, (hole, name: string) => params[name] ?? hole) : text;
}

const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps) {
  const [lang, setLangSignal] = createSignal(storedLang());
  createRenderEffect(() => {
    document.documentElement.lang = lang();
  });
  const i18n: I18n = {
    lang,
    setLang(next) {
      setLangSignal(next);
      try {
        localStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // storage blocked: the choice lasts for this visit only
      }
    },
    t: (key, params) => fill(dictionaries[lang()][key], params),
    pick: (text) => text[lang()] || text.id,
  };
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an <I18nProvider>');
  return i18n;
}

/** Keeps `document.title` in the current language while the page is shown. */
export function usePageTitle(key: MessageKey) {
  const { t } = useI18n();
  createRenderEffect(() => {
    document.title = t(key);
  });
}
