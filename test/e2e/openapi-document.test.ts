// The API reference as `wrangler dev` serves it (`GET /api/openapi.json`, what /dokumentasi-api
// reads) against the OpenAPI Initiative's JSON Schema for OpenAPI 3.1, so that any other
// tool (code generators, gateways, Swagger UI) can read it too.
//
// Validator: @hyperjump/json-schema, which implements JSON Schema 2020-12 in full, ships the
// official OAS 3.1 schemas, and is what the OpenAPI Initiative tests those schemas with. Ajv
// cannot be used: it resolves the schema's `$dynamicRef: "#meta"` (how every Schema Object
// is reached) to the enclosing object instead (ajv-validator/ajv#1573, open), and reports
// hundreds of errors on a document this validator, like the Initiative's own tests, accepts.
//
// Variant: `schema-base`, which is the official `schema` (the structure of every object of
// the document) plus each Schema Object checked against the OAS 3.1 dialect (JSON Schema
// 2020-12 and the OAS keywords). Plain `schema` takes any object as a Schema Object, so a
// request or response schema the generator got wrong (`"type": "text"`) would pass.
import { BASIC } from '@hyperjump/json-schema/experimental';
import { type OutputUnit, validate } from '@hyperjump/json-schema/openapi-3-1';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

/** One line per failed rule: where in the document, and which rule of which schema. */
const problems = (errors: OutputUnit[] = []) =>
  errors.map((e) => `${e.instanceLocation} fails ${e.absoluteKeywordLocation}`);

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document by the official schema, Schema Objects included', async () => {
    const res = await fetch(`${baseUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    const document = await res.json();

    const output = await validate('https://spec.openapis.org/oas/3.1/schema-base', document, BASIC);
    expect(output.valid ? [] : problems(output.errors)).toEqual([]);
    expect(output.valid).toBe(true);
  });
});
