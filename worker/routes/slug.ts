// An agency's or a category's slug, as paths, forms and references carry it (one rule for all).
import { z } from 'zod';
import { slugPattern } from '../domain/api';

export const slug = z.string().regex(slugPattern, 'a-z, 0-9 and -, starting with a letter, 2 to 64 characters');
