// CSV that Excel opens as UTF-8 and cannot mistake for formulas: a byte-order mark, every
// field quoted, quotes doubled, and text starting with = + - @ (or a tab or carriage
// return) prefixed with an apostrophe (OWASP's advice against CSV injection).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const CSV_BOM = '\uFEFF';
