// How the dashboard writes its numbers, in the reader's language ("1.234", "2,5", "67%").
import type { Lang } from '../../i18n';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, style: 'decimal' | 'percent', digits: number) {
  const key = `${lang}:${style}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}

/** A count: "1.234" (id), "1,234" (en). */
export const formatCount = (n: number, lang: Lang) => formatter(lang, 'decimal', 0).format(n);

/** A share of 0..1 as a whole percentage: 0.6667 is "67%". */
export const formatShare = (share: number, lang: Lang) =>
  formatter(lang, 'percent', 0).format(share);

/** Hours with one decimal under ten ("2,5"), whole from ten on ("38"): the precision that matters. */
export const formatHours = (hours: number, lang: Lang) =>
  formatter(lang, 'decimal', hours < 9.95 ? 1 : 0).format(hours);

/** A rating of 1..5 with one decimal: "4,3". */
export const formatRating = (rating: number, lang: Lang) => formatter(lang, 'decimal', 1).format(rating);
