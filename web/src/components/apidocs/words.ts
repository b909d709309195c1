// The document's prose in the reader's language: `description` is English and
// `x-description-id` its Indonesian twin (worker/openapi/types.ts). English stands in only
// where a document lacks the Indonesian.
import type { Described } from '../../../../worker/openapi/types';
import type { Lang } from '../../i18n';

export const wordsIn = (lang: Lang, item: Partial<Described>): string | undefined =>
  (lang === 'id' && item['x-description-id']) || item.description;
