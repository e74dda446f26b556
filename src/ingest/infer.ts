// Value-level inference: missing values, time formats, decimal marks, ids and column kinds. The cell
// parsers themselves live in parse-value.ts (re-exported here).
import { isBlank, isDigit, parseNumber, parseTime } from './parse-value';
import type { TimeFormat } from './types';

export { parseNumber, parseTime, unixToMs } from './parse-value';

/** Share of non-missing samples a format or kind must parse to be chosen ("nearly all"). */
export const DETECT_MIN_SHARE = 0.9;
/** Earliest plausible unix time (1995-01-01 UTC): smaller integers are ids or counts, not times. */
export const UNIX_MIN_MS = 788_918_400_000;
/** Earliest plausible yyyymmdd date (1900-01-01): rules out 8-digit ids such as 17200506. */
export const COMPACT_MIN_MS = -2_208_988_800_000;
/** Unix values this large would be nanoseconds: detection leaves them out, since 19-digit ids land near 2036. */
export const UNIX_DETECT_MAX = 1e17;
/** Latest plausible time of the number-only formats (2100-01-01 UTC). */
export const PLAUSIBLE_MAX_MS = 4_102_444_800_000;

const MISSING = new Set(['', 'na', 'n/a', '#n/a', 'null', 'nan', 'none', '(not set)']);

/** True for empty cells and the usual spellings of "no value" (NA, null, NaN, None, (not set) …). */
export function isMissing(s: string): boolean {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  if (i === s.length) return true;
  // Every missing token starts with n, N, ( or #: most real values are rejected without allocating.
  const c = s.charCodeAt(i) | 32;
  if (c !== 110 && c !== 40 && c !== 35) return false;
  return MISSING.has(s.trim().toLowerCase());
}

/** Formats tried by detection with the range they must land in; ties go to the earlier one (3/4/2020 reads as US). */
const DETECT_ORDER: readonly [TimeFormat, number, number][] = [
  ['iso', -Infinity, Infinity],
  ['yyyymmdd', COMPACT_MIN_MS, PLAUSIBLE_MAX_MS],
  ['unix-auto', UNIX_MIN_MS, PLAUSIBLE_MAX_MS],
  ['us', -Infinity, Infinity],
  ['dmy', -Infinity, Infinity],
];

/** The time format that parses nearly all non-missing samples (to a plausible date for number-only forms), or null. */
export function detectTimeFormat(samples: string[]): TimeFormat | null {
  const values = samples.filter((s) => !isMissing(s));
  if (values.length === 0) return null;
  let best: TimeFormat | null = null;
  let bestHits = Math.ceil(values.length * DETECT_MIN_SHARE) - 1;
  for (const [fmt, min, max] of DETECT_ORDER) {
    let hits = 0;
    for (const v of values) {
      const t = parseTime(v, fmt);
      if (t >= min && t < max && (fmt !== 'unix-auto' || Math.abs(parseNumber(v, false)) < UNIX_DETECT_MAX)) hits++;
    }
    if (hits > bestHits) [best, bestHits] = [fmt, hits];
  }
  return best;
}

/** True when the numeric samples write decimals with a comma (`12,5`, `1.234,50`). */
export function detectDecimalComma(samples: string[]): boolean {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const v = s.trim();
    const c = v.lastIndexOf(',');
    const d = v.lastIndexOf('.');
    if (!/^[-+$€£¥\s\d.,]*\d[\s$€£¥]*$/.test(v) || (c < 0 && d < 0)) continue;
    // A separator followed by exactly three digits is ambiguous (1,234 or 1.234) unless the other one follows it.
    if (c > d && (d >= 0 || !/^,\d{3}\b/.test(v.slice(c)))) comma++;
    else if (d > c && (c >= 0 || !/^\.\d{3}\b/.test(v.slice(d)))) dot++;
  }
  return comma > dot;
}

/** Trims an id and drops a float artefact (`17850.0` → `17850`) from integer-looking ids. */
export function normaliseId(s: string): string {
  const t = s.trim();
  const dot = t.indexOf('.');
  if (dot <= 0) return t;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (i < dot ? !isDigit(c) && !(i === 0 && c === 45) : i > dot && c !== 48) return t;
  }
  return dot + 1 < t.length ? t.slice(0, dot) : t;
}

/** Kind of a column for the preview table, judged on its non-missing samples. */
export function inferColumnKind(samples: string[]): 'empty' | 'time' | 'integer' | 'number' | 'text' {
  const values = samples.filter((s) => !isMissing(s));
  if (values.length === 0) return 'empty';
  if (detectTimeFormat(values) !== null) return 'time';
  if (values.every((v) => /^\s*[-+]?\d+\s*$/.test(v))) return 'integer';
  const dc = detectDecimalComma(values);
  return values.every((v) => !Number.isNaN(parseNumber(v, dc))) ? 'number' : 'text';
}
