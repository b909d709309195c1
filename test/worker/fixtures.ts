import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { createDb } from '../../worker/db/client';
import { categories, complaints, events } from '../../worker/db/schema';

export const db = () => createDb(env.DB);

let counter = 0;
/** A stored complaint in Kota Mataram with its `submitted` event, as the API will write it. */
export async function insertComplaint(overrides: Partial<typeof complaints.$inferInsert> = {}) {
  counter++;
  const [category] = await db().select({ id: categories.id }).from(categories).where(eq(categories.slug, 'air-bersih'));
  const village = await env.DB.prepare(
    "SELECT v.code AS village, d.code AS district FROM regions v JOIN regions d ON d.code = v.parent_code WHERE d.parent_code = '52.71' ORDER BY v.code LIMIT 1",
  ).first<{ village: string; district: string }>();
  const now = new Date();
  const [complaint] = await db()
    .insert(complaints)
    .values({
      code: `NTB-TEST${String(counter).padStart(4, '0')}`,
      title: 'Air PDAM tidak mengalir',
      description: 'Sudah tiga hari air tidak mengalir di lingkungan kami.',
      categoryId: category!.id,
      regencyCode: '52.71',
      districtCode: village!.district,
      villageCode: village!.village,
      trackingTokenHash: 'f'.repeat(64),
      submittedAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  const [event] = await db()
    .insert(events)
    .values({ complaintId: complaint!.id, type: 'submitted', actorRole: 'citizen', visibility: 'public', toStatus: 'submitted' })
    .returning();
  return { complaint: complaint!, event: event! };
}
