// Filing a complaint, the one path behind both doors (the citizens' API and Open311):
// check what the complaint names, write it with its first event in one batch, and queue
// the event, so that every new complaint is routed and moderated alike.
import type { Context } from 'hono';
import { randomToken, sha256Hex } from '../auth/tokens';
import { insertCheckedComplaint, loadFilingContext } from '../db/complaints';
import type { CreateComplaintResponse, ErrorIssue } from '../domain/api';
import { newComplaintCode } from '../domain/complaint-code';
import { slidingWeight } from '../domain/rate-limit';
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
export function checkReferences(body: CreateComplaintBody, ownerHash: string, found: FilingContext) {
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
}

type FilingContext = Awaited<ReturnType<typeof loadFilingContext>>;
const replayOf = (earlier: FilingContext['earlier']): Filed | undefined =>
  earlier && { status: earlier.status as 201, response: JSON.parse(earlier.response) as CreateComplaintResponse };

/**
 * Files a new `submitted` complaint; 422 when it names what does not exist. The usual
 * filing, all in order, takes one D1 round trip: the checks are made in SQL with the writes
 * (`insertCheckedComplaint`). Only when something does not check out (or the same key comes
 * again, or the client is past its rate limit) does it read what it needs to answer so.
 */
export async function fileComplaint(c: Context<AppEnv>, filing: Filing): Promise<Filed> {
  const { body, ownerHash, idempotency, source } = filing;
  const db = c.get('db');
  const count = takeCount(c);
  const trackingToken = randomToken();
  const trackingTokenHash = await sha256Hex(trackingToken);
  const now = new Date();
  const insert = (counted: boolean) =>
    withFreshCode(async (code): Promise<Filed | undefined> => {
      const response: CreateComplaintResponse = { code, trackingToken };
      const eventId = await insertCheckedComplaint(db, {
        complaint: {
          code,
          title: body.title,
          description: body.description,
          regencyCode: body.regencyCode,
          districtCode: body.districtCode,
          villageCode: body.villageCode,
          lat: body.lat ?? null,
          lng: body.lng ?? null,
          address: body.address,
          reporterName: body.reporter.name,
          reporterPhone: body.reporter.phone ?? null,
          reporterEmail: body.reporter.email ?? null,
          anonymous: body.anonymous,
          confidential: body.confidential,
          trackingTokenHash,
          submittedAt: now,
          updatedAt: now,
          apiKeyId: source?.apiKeyId ?? null,
          mediaUrl: source?.mediaUrl ?? null,
        },
        categorySlug: body.category,
        ownerHash,
        uploadIds: body.photoIds,
        event: { type: 'submitted', actorRole: 'citizen', visibility: 'public', toStatus: 'submitted' },
        idempotency: idempotency && { ...idempotency, status: 201, response: JSON.stringify(response) },
        count: counted && count ? { values: count.values, weight: slidingWeight(count.pending.window), limit: count.pending.rule.limit } : undefined,
      });
      if (eventId === undefined) return undefined;
      // Committed: the queue only speeds things up; the cron re-sends what this misses.
      c.executionCtx.waitUntil(sendEvents(c.env.EVENTS, [eventId]).catch((err) => console.error('queue send failed', err)));
      return { status: 201, response };
    });

  const filed = await insert(true);
  if (filed) return filed;
  // Nothing was written nor counted: count the request now, with everything needed to say why.
  // What was read may change before the next write (another filing claims the same photo at
  // that moment): then it is read again, and the second reading explains.
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await loadFilingContext(db, {
      categorySlug: body.category,
      regencyCode: body.regencyCode,
      districtCode: body.districtCode,
      villageCode: body.villageCode,
      uploadIds: body.photoIds,
      idempotency,
      count: attempt === 0 ? count?.values : undefined,
    });
    if (count && attempt === 0) limitCounted(count.pending, found.counted ?? []);
    const earlier = replayOf(found.earlier);
    if (earlier) return earlier;
    checkReferences(body, ownerHash, found);
    const written = await insert(false);
    if (written) return written;
  }
  throw new Error('filing: the checks in SQL kept refusing what checkReferences accepts');
}

/** Runs a filing's write under a newly drawn complaint code, again on the rare collision (40 random bits). */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(newComplaintCode());
    } catch (err) {
      const collided = String((err as Error)?.cause ?? err).includes('UNIQUE constraint failed: complaints.code');
      if (!collided || attempt >= 3) throw err;
    }
  }
}
