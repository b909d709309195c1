// Every word a page can show must have loaded with it: the page's own chunk brings the words
// of the areas App.tsx names for it (withMessages), and the entry brings the shell's and the
// complaint form's. This reads the sources the way the bundler does (imports from the page
// down) and checks every message key written in them against those areas, so a page that
// would show a key of an area it did not ask for fails here rather than flash empty text.
import { describe, expect, it } from 'vitest';
import { areaLoaders, type Area } from '../../../web/src/i18n/areas';
import { messages as reportMessages } from '../../../web/src/i18n/report/id';
import { messages as shellMessages } from '../../../web/src/i18n/shell/id';

const SRC = '../../../web/src/';
/** The client's sources by path (`../../../web/src/pages/Home.tsx`), as text. */
const sources = import.meta.glob<string>('../../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

/** The page modules App.tsx routes to, with the areas it loads for each. */
function pagesOfApp(): { page: string; areas: Area[] }[] {
  const app = sources[`${SRC}App.tsx`]!;
  const lazyPages = [...app.matchAll(/lazy\((?:withMessages\(\[([^\]]*)\], )?\(\) => import\('\.\/pages\/(\w+)'\)/g)].map(
    ([, areas, page]) => ({ page: `pages/${page}`, areas: [...(areas ?? '').matchAll(/'(\w+)'/g)].map(([, a]) => a as Area) }),
  );
  const eagerPages = [...app.matchAll(/^import (\w+) from '\.\/pages\/\w+';$/gm)].map(([, page]) => ({ page: `pages/${page}`, areas: [] }));
  return [...eagerPages, ...lazyPages, { page: 'components/Layout', areas: [] }];
}

/** `spec` imported from `from`, as a path among the sources (with its extension). */
function resolveImport(from: string, spec: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((file) => file in sources);
}

/** The page's module and every module of the client it imports, statically or lazily. */
function modulesOf(page: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || file.startsWith(`${SRC}i18n/`)) return; // the dictionaries are not pages' code
    seen.add(file);
    for (const [, spec] of sources[file]!.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const found = resolveImport(file, spec!);
      if (found) visit(found);
    }
  };
  visit(resolveImport(`${SRC}App.tsx`, `./${page}`)!);
  return [...seen];
}

const areaMessages = Object.fromEntries(
  await Promise.all((Object.keys(areaLoaders) as Area[]).map(async (area) => [area, await areaLoaders[area].id()] as const)),
) as Record<Area, Record<string, string>>;
const coreKeys = [...Object.keys(shellMessages), ...Object.keys(reportMessages)];
const everyKey = new Set([...coreKeys, ...Object.values(areaMessages).flatMap((m) => Object.keys(m))]);

/** The message keys written in a module: whole ones ('inbox.title'), or the head of a built one (`admin.kind.${kind}`). */
function keysIn(file: string): { key: string; head: boolean }[] {
  const code = sources[file]!;
  const whole = [...code.matchAll(/'([a-zA-Z]+\.[\w.]+)'/g)].map(([, key]) => key!).filter((key) => everyKey.has(key));
  const heads = [...code.matchAll(/`([a-zA-Z]+\.[\w.]*)\$\{/g)]
    .map(([, head]) => head!)
    .filter((head) => [...everyKey].some((key) => key.startsWith(head)));
  return [...whole.map((key) => ({ key, head: false })), ...heads.map((key) => ({ key, head: true }))];
}

describe('the words each page shows come with it', () => {
  const pages = pagesOfApp();

  it('finds every page App.tsx routes to', () => {
    expect(pages.map((p) => p.page)).toEqual(expect.arrayContaining(['pages/Home', 'pages/Report', 'pages/Track', 'pages/AdminSettings', 'pages/Inbox']));
    const lazyPages = sources[`${SRC}App.tsx`]!.match(/= lazy\(/g)!.length;
    expect(pages.filter((p) => p.page !== 'components/Layout' && !['pages/Home', 'pages/NotFound'].includes(p.page))).toHaveLength(lazyPages);
  });

  it.each(pages)('$page: every key is in the shell, the form or the areas it loads ($areas)', ({ page, areas }) => {
    const allowed = [...coreKeys, ...areas.flatMap((area) => Object.keys(areaMessages[area]))];
    const stray = modulesOf(page).flatMap((file) =>
      keysIn(file)
        .filter(({ key, head }) => !allowed.some((ok) => (head ? ok.startsWith(key) : ok === key)))
        .map(({ key }) => `${file.slice(SRC.length)}: ${key}`),
    );
    expect(stray).toEqual([]);
  });
});
