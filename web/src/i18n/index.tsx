// The language of the whole client: Bahasa Indonesia unless the user chose English on this
// device. Components read words only through `t`, so switching language re-renders text.
// Words load by area (./areas.ts): a page names its areas in App.tsx, and switching language
// shows the new language once the words of every area loaded so far have arrived in it (at
// once when they already have), keeping the current language meanwhile.
import {
  createContext,
  createRenderEffect,
  createSignal,
  Show,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import type { Bilingual } from '../../../worker/domain/api';
import { areaOf, type Area, type Lang, type MessageKey } from './areas';
import { loadPart, lookup, missingIn } from './dictionaries';

export type { Area, Lang, MessageKey } from './areas';
export const languages: readonly Lang[] = ['id', 'en'];
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

// One language for the whole page, so that pages loading their words (withMessages) know it.
const [lang, setShownLang] = createSignal<Lang>('id');
/** The language last asked for: a slower earlier switch must not win over it. */
let asked: Lang = 'id';

/** Shows `next` now if every part wanted has its words in it, else once they have arrived. */
function showLang(next: Lang): Promise<void> | undefined {
  asked = next;
  const missing = missingIn(next);
  if (missing.length === 0) {
    setShownLang(next);
    return undefined;
  }
  // A page may ask for another area meanwhile: check again once these have arrived.
  return Promise.all(missing.map((part) => loadPart(part, next))).then(() => (asked === next ? showLang(next) : undefined));
}

const reported = new Set<string>();

/** A key whose area no page asked for: load it now (the text follows), and tell developers. */
function missing(key: MessageKey, shown: Lang): string {
  const area = areaOf(key);
  if (area) loadPart(area, shown).catch(() => {});
  if (import.meta.env.DEV && !reported.has(key)) {
    reported.add(key);
    console.error(`i18n: "${key}" was shown before its words (area ${area ?? 'none'}) loaded; add the area to its page in App.tsx`);
  }
  return lookup(key, shown === 'id' ? 'en' : 'id') ?? '';
}

const I18nContext = createContext<I18n>();

/** Renders once the stored language's shell words are here (Indonesian always is). */
export function I18nProvider(props: ParentProps) {
  const starting = showLang(storedLang());
  const [ready, setReady] = createSignal(!starting);
  starting?.then(
    () => setReady(true),
    () => {
      setShownLang('id'); // English did not load (offline?): Indonesian is always here
      setReady(true);
    },
  );
  createRenderEffect(() => {
    document.documentElement.lang = lang();
  });
  const i18n: I18n = {
    lang,
    setLang(next) {
      showLang(next)?.catch(() => {}); // not loaded: the current language stays
      try {
        localStorage.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // storage blocked: the choice lasts for this visit only
      }
    },
    t: (key, params) => fill(lookup(key, lang()) ?? missing(key, lang()), params),
    pick: (text) => text[lang()] || text.id,
  };
  return (
    <I18nContext.Provider value={i18n}>
      <Show when={ready()}>{props.children}</Show>
    </I18nContext.Provider>
  );
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

/**
 * A page's loader for `lazy()` that also fetches the words of its areas in the current
 * language, side by side with the page's own chunk. Should they fail to load, the page still
 * shows and asks for them again as it draws.
 */
export function withMessages<T>(areas: readonly Area[], loadPage: () => Promise<T>): () => Promise<T> {
  return () =>
    Promise.all([loadPage(), ...areas.map((area) => loadPart(area, lang()).catch(() => {}))]).then(([page]) => page);
}
