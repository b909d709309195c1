// The parts of OpenAPI 3.1 that `/api/openapi.json` uses. Plain types only: the reference
// page of the client (web/src/pages/ApiDocs.tsx) reads the same document.

/** JSON Schema 2020-12 as zod writes it (`z.toJSONSchema`), the keywords we show. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  $ref?: string;
}

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/**
 * Prose in both languages: `description` in English, the field generic OpenAPI tools show, and
 * its Indonesian twin in the extension `x-description-id` (as on tags). The reference page
 * shows the reader's language.
 */
export interface Described {
  description: string;
  'x-description-id': string;
}

/** Words in both languages, or none at all: never one language alone. */
export type MaybeDescribed = Described | { description?: undefined; 'x-description-id'?: undefined };

export interface Reference {
  $ref: string;
}

export type Parameter = MaybeDescribed & {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
};

export interface MediaType {
  schema?: JsonSchema;
}

export type RequestBody = MaybeDescribed & {
  required: boolean;
  content: Record<string, MediaType>;
};

export interface ResponseObject extends Described {
  headers?: Record<string, Described & { schema: JsonSchema }>;
  content?: Record<string, MediaType>;
}

export type Operation = MaybeDescribed & {
  operationId: string;
  /** English; the Indonesian is `x-summary-id`. */
  summary: string;
  'x-summary-id': string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, ResponseObject | Reference>;
  /** Alternatives: any one of them admits the caller; `{}` means no credentials at all. */
  security: Record<string, string[]>[];
  /** Staff roles the route admits, when it is for some roles only. */
  'x-staff-roles'?: string[];
};

export interface Tag extends Described {
  name: string;
}

export interface SecurityScheme extends Described {
  type: 'apiKey';
  in: 'header' | 'cookie';
  name: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: Described & { title: string; version: string };
  servers: (MaybeDescribed & { url: string })[];
  tags: Tag[];
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, SecurityScheme>;
  };
}
