import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { agencies } from './schema';

export async function findAgencyBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.slug, slug)).limit(1);
  return row;
}
