// What each audience sees of a complaint: rows in, API shapes out. Reporter identity
// leaves only through `reporter`, and only when the caller may see it.
import type { AgencyRef, ComplaintCore, ComplaintHeading, ComplaintView, DuplicateCandidate, FeedItem, FiledVia, ModerationItem, OverdueItem, PhotoInfo, TimelineEvent } from '../domain/api';
import { maySeeInternalEvents, maySeePhotos, maySeeReporter, maySeeText, photosArePublic, staffReaches, type Viewer } from '../domain/access';
import type { ComplaintRow, EventRow, LoadedComplaint, PhotoRow, ViewedComplaintRow } from './complaints';
import type { LatestReturn, OverdueRow } from './moderation';

export const EXCERPT_LENGTH = 240;

export function photoInfo(p: PhotoRow): PhotoInfo {
  return { id: p.id, url: `/api/photos/${p.id}`, contentType: p.contentType, width: p.width, height: p.height };
}

/** Filed through Open311: by which app, with what link (staff views only). */
export function filedVia({ complaint, apiKey }: ViewedComplaintRow): FiledVia | null {
  return apiKey?.name ? { apiKey: apiKey.name, mediaUrl: complaint.mediaUrl } : null;
}

/** The category and the place, as every view names them. */
export const categoryOf = ({ category }: Pick<ViewedComplaintRow, 'category'>) => ({
  slug: category.slug,
  name: { id: category.nameId, en: category.nameEn },
  icon: category.icon,
});
export const placeOf = (row: Pick<ViewedComplaintRow, 'regency' | 'district' | 'village'>) => ({ regency: row.regency, district: row.district, village: row.village });

function common(row: ViewedComplaintRow) {
  const c = row.complaint;
  return {
    code: c.code,
    title: c.title,
    status: c.status,
    category: categoryOf(row),
    place: placeOf(row),
    lat: c.lat,
    lng: c.lng,
    agency: row.agency?.slug ? row.agency : null,
    anonymous: c.anonymous,
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function timelineEvent({ event, agency }: EventRow): TimelineEvent {
  return {
    id: event.id,
    type: event.type,
    at: event.createdAt.toISOString(),
    actor: event.actorRole,
    agency: agency?.slug ? agency : null,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    body: event.body,
    details: event.data ?? null,
  };
}

export function complaintView(
  row: ViewedComplaintRow,
  photos: PhotoRow[],
  events: EventRow[],
  viewer: { isReporter: boolean; seesReporter: boolean; seesPhotos: boolean; seesText: boolean; isStaff: boolean },
): ComplaintView {
  const c = row.complaint;
  const timeline = events.map(timelineEvent);
  return {
    ...common(row),
    ...complaintCore(row),
    ...(!viewer.seesText && withheldText),
    textWithheld: !viewer.seesText,
    events: viewer.seesText ? timeline : timeline.map((e) => (e.actor === 'citizen' ? { ...e, body: null } : e)),
    photos: viewer.seesPhotos ? photos.map(photoInfo) : [],
    photosPublic: photosArePublic(c),
    reporter: viewer.seesReporter ? { name: c.reporterName, phone: c.reporterPhone, email: c.reporterEmail } : null,
    viewerIsReporter: viewer.isReporter,
    filedVia: viewer.isStaff ? filedVia(row) : null,
    version: c.version,
  };
}

/** What stands in for a complaint's own words where `maySeeText` says no (ComplaintView's `textWithheld`). */
const withheldText = { title: '', description: '', address: null, lat: null, lng: null } as const;

export function feedItem(row: ViewedComplaintRow, photos: PhotoRow[]): FeedItem {
  const first = photos[0];
  return {
    ...common(row),
    excerpt: [...row.complaint.description].slice(0, EXCERPT_LENGTH).join(''),
    photo: first ? photoInfo(first) : null,
    photoCount: photos.length,
  };
}

/** The complaint as this viewer may see it (the caller has checked `maySeeComplaint`). */
export function viewFor({ row, photos, events }: LoadedComplaint, viewer: Viewer): ComplaintView {
  const internalToo = maySeeInternalEvents(viewer, row.complaint);
  return complaintView(
    row,
    photos,
    internalToo ? events : events.filter((e) => e.event.visibility === 'public'),
    {
      isReporter: viewer.kind === 'reporter',
      seesReporter: maySeeReporter(viewer, row.complaint),
      seesPhotos: maySeePhotos(viewer, row.complaint),
      seesText: maySeeText(viewer, row.complaint),
      isStaff: staffReaches(viewer, row.complaint),
    },
  );
}

/** What names a complaint in every view and list of it (`ComplaintHeading`). */
type HeadingRow = Pick<ViewedComplaintRow, 'category' | 'regency' | 'district' | 'village'> & { complaint: Omit<ComplaintHeading, 'category' | 'place'> };

function complaintHeading(row: HeadingRow): ComplaintHeading {
  const { code, title, status, priority, confidential } = row.complaint;
  return { code, title, status, priority, category: categoryOf(row), place: placeOf(row), confidential };
}

/** The fields every full view of one complaint shares. */
export function complaintCore(row: ViewedComplaintRow): ComplaintCore {
  const c = row.complaint;
  return {
    ...complaintHeading(row),
    description: c.description,
    lat: c.lat,
    lng: c.lng,
    address: c.address,
    anonymous: c.anonymous,
  };
}

/** A complaint as the moderators' desk shows it: reporter included (moderators may see it). */
export function moderationItem(
  row: ComplaintRow,
  extras: {
    photos: PhotoRow[];
    suggestedAgency: AgencyRef | null;
    duplicateCandidates: DuplicateCandidate[];
    returned: LatestReturn | undefined;
  },
): ModerationItem {
  const c = row.complaint;
  return {
    ...complaintCore(row),
    reporter: { name: c.reporterName, phone: c.reporterPhone, email: c.reporterEmail },
    submittedAt: c.submittedAt.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    photos: extras.photos.map(photoInfo),
    suggestedAgency: extras.suggestedAgency,
    duplicateCandidates: extras.duplicateCandidates,
    returned: extras.returned ? { ...extras.returned, at: extras.returned.at.toISOString() } : null,
    filedVia: filedVia(row),
    version: c.version,
  };
}

/** A complaint an agency holds past due, as the desk's overdue view lists it. */
export function overdueItem(row: OverdueRow): OverdueItem {
  const c = row.complaint;
  return {
    ...complaintHeading(row),
    agency: row.agency,
    forwardedAt: c.forwardedAt?.toISOString() ?? null,
    firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
    dueAt: c.dueAt!.toISOString(),
    remindedAt: row.remindedAt === null ? null : new Date(row.remindedAt).toISOString(),
    version: c.version,
  };
}
