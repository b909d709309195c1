// GeoReport v2's XML is its JSON written out by the Spark convention: an object is an
// element with one child per field, an array is an element whose items repeat under a
// singular name (`services` → `service`), null is an empty element.

export type SparkValue = string | number | boolean | null | undefined | SparkValue[] | { [field: string]: SparkValue };

/** The item element of each list in GeoReport v2 and its service discovery. */
export const itemNames: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

// XML 1.0 cannot carry every character JSON can (control characters, lone surrogates):
// those become U+FFFD. A carriage return is kept as a reference, or parsers would drop it.
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

export function escapeXml(text: string): string {
  return text.replace(notXmlChar, '\uFFFD').replace(/[&<>\r]/g, (ch) => escapes[ch]!);
}

function element(name: string, value: SparkValue): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`No item name for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([field, v]) => element(field, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the declaration the specification asks for, then the root element. */
export function xmlDocument(root: string, value: SparkValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
