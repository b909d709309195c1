// `GET /api/photos/:id`: a complaint's photo, with its stored type and nothing that lets a
// browser treat it as anything but an image. A confidential complaint's photos need its
// tracking token.
import { Hono } from 'hono';
import { z } from 'zod';
import { sha256Hex } from '../auth/tokens';
import { findPhoto } from '../db/complaints';
import { TRACKING_TOKEN_HEADER } from '../domain/api';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { validate } from '../http/validate';

export const photoRoutes = new Hono<AppEnv>().get(
  '/:id',
  validate('param', z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'Not a photo id') })),
  async (c) => {
    const found = await findPhoto(c.get('db'), c.req.valid('param').id);
    if (!found) throw notFound('Photo');
    if (found.confidential) {
      const token = c.req.header(TRACKING_TOKEN_HEADER);
      if (!token || (await sha256Hex(token)) !== found.trackingTokenHash) throw notFound('Photo');
    }
    const object = await c.env.PHOTOS.get(found.photo.r2Key);
    if (!object) throw notFound('Photo');
    return new Response(object.body, {
      headers: {
        'Content-Type': found.photo.contentType,
        'Content-Length': String(found.photo.size),
        // nosniff and a sandboxing CSP come from the API's secure headers (app.ts).
        // A photo never changes; a confidential one stays out of shared caches.
        'Cache-Control': found.confidential ? 'private, no-store' : 'public, max-age=31536000, immutable',
        ETag: object.httpEtag,
      },
    });
  },
);
