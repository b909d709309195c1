// The words of the API reference, each in Indonesian and English: what each operation is for,
// who may call it and what it answers. Its inputs (path, query, body) and the guards it runs are NOT written here: the
// document reads them off the route's own middleware (worker/openapi/routes.ts).
import type { z } from 'zod';
import type { Bilingual, ErrorCode } from '../domain/api';
import type { HttpMethod, JsonSchema } from './types';
import { adminDocs } from './admin-docs';
import { citizenDocs } from './citizen-docs';
import { staffDocs } from './staff-docs';

/** Groups of operations; their names head the sections of the reference page. */
export const tags = {
  reference: { id: 'Data rujukan', en: 'Reference data' },
  complaints: { id: 'Pengaduan warga', en: "Citizens' complaints" },
  stats: { id: 'Statistik', en: 'Statistics' },
  auth: { id: 'Masuk staf', en: 'Staff sign-in' },
  moderation: { id: 'Moderasi', en: 'Moderation' },
  agency: { id: 'Instansi', en: 'Agencies' },
  export: { id: 'Ekspor', en: 'Export' },
  live: { id: 'Pembaruan langsung', en: 'Live updates' },
  admin: { id: 'Administrasi', en: 'Administration' },
} satisfies Record<string, Bilingual>;
export type TagName = keyof typeof tags;

/** The ways a caller proves who they are; `public` is none at all. */
export type Access = 'public' | 'staffSession' | 'trackingToken';

export interface HeaderDoc {
  name: string;
  description: Bilingual;
  schema: JsonSchema;
}

export interface OperationDoc {
  tag: TagName;
  summary: Bilingual;
  /** More for the reader (`code` in backticks). */
  description?: Bilingual;
  /** Who may call it, where the handler decides (routes behind `requireStaff` say so themselves). */
  access?: Access[];
  /** The answer when all goes well; `contentType: null` for an empty body. */
  ok: { status: number; description: Bilingual; contentType?: string | null; schema?: z.ZodType };
  /** Refusals besides those implied by the route's inputs, guards and method. */
  errors?: ErrorCode[];
  /** Request headers the handler reads itself. */
  headers?: HeaderDoc[];
  /** A body the handler reads itself instead of through a validator. */
  rawBody?: { contentTypes: string[]; description: Bilingual };
}

/** Keyed by method and OpenAPI path, e.g. `POST /api/complaints/{code}/forward`. */
export type OperationDocs = Record<`${Uppercase<HttpMethod>} /api${string}`, OperationDoc>;

export const operationDocs: OperationDocs = { ...citizenDocs, ...staffDocs, ...adminDocs };

export const operationKey = (method: HttpMethod, path: string) => `${method.toUpperCase()} ${path}` as keyof OperationDocs;
