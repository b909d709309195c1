// One state change of a complaint: the row (guarded by its version) and its events in one
// D1 batch. An event is written only when the guarded update changed the row, so a stale
// version leaves nothing behind. A reporter's comment is guarded the same way, by status.
import { transition } from '../domain/lifecycle';
import { OPEN_ORIGINAL_STATUSES } from '../domain/duplicates';
import { type ActorRole, type ComplaintStatus, complaintStatuses, type EventVisibility, type Priority } from '../domain/vocabulary';

export interface ComplaintChange {
  complaintId: number;
  /** The version the caller saw; the update happens only if it is still current. */
  version: number;
  to: ComplaintStatus;
  set?: Partial<{
    agencyId: number | null;
    priority: Priority;
    forwardedAt: number;
    firstResponseAt: number;
    resolvedAt: number;
    closedAt: number;
    dueAt: number | null;
    duplicateOfId: number;
    title: string;
    categoryId: number;
    suggestedAgencyId: number | null;
    regencyCode: string;
    districtCode: string;
    villageCode: string;
    rating: number;
    ratingComment: string | null;
  }>;
  events: {
    type: string;
    actorRole: ActorRole;
    actorUserId?: number | null;
    agencyId?: number | null;
    visibility: EventVisibility;
    fromStatus: ComplaintStatus;
    body?: string | null;
    data?: Record<string, unknown> | null;
  }[];
  at: number;
}

const columns: Record<string, string> = {
  agencyId: 'agency_id',
  priority: 'priority',
  forwardedAt: 'forwarded_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  dueAt: 'due_at',
  duplicateOfId: 'duplicate_of_id',
  title: 'title',
  categoryId: 'category_id',
  suggestedAgencyId: 'suggested_agency_id',
  regencyCode: 'regency_code',
  districtCode: 'district_code',
  villageCode: 'village_code',
  rating: 'rating',
  ratingComment: 'rating_comment',
};

/**
 * Returns the ids of the events written, or undefined when the version was stale (or, for a
 * duplicate, when its original was closed meanwhile).
 */
export async function applyComplaintChange(d1: D1Database, change: ComplaintChange): Promise<number[] | undefined> {
  const sets = Object.entries(change.set ?? {});
  const originalId = change.set?.duplicateOfId;
  const originalOpen =
    originalId === undefined ? '' : ` AND (SELECT status FROM complaints WHERE id = ?) IN (${OPEN_ORIGINAL_STATUSES.map(() => '?').join(', ')})`;
  const update = d1
    .prepare(
      `UPDATE complaints SET status = ?, version = version + 1, updated_at = ?${sets.map(([k]) => `, ${columns[k]} = ?`).join('')}
       WHERE id = ? AND version = ?${originalOpen} RETURNING version`,
    )
    .bind(
      change.to,
      change.at,
      ...sets.map(([, v]) => v ?? null),
      change.complaintId,
      change.version,
      ...(originalId === undefined ? [] : [originalId, ...OPEN_ORIGINAL_STATUSES]),
    );
  // changes() is the row count of the statement before: the update, then each event.
  const events = change.events.map((e) =>
    d1
      .prepare(
        `INSERT INTO events (complaint_id, type, actor_role, actor_user_id, agency_id, visibility, from_status, to_status, body, data, created_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1 RETURNING id`,
      )
      .bind(
        change.complaintId,
        e.type,
        e.actorRole,
        e.actorUserId ?? null,
        e.agencyId ?? null,
        e.visibility,
        e.fromStatus,
        change.to,
        e.body ?? null,
        e.data ? JSON.stringify(e.data) : null,
        change.at,
      ),
  );
  const [updated, ...inserted] = await d1.batch<{ version?: number; id?: number }>([update, ...events]);
  if (!updated?.results.length) return undefined;
  return inserted.map((r) => r.results[0]?.id).filter((id): id is number => typeof id === 'number');
}

/** The statuses a reporter may comment on (the lifecycle table's `comment`). */
const commentable = complaintStatuses.filter((status) => transition(status, 'comment', 'citizen'));

/**
 * A reporter's comment, written only if the complaint still takes comments when the batch runs:
 * a confirmation or a rejection may land between the route's check and this write. Returns the
 * event id, or undefined when the complaint no longer takes comments.
 */
export async function addComment(d1: D1Database, comment: { complaintId: number; body: string; at: number }): Promise<number | undefined> {
  const [updated, inserted] = await d1.batch<{ id: number }>([
    d1
      .prepare(`UPDATE complaints SET updated_at = ? WHERE id = ? AND status IN (${commentable.map(() => '?').join(', ')}) RETURNING id`)
      .bind(comment.at, comment.complaintId, ...commentable),
    d1
      .prepare(
        `INSERT INTO events (complaint_id, type, actor_role, visibility, body, created_at)
         SELECT ?, 'comment', 'citizen', 'public', ?, ? WHERE changes() = 1 RETURNING id`,
      )
      .bind(comment.complaintId, comment.body, comment.at),
  ]);
  return updated?.results.length ? inserted?.results[0]?.id : undefined;
}
