// Possible duplicates of a new complaint: same category, still open, filed in the last 30
// days, within 200 m or in the same village; ranked by how alike their words are.
import { SizedMemory } from './sized-memory';
import { type ComplaintStatus, handledStatuses } from './vocabulary';

export const DUPLICATE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
export const DUPLICATE_RADIUS_M = 200;
export const MAX_DUPLICATE_CANDIDATES = 5;

/**
 * Still being handled: the possible duplicates of a new complaint are among these, and a
 * complaint may be marked a duplicate only of one of these (closing it under an original nobody
 * handles any more, resolved, closed, rejected or itself a duplicate, would leave the problem
 * with no agency).
 */
export const OPEN_ORIGINAL_STATUSES: readonly ComplaintStatus[] = handledStatuses;

export interface DuplicateFacts {
  code: string;
  title: string;
  description: string;
  villageCode: string;
  lat: number | null;
  lng: number | null;
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const STOPWORDS = new Set(['di', 'dan', 'yang', 'ke', 'dari', 'ini', 'itu', 'sudah', 'tidak', 'ada', 'untuk', 'dengan', 'kami', 'sejak', 'sangat']);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2 && !STOPWORDS.has(w)),
  );
}

/**
 * The significant words of title (counted twice over) and description. The same open
 * complaints are candidates for many new ones in a row, so their words are remembered by text
 * (a complaint whose text is corrected is simply read again).
 */
function wordsOf(c: DuplicateFacts): Set<string> {
  const text = `${c.title} ${c.title} ${c.description}`;
  let found = wordsByText.get(text);
  if (!found) wordsByText.set(text, (found = words(text)));
  return found;
}
/** Bounded by the texts' length (anyone can file long ones): about 500 complaints of ordinary length, a few MB of words at most. */
const wordsByText = new SizedMemory<string, Set<string>>(1024 * 1024, (text) => text.length);

/** Jaccard similarity of the significant words of title and description, 0..1. */
export function textSimilarity(a: DuplicateFacts, b: DuplicateFacts): number {
  return jaccard(wordsOf(a), wordsOf(b));
}

function jaccard(wa: Set<string>, wb: Set<string>): number {
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

export interface RankedCandidate {
  code: string;
  distanceM: number | null;
  sameVillage: boolean;
  similarity: number;
}

/** Keeps the candidates that are near enough, most alike first. */
export function rankDuplicateCandidates(subject: DuplicateFacts, others: readonly DuplicateFacts[]): RankedCandidate[] {
  const mine = wordsOf(subject);
  return others
    .filter((o) => o.code !== subject.code)
    .map((o) => {
      const distanceM =
        subject.lat !== null && subject.lng !== null && o.lat !== null && o.lng !== null
          ? Math.round(distanceMetres({ lat: subject.lat, lng: subject.lng }, { lat: o.lat, lng: o.lng }))
          : null;
      return { other: o, code: o.code, distanceM, sameVillage: o.villageCode === subject.villageCode };
    })
    .filter((c) => c.sameVillage || (c.distanceM !== null && c.distanceM <= DUPLICATE_RADIUS_M))
    .map(({ other, ...c }) => ({ ...c, similarity: Math.round(jaccard(mine, wordsOf(other)) * 100) / 100 }))
    .sort((a, b) => b.similarity - a.similarity || (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity))
    .slice(0, MAX_DUPLICATE_CANDIDATES);
}
