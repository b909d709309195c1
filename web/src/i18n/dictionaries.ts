// The messages loaded so far, per language, and the loading of more. Indonesian shell and
// form words are here from the start; an area's words arrive when a page asks for them, in
// the language shown then, and in the other language when the reader switches.
import { createSignal } from 'solid-js';
import { areaLoaders, loadEnglishCore, type Area, type Lang, type MessageKey } from './areas';
import { messages as reportMessages } from './report/id';
import { messages as shellMessages } from './shell/id';

/** The shell and form words, or an area's. */
export type Part = 'core' | Area;

const texts: Record<Lang, Partial<Record<MessageKey, string>>> = {
  id: { ...shellMessages, ...reportMessages },
  en: {},
};
const loads: Record<Lang, Map<Part, Promise<void>>> = {
  id: new Map([['core', Promise.resolve()]]),
  en: new Map(),
};
const loaded: Record<Lang, Set<Part>> = { id: new Set(['core']), en: new Set() };
/** Every part asked for so far: a language switch brings all of them in the new language. */
const wanted = new Set<Part>(['core']);
/** Bumped whenever messages arrive, so that text shown while they were missing is redrawn. */
const [arrivals, setArrivals] = createSignal(0);

/** Loads a part's messages in `lang` (once; a failed download is tried again next time). */
export function loadPart(part: Part, lang: Lang): Promise<void> {
  wanted.add(part);
  let load = loads[lang].get(part);
  if (!load) {
    const fetch = part === 'core' ? loadEnglishCore : areaLoaders[part][lang];
    load = fetch().then((messages) => {
      Object.assign(texts[lang], messages);
      loaded[lang].add(part);
      setArrivals((n) => n + 1);
    });
    load.catch(() => loads[lang].delete(part));
    loads[lang].set(part, load);
  }
  return load;
}

/** The parts asked for so far whose messages `lang` does not have yet. */
export const missingIn = (lang: Lang) => [...wanted].filter((part) => !loaded[lang].has(part));

/** The message, if loaded; in a reactive scope, looked up again when more messages arrive. */
export function lookup(key: MessageKey, lang: Lang): string | undefined {
  arrivals();
  return texts[lang][key];
}
