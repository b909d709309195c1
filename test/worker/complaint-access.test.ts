// Who sees what of a complaint, cell by cell: viewer × confidential/anonymous × own agency.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView } from '../../worker/domain/api';
import { newCitizen } from './citizen';
import { call } from './helpers';
import { signIn } from './staff';

type ViewerName = 'public' | 'reporter' | 'moderator' | 'admin' | 'own agency' | 'other agency';
const headersOf: Record<ViewerName, Record<string, string>> = {} as never;

async function forwardTo(code: string, agency: string) {
  await env.DB.prepare(
    "UPDATE complaints SET status = 'forwarded', agency_id = (SELECT id FROM agencies WHERE slug = ?) WHERE code = ?",
  )
    .bind(agency, code)
    .run();
}

async function addInternalNote(code: string, body: string) {
  await env.DB.prepare(
    "INSERT INTO events (complaint_id, type, actor_role, visibility, body) SELECT id, 'note', 'moderator', 'internal', ? FROM complaints WHERE code = ?",
  )
    .bind(body, code)
    .run();
}

type Kind = 'secret' | 'confidential' | 'open';
const complaints: Record<Kind, { code: string; token: string; photo: string }> = {} as never;

beforeAll(async () => {
  for (const kind of ['secret', 'confidential', 'open'] as const) {
    const citizen = newCitizen();
    const photo = await citizen.uploadOk();
    const filed = await citizen.fileOk({
      photoIds: [photo.id],
      confidential: kind !== 'open',
      anonymous: kind === 'secret',
      reporter: { name: `Pelapor ${kind}`, email: `${kind}@example.id` },
    });
    await forwardTo(filed.code, 'pdam-giri-menang');
    await addInternalNote(filed.code, `Catatan internal ${kind}`);
    complaints[kind] = { code: filed.code, token: filed.trackingToken, photo: photo.id };
  }
  headersOf.public = {};
  headersOf.moderator = { Cookie: (await signIn('moderator')).cookie };
  headersOf.admin = { Cookie: (await signIn('admin')).cookie };
  headersOf['own agency'] = { Cookie: (await signIn('agency', 'pdam-giri-menang')).cookie };
  headersOf['other agency'] = { Cookie: (await signIn('agency', 'dinas-pupr-ntb')).cookie };
});

const headers = (viewer: ViewerName, kind: Kind) =>
  viewer === 'reporter' ? { 'X-Tracking-Token': complaints[kind].token } : headersOf[viewer];

// [viewer, sees the confidential ones, sees the reporter of a confidential one (anonymous or
// not), sees reporter of the open one, sees internal notes]. A reporter who asked for
// confidentiality is never shown to an agency, even one that did not also tick anonymous.
const matrix: [ViewerName, boolean, boolean, boolean, boolean][] = [
  ['public', false, false, false, false],
  ['reporter', true, true, true, false],
  ['moderator', true, true, true, true],
  ['admin', true, true, true, true],
  ['own agency', true, false, true, true],
  ['other agency', false, false, false, false],
];

describe('complaint and photo access matrix', () => {
  for (const [viewer, seesSecret, seesSecretReporter, seesOpenReporter, seesNotes] of matrix) {
    it(`${viewer}`, async () => {
      for (const kind of ['secret', 'confidential', 'open'] as const) {
        const { code, photo } = complaints[kind];
        const res = await call(`/api/complaints/${code}`, { headers: headers(viewer, kind) });
        const photoRes = await call(`/api/photos/${photo}`, { headers: headers(viewer, kind) });
        await photoRes.arrayBuffer();
        const visible = kind === 'open' || seesSecret;
        expect(res.status, `${kind} complaint`).toBe(visible ? 200 : 404);
        expect(photoRes.status, `${kind} photo`).toBe(visible ? 200 : 404);
        if (!visible) {
          expect(await res.text()).not.toContain('Pelapor');
          continue;
        }
        const view = await res.json<ComplaintView>();
        const seesReporter = kind === 'open' ? seesOpenReporter : seesSecretReporter;
        expect(view.reporter?.name ?? null, `${kind} reporter`).toBe(seesReporter ? `Pelapor ${kind}` : null);
        expect(JSON.stringify(view).includes(`${kind}@example.id`), `${kind} email`).toBe(seesReporter);
        expect(view.events.some((e) => e.body === `Catatan internal ${kind}`), `${kind} notes`).toBe(seesNotes);
      }
    });
  }
});
