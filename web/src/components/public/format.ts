// How the public pages write times, places and category icons.
import type { PlaceRef } from '../../../../worker/domain/api';
import type { I18n, Lang } from '../../i18n';
import { placeName } from '../../i18n/messages';

/** NTB keeps Central Indonesia Time (WITA, UTC+8), whatever the phone's own zone. */
const TIME_ZONE = 'Asia/Makassar';
const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, withTime: boolean) {
  const key = `${lang}:${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], {
      timeZone: TIME_ZONE,
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** "12 Nov 2026, 14.30 WITA"; empty for a time that is not one. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${formatter(lang, true).format(date)} WITA`;
}

/** "12 Nov 2026" (the date in NTB); empty for a time that is not one. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatter(lang, false).format(date);
}

/** "Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat" */
export const placeText = (place: PlaceRef, t: I18n['t']) =>
  placeName(
    {
      regency: { ...place.regency, level: 'regency' },
      district: { ...place.district, level: 'district' },
      village: { ...place.village, level: 'village' },
    },
    t,
  );

/** A category icon that is an emoji is shown; anything else (a name, an ASCII code) is not. */
export function categoryGlyph(icon: string | null): string | null {
  const glyph = icon?.trim();
  return glyph && /\P{ASCII}/u.test(glyph) ? glyph : null;
}
