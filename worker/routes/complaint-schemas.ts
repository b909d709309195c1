// The shapes citizens send, validated at the edge. Text is kept exactly as typed; limits
// are counted on the trimmed text so that spaces alone never pass.
import { z } from 'zod';
import { complaintLimits as L, feedStatuses, ntbBounds, phonePattern } from '../domain/api';
import { regionCode } from './regions';
import { slug } from './slug';

const text = (min: number, max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => s.trim().length >= min, min > 1 ? `At least ${min} characters` : 'Required')
    .refine((s) => !s.includes('\u0000'), 'Contains a NUL character');

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'Contains a NUL character')
    .nullish()
    .transform((s) => (s?.trim() ? s : null));

const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'Not an upload id');

export const createComplaintBody = z
  .object({
    title: text(L.titleMin, L.titleMax),
    description: text(L.descriptionMin, L.descriptionMax),
    category: slug,
    regencyCode: regionCode,
    districtCode: regionCode,
    villageCode: regionCode,
    lat: z.number().min(ntbBounds.south, 'Outside NTB').max(ntbBounds.north, 'Outside NTB').nullish(),
    lng: z.number().min(ntbBounds.west, 'Outside NTB').max(ntbBounds.east, 'Outside NTB').nullish(),
    address: optionalText(L.addressMax),
    photoIds: z
      .array(uploadId)
      .max(L.photosMax, `At most ${L.photosMax} photos`)
      .refine((ids) => new Set(ids).size === ids.length, 'The same photo twice')
      .default([]),
    reporter: z
      .object({
        name: optionalText(L.nameMax),
        phone: z
          .string()
          .regex(phonePattern, 'Not a phone number')
          .nullish()
          .or(z.literal('').transform(() => null)),
        email: z
          .email('Not an email address')
          .max(254)
          .nullish()
          .or(z.literal('').transform(() => null)),
      })
      .strict()
      .default({ name: null, phone: null, email: null }),
    anonymous: z.boolean().default(false),
    confidential: z.boolean().default(false),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.lat == null) !== (body.lng == null)) {
      ctx.addIssue({ code: 'custom', path: [body.lat == null ? 'lat' : 'lng'], message: 'Give both lat and lng, or neither' });
    }
  });
export type CreateComplaintBody = z.infer<typeof createComplaintBody>;

export const commentBody = z.object({ body: text(1, L.commentMax) }).strict();

export const complaintCodeParam = z.object({
  code: z.string().regex(/^NTB-[0-9A-HJKMNP-TV-Z]{8}$/, 'Not a complaint code (NTB-XXXXXXXX)'),
});

export const feedQuery = z.object({
  category: slug.optional(),
  regency: regionCode.optional(),
  status: z.enum(feedStatuses).optional(),
  pinned: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
