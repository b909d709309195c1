// Where the client's words are. The shell (./shell: frame, home page, shared words) and the
// complaint form (./report) come with the entry chunk in Bahasa Indonesia. Every other area
// has its own folder with `id.ts` and `en.ts`, each loaded as its own chunk when a page needs
// it: App.tsx names the areas of each page (`withMessages`). English, including the shell's,
// loads only for those who choose it.
//
// A new area: a folder with `id.ts` (`satisfies AreaMessages<'name'>`) and `en.ts`
// (`Translation<typeof id>`), its prefixes in `areaPrefixes` and its loaders in `areaLoaders`.
import type { messages as reportMessages } from './report/id';
import type { messages as shellMessages } from './shell/id';

export type Lang = 'id' | 'en';

/** Each lazily loaded area and the key prefixes that are its own. */
export const areaPrefixes = {
  public: ['feed', 'map', 'track', 'live'],
  staff: ['desk', 'login', 'staff'],
  admin: ['admin'],
  agency: ['inbox'],
  stats: ['stats'],
  apiDocs: ['apiDocs'],
} as const;

export type Area = keyof typeof areaPrefixes;

/** An area's Indonesian messages: every key starts with one of the area's prefixes. */
export type AreaMessages<A extends Area> = Record<`${(typeof areaPrefixes)[A][number]}.${string}`, string>;
/** Another language's messages: exactly the keys of the Indonesian ones. */
export type Translation<Messages> = Record<keyof Messages, string>;

const messagesOf = <M>(module: { messages: M }) => module.messages;

// One dynamic import per area and language, so each is its own chunk.
export const areaLoaders = {
  public: { id: () => import('./public/id').then(messagesOf), en: () => import('./public/en').then(messagesOf) },
  staff: { id: () => import('./staff/id').then(messagesOf), en: () => import('./staff/en').then(messagesOf) },
  admin: { id: () => import('./admin/id').then(messagesOf), en: () => import('./admin/en').then(messagesOf) },
  agency: { id: () => import('./agency/id').then(messagesOf), en: () => import('./agency/en').then(messagesOf) },
  stats: { id: () => import('./stats/id').then(messagesOf), en: () => import('./stats/en').then(messagesOf) },
  apiDocs: { id: () => import('./apiDocs/id').then(messagesOf), en: () => import('./apiDocs/en').then(messagesOf) },
} satisfies Record<Area, Record<Lang, () => Promise<Record<string, string>>>>;

/** The English shell and form: what an English reader needs before the first page. */
export const loadEnglishCore = () =>
  Promise.all([import('./shell/en'), import('./report/en')]).then(([shell, report]) => ({
    ...shell.messages,
    ...report.messages,
  }));

type AreaKey<A extends Area> = keyof Awaited<ReturnType<(typeof areaLoaders)[A]['id']>>;
/** Every message key of the client, in whichever area it is. */
export type MessageKey = keyof typeof shellMessages | keyof typeof reportMessages | { [A in Area]: AreaKey<A> }[Area];

/** The area whose prefix `key` has; none for the shell's and the form's keys. */
export function areaOf(key: string): Area | undefined {
  const prefix = key.slice(0, key.indexOf('.'));
  return (Object.keys(areaPrefixes) as Area[]).find((area) =>
    (areaPrefixes[area] as readonly string[]).includes(prefix),
  );
}
