// POST requests: the specification's form becomes the body /api/complaints validates, so
// both doors accept and refuse the same things; refusals name the form's own fields.
import type { ErrorIssue } from '../domain/api';
import { complaintLimits } from '../domain/api';
import { ApiError } from '../http/errors';
import { issuesOf } from '../http/validate';
import { type CreateComplaintBody, createComplaintBody } from '../routes/complaint-schemas';
import { attributeSpecs } from './services';

/** Our body's paths → the form's fields. */
const formFields: Record<string, string> = {
  title: 'attribute[title]',
  description: 'description',
  category: 'service_code',
  regencyCode: 'attribute[regency]',
  districtCode: 'attribute[district]',
  villageCode: 'attribute[village]',
  lat: 'lat',
  lng: 'long',
  address: 'address_string',
  'reporter.name': 'first_name',
  'reporter.phone': 'phone',
  'reporter.email': 'email',
  anonymous: 'attribute[anonymous]',
  confidential: 'attribute[confidential]',
};

/** A value of our body the form did not send, made from a field it did. */
export type Derived = Record<string, { field: string; as: string }>;

/**
 * Our refusals in the form's words. A derived value is wrong only because the field it
 * came from is: it is reported once, against that field, unless the field already is.
 */
export function inFormTerms(issues: ErrorIssue[], derived: Derived = {}): ErrorIssue[] {
  const own = issues.filter((i) => !derived[i.path]).map((i) => ({ path: formFields[i.path] ?? i.path, message: i.message }));
  const named = new Set(own.map((i) => i.path));
  const fromSources: ErrorIssue[] = [];
  for (const issue of issues) {
    const source = derived[issue.path];
    if (!source || named.has(source.field)) continue;
    named.add(source.field);
    fromSources.push({ path: source.field, message: `${issue.message} (${source.as})` });
  }
  return [...own, ...fromSources];
}

const invalid = (issues: ErrorIssue[]) =>
  new ApiError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { details: issues });

/** The specification's "optional": an empty parameter is the same as none. */
export const formValue = (form: URLSearchParams, name: string): string | undefined => form.get(name) || undefined;

const decimal = /^-?\d{1,3}(\.\d+)?$/;
const attributeKey = /^attribute\[([^\]]*)\](\[\])?$/;
const knownAttributes = new Map(attributeSpecs.map((a) => [a.code, a]));

function readAttributes(form: URLSearchParams, issues: ErrorIssue[]): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const key of new Set(form.keys())) {
    const match = attributeKey.exec(key);
    if (!match) continue;
    const [, code = '', many] = match;
    const spec = knownAttributes.get(code);
    const values = form.getAll(key).filter(Boolean);
    if (!spec) issues.push({ path: key, message: 'No such attribute (see the service definition)' });
    else if (many || values.length > 1) issues.push({ path: `attribute[${code}]`, message: 'Takes one value' });
    else if (values[0] !== undefined) attributes.set(code, values[0]);
  }
  for (const code of ['anonymous', 'confidential']) {
    const value = attributes.get(code);
    if (value !== undefined && value !== 'true' && value !== 'false') issues.push({ path: `attribute[${code}]`, message: 'Expected true or false' });
  }
  return attributes;
}

function coordinate(form: URLSearchParams, name: 'lat' | 'long', issues: ErrorIssue[]): number | undefined {
  const value = formValue(form, name);
  if (value === undefined) return undefined;
  if (!decimal.test(value)) issues.push({ path: name, message: 'Expected decimal degrees (WGS84)' });
  return Number(value);
}

const graphemes = new Intl.Segmenter('id', { granularity: 'grapheme' });

/** The start of `text` in at most `max` UTF-16 units (as the limits count), never cutting a character (an emoji, a letter with its accents) in two. */
function startOf(text: string, max: number): string {
  let start = '';
  for (const { segment } of graphemes.segment(text)) {
    if (start.length + segment.length > max) break;
    start += segment;
  }
  return start;
}

/** Without a title, the description's first sentence (or its start) names the complaint. */
export function titleFrom(description: string): string {
  const text = description.trim().replace(/\s+/g, ' ');
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const title = sentence.length >= complaintLimits.titleMin ? sentence : text;
  return title.length <= complaintLimits.titleMax ? title : `${startOf(title, complaintLimits.titleMax - 1).trimEnd()}…`;
}

/** Parents in the official numbering: 52.71.01.1004 lies in 52.71.01, which lies in 52.71. */
const parentCode = (code: string | undefined, parts: number) => (code && /^\d{2}(\.\d{2}){2}\.\d{4}$/.test(code) ? code.split('.').slice(0, parts).join('.') : undefined);

export interface PostedRequest {
  body: CreateComplaintBody;
  mediaUrl: string | null;
  /** What the body holds that the form did not send (for `inFormTerms`). */
  derived: Derived;
}

/** The title and the place's parents the form left out, and what they come from. */
function derivedValues(attributes: Map<string, string>): Derived {
  const derived: Derived = {};
  if (!attributes.has('title')) derived.title = { field: 'description', as: 'the title made from its start; or send attribute[title]' };
  if (!attributes.has('regency')) derived.regencyCode = { field: 'attribute[village]', as: 'the regency its code names' };
  if (!attributes.has('district')) derived.districtCode = { field: 'attribute[village]', as: 'the district its code names' };
  return derived;
}

/** 400 with every problem at once, named as the form names it. */
export function readRequestForm(form: URLSearchParams): PostedRequest {
  const issues: ErrorIssue[] = [];
  const attributes = readAttributes(form, issues);
  const lat = coordinate(form, 'lat', issues);
  const long = coordinate(form, 'long', issues);
  const addressString = formValue(form, 'address_string');
  if ((lat === undefined) !== (long === undefined)) {
    issues.push({ path: lat === undefined ? 'lat' : 'long', message: 'Send lat and long together' });
  } else if (lat === undefined && addressString === undefined) {
    issues.push({ path: 'lat', message: 'Give lat and long, or address_string (address_id is not supported)' });
  }
  const village = attributes.get('village');
  if (village === undefined && !issues.some((i) => i.path === 'attribute[village]')) {
    issues.push({ path: 'attribute[village]', message: 'Required: the village’s official code (see the service definition)' });
  }
  const description = formValue(form, 'description');
  if (description === undefined) issues.push({ path: 'description', message: 'Required' });

  const mediaUrl = formValue(form, 'media_url') ?? null;
  if (mediaUrl !== null && !isWebUrl(mediaUrl)) issues.push({ path: 'media_url', message: 'Expected an http or https URL of at most 2,000 characters' });
  if (issues.length) throw invalid(issues);

  const name = [formValue(form, 'first_name'), formValue(form, 'last_name')].filter(Boolean).join(' ');
  const parsed = createComplaintBody.safeParse({
    title: attributes.get('title') ?? titleFrom(description!),
    description,
    category: formValue(form, 'service_code'),
    regencyCode: attributes.get('regency') ?? parentCode(village, 2) ?? village,
    districtCode: attributes.get('district') ?? parentCode(village, 3) ?? village,
    villageCode: village,
    lat: lat ?? null,
    lng: long ?? null,
    address: addressString ?? null,
    photoIds: [],
    reporter: { name: name || null, phone: formValue(form, 'phone') ?? null, email: formValue(form, 'email') ?? null },
    anonymous: attributes.get('anonymous') === 'true',
    confidential: attributes.get('confidential') === 'true',
  });
  const derived = derivedValues(attributes);
  if (!parsed.success) throw invalid(inFormTerms(issuesOf(parsed.error), derived));
  return { body: parsed.data, mediaUrl, derived };
}

function isWebUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
