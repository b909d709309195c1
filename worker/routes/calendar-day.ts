// A calendar day as the dashboard and the CSV export take it: YYYY-MM-DD, and one that exists
// (not 31 February, not a 13th month), so that a wrong day is a 400, never a filter dropped.
import { z } from 'zod';

export const calendarDay = z.iso.date({ error: 'A date that exists, like 2026-11-28' });
