// `GET /api/export/complaints.csv`: staff export the complaints they can see, with the
// feed's filters; reporter fields only where the role may see them (DESIGN.md).
import { Hono } from 'hono';
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { DAY_MS, witaMidnight } from '../domain/wita';
import { calendarDay } from './calendar-day';
import { slug } from './slug';
import { selectComplaints } from '../db/complaints';
import { complaints, categories } from '../db/schema';
import { maySeeReporter, staffReaches, type Viewer } from '../domain/access';
import { CSV_BOM, csvRow } from '../domain/csv';
import { complaintStatuses } from '../domain/vocabulary';
import type { AppEnv } from '../http/env';
import { requireStaff } from '../http/staff';
import { validate } from '../http/validate';
import { regionCode } from './regions';

const exportQuery = z.object({
  status: z.enum(complaintStatuses).optional(),
  category: slug.optional(),
  regency: regionCode.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
});

const MAX_ROWS = 10_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const exportRoutes = new Hono<AppEnv>().get('/complaints.csv', requireStaff(), validate('query', exportQuery), async (c) => {
  const staff = c.get('staff')!;
  const viewer: Viewer = { kind: 'staff', role: staff.role, agencyId: staff.agencyId };
  const q = c.req.valid('query');
  const where: (SQL | undefined)[] = [
    // An agency exports only its own complaints.
    staff.role === 'agency' ? eq(complaints.agencyId, staff.agencyId!) : undefined,
    q.status ? eq(complaints.status, q.status) : undefined,
    q.category ? eq(categories.slug, q.category) : undefined,
    q.regency ? eq(complaints.regencyCode, q.regency) : undefined,
    q.from ? gte(complaints.submittedAt, new Date(witaMidnight(q.from))) : undefined,
    q.to ? lt(complaints.submittedAt, new Date(witaMidnight(q.to) + DAY_MS)) : undefined,
  ];
  const rows = await selectComplaints(c.get('db')).where(and(...where)).orderBy(asc(complaints.submittedAt)).limit(MAX_ROWS);

  let body = CSV_BOM + csvRow(['code', 'submitted_at', 'status', 'priority', 'category', 'regency', 'district', 'village', 'agency', 'title', 'description', 'address', 'lat', 'lng', 'forwarded_at', 'first_response_at', 'resolved_at', 'due_at', 'confidential', 'anonymous', 'reporter_name', 'reporter_phone', 'reporter_email', 'open311_api_key', 'open311_media_url']);
  for (const row of rows) {
    const x = row.complaint;
    if (!staffReaches(viewer, x)) continue;
    const reporter = maySeeReporter(viewer, x);
    body += csvRow([
      x.code, iso(x.submittedAt), x.status, x.priority, row.category.nameId, row.regency.name, row.district.name, row.village.name,
      row.agency?.name ?? null, x.title, x.description, x.address, x.lat, x.lng, iso(x.forwardedAt), iso(x.firstResponseAt),
      iso(x.resolvedAt), iso(x.dueAt), x.confidential, x.anonymous,
      reporter ? x.reporterName : null, reporter ? x.reporterPhone : null, reporter ? x.reporterEmail : null,
      row.apiKey?.name ?? null, x.mediaUrl,
    ]);
  }
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="ntbcare-pengaduan-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'private, no-store',
  });
});
