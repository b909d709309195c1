// An agency's or a category's slug, as paths, forms and references carry it (one rule for all).
import { z } from 'zod';

export const slug = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a-z, 0-9 and -, starting with a letter, 2 to 64 characters');
