// zod schemas of the fixed answers DESIGN.md names (other clients rely on them), each held
// to the API's TypeScript type both ways by the compiler, so the document says what it is.
import { z } from 'zod';
import {
  errorCodes,
  type CreateComplaintResponse,
  type ErrorBody,
  type HealthResponse,
  type MeResponse,
  type UploadResponse,
} from '../domain/api';
import { staffRoles } from '../domain/vocabulary';

/** Accepts a schema only if its output type is exactly `T`. */
const exactly =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S & ([T] extends [z.output<S>] ? unknown : never)): S =>
    schema;

export const errorBodySchema = exactly<ErrorBody>()(
  z.object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  }),
);

export const healthSchema = exactly<HealthResponse>()(
  z.object({ status: z.literal('ok'), time: z.string().meta({ format: 'date-time' }) }),
);

export const uploadSchema = exactly<UploadResponse>()(
  z.object({
    id: z.string(),
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    width: z.number().int(),
    height: z.number().int(),
    size: z.number().int(),
  }),
);

export const createdComplaintSchema = exactly<CreateComplaintResponse>()(
  z.object({ code: z.string(), trackingToken: z.string() }),
);

const agencyRef = z.object({ slug: z.string(), name: z.string(), shortName: z.string().nullable() });
export const meSchema = exactly<MeResponse>()(
  z.object({
    user: z.object({
      id: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      role: z.enum(staffRoles),
      agencyId: z.number().int().nullable(),
      agency: agencyRef.nullable(),
    }),
  }),
);
