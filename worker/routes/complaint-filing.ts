// Filing a complaint, the one path behind both doors (the citizens' API and Open311):
// check what the complaint names, write it with its first event in one batch, and queue
// the event, so that every new complaint is routed and moderated alike.
import type { Context } from 'hono';
import { randomToken, sha256Hex } from '../auth/tokens';
import { findIdempotentResponse, insertComplaint, loadFilingContext } from '../db/complaints';
import type { CreateComplaintResponse, ErrorIssue } from '../domain/api';
import { newComplaintCode } from '../domain/complaint-code';
import { moderationDueAt } from '../domain/sla';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { limitCounted, takeCount } from '../http/rate-limit';
import { sendEvents } from '../queue/producer';
import type { CreateComplaintBody } from './complaint-schemas';

export interface Filing {
  body: CreateComplaintBody;
  /** Who may claim the uploads the body names (see `clientOwnerHash`). */
  ownerHash: string;
  /** A retried filing with the same key within a scope gets the first answer back. */
  idempotency?: { scope: string; key: string };
  /** Filed through Open311: by which app's key, with the link to media it sent. */
  source?: { apiKeyId: number; mediaUrl: string | null };
}

export interface Filed {
  status: 201;
  response: CreateComplaintResponse;
}

const unprocessable = (details: ErrorIssue[]) =>
  new ApiError('unprocessable', details.map((d) => d.message).join('; '), { details });

/** Checks what zod cannot: that the category, places and photos exist and may be used. */
function checkReferences(body: CreateComplaintBody, ownerHash: string, found: FilingContext) {
  const { category, places, uploads } = found;
  const issues: ErrorIssue[] = [];
  if (!category?.active) issues.push({ path: 'category', message: 'Unknown category' });

  const byCode = new Map(places.map((p) => [p.code, p]));
  const regency = byCode.get(body.regencyCode);
  const district = byCode.get(body.districtCode);
  const village = byCode.get(body.villageCode);
  if (regency?.level !== 'regency') issues.push({ path: 'regencyCode', message: 'Unknown regency' });
  else if (district?.level !== 'district' || district.parentCode !== regency.code)
    issues.push({ path: 'districtCode', message: 'No such district in this regency' });
  else if (village?.level !== 'village' || village.parentCode !== district.code)
    issues.push({ path: 'villageCode', message: 'No such village in this district' });

  const uploadsById = new Map(uploads.map((u) => [u.id, u]));
  body.photoIds.forEach((id, i) => {
    const upload = uploadsById.get(id);
    // Someone else's upload is answered like an unknown one: ids cannot be probed.
    if (!upload || upload.ownerHash !== ownerHash) issues.push({ path: `photoIds.${i}`, message: 'Unknown photo' });
    else if (upload.claimedAt) issues.push({ path: `photoIds.${i}`, message: 'Photo already used by another complaint' });
  });
  if (issues.length) throw unprocessable(issues);
  return { category: category!, uploads: body.photoIds.map((id) => uploadsById.get(id)!) };
}

type FilingContext = Awaited<ReturnType<typeof loadFilingContext>>;
const replayOf = (earlier: FilingContext['earlier']): Filed | undefined =>
  earlier && { status: earlier.status as 201, response: JSON.parse(earlier.response) as CreateComplaintResponse };

/** Files a new `submitted` complaint; 422 when it names what does not exist. */
export async function fileComplaint(c: Context<AppEnv>, filing: Filing): Promise<Filed> {
  const { body, ownerHash, idempotency, source } = filing;
  const db = c.get('db');
  const count = takeCount(c);
  const found = await loadFilingContext(db, {
    categorySlug: body.category,
    regencyCode: body.regencyCode,
    districtCode: body.districtCode,
    villageCode: body.villageCode,
    uploadIds: body.photoIds,
    idempotency,
    count: count?.values,
  });
  if (count) limitCounted(count.pending, found.counted ?? []);
  const earlier = replayOf(found.earlier);
  if (earlier) return earlier;

  const { category, uploads } = checkReferences(body, ownerHash, found);
  const { targets } = found;
  const trackingToken = randomToken();
  const trackingTokenHash = await sha256Hex(trackingToken);
  const now = new Date();

  for (let attempt = 0; ; attempt++) {
    const response: CreateComplaintResponse = { code: newComplaintCode(), trackingToken };
    try {
      const eventId = await insertComplaint(db, {
        complaint: {
          code: response.code,
          title: body.title,
          description: body.description,
          categoryId: category.id,
          regencyCode: body.regencyCode,
          districtCode: body.districtCode,
          villageCode: body.villageCode,
          lat: body.lat ?? null,
          lng: body.lng ?? null,
          address: body.address,
          priority: category.defaultPriority,
          reporterName: body.reporter.name,
          reporterPhone: body.reporter.phone ?? null,
          reporterEmail: body.reporter.email ?? null,
          anonymous: body.anonymous,
          confidential: body.confidential,
          trackingTokenHash,
          submittedAt: now,
          updatedAt: now,
          dueAt: new Date(moderationDueAt(now.getTime(), targets)),
          apiKeyId: source?.apiKeyId ?? null,
          mediaUrl: source?.mediaUrl ?? null,
        },
        uploadIds: uploads.map((u) => u.id),
        event: { type: 'submitted', actorRole: 'citizen', visibility: 'public', toStatus: 'submitted' },
        idempotency: idempotency && { ...idempotency, status: 201, response: JSON.stringify(response) },
      });
      // Committed: the queue only speeds things up; the cron re-sends what this misses.
      c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, [eventId]).catch((err) => console.error('queue send failed', err)));
      return { status: 201, response };
    } catch (err) {
      const message = String((err as Error)?.cause ?? err);
      if (!message.includes('UNIQUE constraint failed')) throw err;
      // The same key sent twice at once: the other request won; answer as it did.
      if (message.includes('idempotency_keys')) {
        const first = idempotency && replayOf(await findIdempotentResponse(db, idempotency.scope, idempotency.key));
        if (first) return first;
      }
      if (message.includes('photos.id')) {
        throw new ApiError('conflict', 'A photo was just used by another complaint', {
          details: [{ path: 'photoIds', message: 'Photo already used by another complaint' }],
        });
      }
      // A code collision (40 random bits): draw again.
      if (!message.includes('complaints.code') || attempt >= 3) throw err;
    }
  }
}
