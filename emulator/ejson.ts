/**
 * Extended JSON as the CloudBase SDK speaks it (bson 4.x `EJSON`, canonical on the wire).
 *
 * Decoding is "relaxed": numbers become JS numbers, `$date` a Date, `$regularExpression` a JS RegExp
 * and the SDK's non-standard `{"$tcb_server_date":{"offset":N}}` a real Date — each of these, left as
 * a wrapper object, makes mingo queries silently match nothing. Encoding is canonical
 * (`$numberInt`/`$numberDouble`/`$date.$numberLong`), the form the captures show the SDK accepting.
 * The same encoding is the on-disk format of documents in SQLite.
 */

export type Doc = Record<string, unknown>;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** BSON regex flags that JS understands; `x` (extended) and `l` (locale) have no JS equivalent. */
function toRegExp(pattern: string, options: string): RegExp {
  const flags = [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('');
  return new RegExp(pattern, flags);
}

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'number' || typeof v === 'string') return new Date(v);
  return new Date(NaN);
}

/**
 * Builds a JSON.parse reviver. Revivers run bottom-up, so inner wrappers (`$numberLong` inside `$date`,
 * `$numberInt` inside a server date's offset) are already plain values when the outer one is seen.
 * `now` is fixed per request so every server date in one request resolves to the same instant.
 */
function reviver(now: number) {
  return function revive(_key: string, value: unknown): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 0 || keys[0].charCodeAt(0) !== 36 /* $ */) return value;
    if (keys.length === 1) {
      const v = obj[keys[0]];
      switch (keys[0]) {
        case '$numberInt':
        case '$numberLong':
        case '$numberDouble':
        case '$numberDecimal':
          return Number(v);
        case '$date':
          return toDate(v);
        case '$oid':
          return String(v);
        case '$tcb_server_date': {
          const offset = Number((v as { offset?: unknown } | null)?.offset ?? 0);
          return new Date(now + (Number.isFinite(offset) ? offset : 0));
        }
        case '$regularExpression': {
          const r = v as { pattern?: unknown; options?: unknown };
          return toRegExp(String(r.pattern ?? ''), String(r.options ?? ''));
        }
        case '$undefined':
          return null;
      }
    }
    // Legacy regex form `{$regex, $options}` is left alone: it is also a valid mingo query operator.
    return value;
  };
}

/** Parses one EJSON text; server dates resolve against `now`. */
export function decode(text: string, now: number = Date.now()): unknown {
  return JSON.parse(text, reviver(now));
}

/**
 * The same value as `decode(text, now)`, faster for large documents: JSON.parse without a reviver
 * (V8's fast path), then one walk that replaces the wrappers bottom-up, as the reviver would. The
 * store decodes every document with it on start.
 */
export function decodeFast(text: string, now: number = Date.now()): unknown {
  const value: unknown = JSON.parse(text);
  // A text without "$" has no wrapper to replace.
  return text.includes('"$') ? reviveTree(value, reviver(now)) : value;
}

function reviveTree(value: unknown, revive: (key: string, value: unknown) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveTree(value[i], revive);
    return value;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  for (const k of keys) {
    const v = obj[k];
    if (v !== null && typeof v === 'object') obj[k] = reviveTree(v, revive);
  }
  return keys.length > 0 && keys[0].charCodeAt(0) === 36 /* $ */ ? revive('', obj) : obj;
}

function encodeNumber(n: number): string {
  if (Number.isInteger(n)) {
    if (n >= INT32_MIN && n <= INT32_MAX) return `{"$numberInt":"${n}"}`;
    if (Number.isSafeInteger(n)) return `{"$numberLong":"${n}"}`;
  }
  return `{"$numberDouble":"${String(n)}"}`;
}

/** Canonical EJSON text of a decoded value. `undefined` fields are dropped, like JSON and bson. */
export function encode(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return encodeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `{"$numberLong":"${value.toString()}"}`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return 'null';
  }
  if (value === null) return 'null';
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? 'null' : `{"$date":{"$numberLong":"${t}"}}`;
  }
  if (value instanceof RegExp) {
    return `{"$regularExpression":{"pattern":${JSON.stringify(value.source)},"options":${JSON.stringify(value.flags.replace(/[gy]/g, ''))}}}`;
  }
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (value instanceof Uint8Array) {
    return `{"$binary":{"base64":"${Buffer.from(value).toString('base64')}","subType":"00"}}`;
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Doc)) {
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${encode(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Deep copy keeping Dates and RegExps; stored documents are never mutated, writers work on copies. */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map(deepClone) as T;
  if (value instanceof Uint8Array) return Uint8Array.from(value) as T;
  const out: Doc = {};
  for (const k of Object.keys(value)) out[k] = deepClone((value as Doc)[k]);
  return out as T;
}

export function isPlainObject(v: unknown): v is Doc {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}
