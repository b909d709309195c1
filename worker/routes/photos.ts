// `GET /api/photos/:id`: a complaint's photo, with its stored type and nothing that lets a
// browser treat it as anything but an image. Until the moderators have let the complaint
// through, and always for a confidential one, its photos need its tracking token or a staff
// member who reaches the complaint (`maySeePhotos`).
import { Hono } from 'hono';
import { z } from 'zod';
import { findPhoto } from '../db/complaints';
import { maySeePhotos, photosArePublic } from '../domain/access';
import { viewerOf } from '../http/viewer';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';

export const photoRoutes = new Hono<AppEnv>().get(
  '/:id',
  validate('param', z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'Not a photo id') })),
  async (c) => {
    const found = await findPhoto(c.get('db'), c.req.valid('param').id);
    if (!found) throw notFound('Photo');
    if (!maySeePhotos(await viewerOf(c, found.trackingTokenHash), found)) throw notFound('Photo');
    const open = photosArePublic(found);
    const object = await c.env.PHOTOS.get(found.photo.r2Key);
    if (!object) throw notFound('Photo');
    const headers = {
      // nosniff and a sandboxing CSP come from the API's secure headers (app.ts).
      // A photo the public may see can stop being so (a complaint returned, then refused):
      // caches keep it ten minutes at most, and ask again cheaply with its ETag. One the
      // public may not see stays out of shared caches.
      'Cache-Control': open ? 'public, max-age=600' : 'private, no-store',
      // Open311 links the photos the public may see, for other sites to show; the others
      // stay with our own pages.
      'Cross-Origin-Resource-Policy': open ? 'cross-origin' : 'same-origin',
      ETag: object.httpEtag,
    };
    if (namesVersion(c.req.header('If-None-Match'), object.httpEtag)) {
      await object.body.cancel();
      return new Response(null, { status: 304, headers });
    }
    return new Response(object.body, {
      headers: { ...headers, 'Content-Type': found.photo.contentType, 'Content-Length': String(found.photo.size) },
    });
  },
);

/**
 * Whether an If-None-Match header names this version (`*`, or a list of entity tags, weak
 * ones compared weakly). Read here rather than by R2, which refuses a malformed header with
 * an exception: any header a client sends is only a miss.
 */
function namesVersion(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}
