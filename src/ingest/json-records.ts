// JSON and JSON Lines records as flat string rows: shared by the sniffer (on a file's head) and the
// streaming reader (re-exported from sniff.ts). Null-prototype objects keep keys like `__proto__` inert.

type Flat = Record<string, string>;

/** The first array of objects met while flattening, exploded into one row per element. */
interface Exploded {
  path: string;
  items: Record<string, unknown>[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const emptyFlat = (): Flat => Object.create(null) as Flat;

/** A scalar as cell text; null and undefined are empty, nested values stay JSON. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v as number | boolean | bigint);
}

/** GA4-style `[{key, value: {string_value|int_value…}}]` lists, flattened as `path.key` instead of exploded. */
function isKeyValueList(v: unknown[]): v is { key: string; value: unknown }[] {
  return v.length > 0 && v.every((e) => isObject(e) && typeof e.key === 'string' && 'value' in e && Object.keys(e).length === 2);
}

/** The first non-null member of a GA4 value object (or the value itself). */
function keyValueText(v: unknown): string {
  if (!isObject(v)) return text(v);
  return text(Object.values(v).find((x) => x !== null && x !== undefined));
}

/** Writes obj's leaves into out with dotted keys; remembers the first array of objects when `explode` is given. */
function flattenInto(obj: Record<string, unknown>, prefix: string, out: Flat, explode: { found: Exploded | null } | null): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (isObject(v)) flattenInto(v, `${key}.`, out, explode);
    else if (!Array.isArray(v)) out[key] = text(v);
    else if (isKeyValueList(v)) for (const kv of v) out[`${key}.${kv.key}`] = keyValueText(kv.value);
    else if (!v.some(isObject)) out[key] = v.map(text).join('|');
    else if (explode && !explode.found) explode.found = { path: key, items: v.filter(isObject) };
    else out[key] = JSON.stringify(v); // later arrays of objects cannot be exploded as well
  }
}

/**
 * One JSON value as flat rows: nested objects get dotted keys, the first array of objects becomes one
 * row per element (carrying the parent's fields; element keys that clash get the array's path), arrays
 * of scalars join with `|`, null is ''.
 */
export function flattenRecord(value: unknown): Flat[] {
  const parent = emptyFlat();
  if (Array.isArray(value)) {
    value.forEach((v, i) => (parent[`column_${i + 1}`] = text(v)));
    return [parent];
  }
  if (!isObject(value)) {
    parent.value = text(value);
    return [parent];
  }
  const explode: { found: Exploded | null } = { found: null };
  flattenInto(value, '', parent, explode);
  const found = explode.found;
  if (!found) return [parent];
  return found.items.map((item) => {
    const inner = emptyFlat();
    flattenInto(item, '', inner, null);
    const row = Object.assign(emptyFlat(), parent);
    for (const [k, v] of Object.entries(inner)) row[k in parent ? `${found.path}.${k}` : k] = v;
    return row;
  });
}

/** Union of the records' keys in first-seen order. */
export function recordHeader(rows: Flat[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) keys.add(k);
  return [...keys];
}

/** A flat record as a row in header order ('' for absent keys). */
export function recordToRow(rec: Flat, header: string[]): string[] {
  return header.map((k) => rec[k] ?? '');
}

/**
 * Parses the complete top-level values of a possibly cut JSON head: the elements of a JSON array
 * (`inArray`) or concatenated values such as JSON Lines. Values cut off at the end are skipped.
 */
export function scanJsonValues(head: string, inArray: boolean, limit = 1000): unknown[] {
  const out: unknown[] = [];
  let i = inArray ? head.indexOf('[') + 1 : 0;
  let depth = 0;
  let start = -1;
  let inString = false;
  for (; i < head.length && out.length < limit; i++) {
    const c = head.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (depth++ === 0) start = i;
    } else if (c === 125 || c === 93) {
      if (--depth === 0) {
        try {
          out.push(JSON.parse(head.slice(start, i + 1)));
        } catch {
          // A malformed value is skipped; the reader reports it with its line number.
        }
      } else if (depth < 0) break; // the closing bracket of the array
    }
  }
  return out;
}
