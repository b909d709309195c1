// JSON Schema as short text for the API reference: `string | null`, `maxLength 300`, and
// the fields of an object, however zod nested them (`anyOf`, arrays of objects).
import type { JsonSchema } from '../../../../worker/openapi/types';

/** The alternatives of a schema, nested `anyOf`s flattened. */
const alternatives = (s: JsonSchema): JsonSchema[] =>
  (s.anyOf ?? s.oneOf ?? [s]).flatMap((a) => (a.anyOf || a.oneOf ? alternatives(a) : [a]));

export function typeText(schema: JsonSchema): string {
  const parts = alternatives(schema).map((s): string => {
    if (s.$ref) return s.$ref.split('/').pop()!;
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
    if (s.type === 'array') {
      const item = s.items ? typeText(s.items) : 'any';
      return item.includes('|') ? `(${item})[]` : `${item}[]`;
    }
    const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
    return s.format ? `${type} (${s.format})` : type;
  });
  return [...new Set(parts)].join(' | ');
}

const keywords = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'pattern', 'default'] as const;

/** The limits a value must keep, in JSON Schema's own words: `maxLength 150`. */
export function constraintsText(schema: JsonSchema): string[] {
  return alternatives(schema).flatMap((s) =>
    keywords.flatMap((k) => {
      const value = s[k];
      // A format (email, date-time) says more than its long pattern.
      if (value === undefined || (k === 'pattern' && s.format)) return [];
      return [`${k} ${typeof value === 'string' && k === 'pattern' ? value : JSON.stringify(value)}`];
    }),
  );
}

export interface Field {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** The fields of an object schema, of the object among its alternatives, or of its items. */
export function fieldsOf(schema: JsonSchema): { fields: Field[]; closed: boolean } | undefined {
  const object = alternatives(schema)
    .map((s) => (s.type === 'array' && s.items ? s.items : s))
    .find((s) => s.properties);
  if (!object?.properties) return undefined;
  return {
    fields: Object.entries(object.properties).map(([name, s]) => ({ name, required: object.required?.includes(name) ?? false, schema: s })),
    closed: object.additionalProperties === false,
  };
}
