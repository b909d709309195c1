// Words for things that come from the API as codes: failures and place names.
import type { RegionInfo } from '../../../worker/domain/api';
import { ApiError } from '../api/client';
import type { I18n, MessageKey } from './index';

export function errorMessageKey(error: unknown): MessageKey {
  const code = error instanceof ApiError ? error.code : 'network';
  if (code === 'network') return 'error.network';
  if (code === 'not_found') return 'error.notFound';
  if (code === 'rate_limited') return 'error.rateLimited';
  return 'error.server';
}

export interface ChosenPlace {
  regency?: RegionInfo;
  district?: RegionInfo;
  village?: RegionInfo;
}

/**
 * "Desa Dasan Geres, Kecamatan Gerung, Kabupaten Lombok Barat". In the official numbering a
 * village code's last part starts with 1 for a kelurahan and 2 for a desa.
 */
export function placeName(place: ChosenPlace, t: I18n['t']): string {
  const { regency, district, village } = place;
  const parts: string[] = [];
  if (village) {
    const kelurahan = village.code.split('.')[3]?.startsWith('1');
    parts.push(t(kelurahan ? 'place.kelurahan' : 'place.desa', { name: village.name }));
  }
  if (district) parts.push(t('place.district', { name: district.name }));
  if (regency) parts.push(regency.name); // already "Kabupaten …" or "Kota …"
  return parts.join(', ');
}
