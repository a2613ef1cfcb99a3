/**
 * Characters XML 1.0 forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF, unpaired
 * surrogates): one of them in a cell or a paragraph makes the whole .xlsx or .docx unreadable. Nobody
 * types them on purpose, so they are dropped where text enters (function events, ledger cells) and
 * again where the files are written. Pure.
 */
const FORBIDDEN = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const stripXmlForbidden = (text: string): string => text.replace(FORBIDDEN, '');

/** A copy of `value` with every string in it (not the keys) stripped. */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return stripXmlForbidden(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => xmlSafe(item)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, xmlSafe(item)])) as T;
  }
  return value;
}
