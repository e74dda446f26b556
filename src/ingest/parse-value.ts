// Cell parsers for times and numbers. They run once per cell on millions of rows, so they walk char
// codes over a module-level cursor instead of allocating substrings or building regexes per call.
import type { TimeFormat } from './types';

// Powers of ten that are exact doubles: mantissa / 10^k is then correctly rounded, like Number().
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DAY_MS = 86_400_000;

/** Whitespace and no-break space. */
export const isBlank = (c: number): boolean => c <= 32 || c === 0xa0;
/** ASCII digit. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** $ € £ ¥. */
const isCurrency = (c: number): boolean => c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;

// Scanner state shared by the time parsers (single-threaded, so module state is safe and allocation-free).
let src = '';
let pos = 0;
let stop = 0;

/** Points the scanner at s without its surrounding blanks. */
function scan(s: string): void {
  src = s;
  pos = 0;
  stop = s.length;
  while (pos < stop && isBlank(s.charCodeAt(pos))) pos++;
  while (stop > pos && isBlank(s.charCodeAt(stop - 1))) stop--;
}

/** Reads min..max digits as an integer, or -1. */
function digits(min: number, max: number): number {
  let v = 0;
  let n = 0;
  for (; n < max && pos < stop && isDigit(src.charCodeAt(pos)); n++) v = v * 10 + src.charCodeAt(pos++) - 48;
  return n >= min ? v : -1;
}

/** Consumes char code c if it is next. */
function eat(c: number): boolean {
  if (pos >= stop || src.charCodeAt(pos) !== c) return false;
  pos++;
  return true;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil), NaN if invalid. */
function epochDay(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 ? (leap ? 29 : 28) : 30 + ((m + (m >> 3)) & 1))) return NaN;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Reads `h:mm[:ss[.fff]][ AM|PM]` at the cursor as ms of day, or -1. */
function clock(allowMeridiem: boolean): number {
  let h = digits(1, 2);
  if (h < 0 || !eat(58)) return -1;
  const mi = digits(2, 2);
  let sec = 0;
  let ms = 0;
  if (eat(58)) sec = digits(2, 2);
  if (sec >= 0 && (eat(46) || eat(44))) {
    const start = pos;
    const f = digits(1, 3);
    ms = f * (POW10[3 - (pos - start)] ?? 1);
    while (pos < stop && isDigit(src.charCodeAt(pos))) pos++; // finer than ms is truncated
  }
  if (mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) return -1;
  if (allowMeridiem) {
    const save = pos;
    eat(32);
    const c = pos < stop ? src.charCodeAt(pos) | 32 : 0;
    if ((c === 97 || c === 112) && pos + 2 === stop && (src.charCodeAt(pos + 1) | 32) === 109) {
      if (h < 1 || h > 12) return -1;
      h = (h % 12) + (c === 112 ? 12 : 0);
      pos = stop;
    } else pos = save;
  }
  return h > 23 ? -1 : ((h * 60 + mi) * 60 + sec) * 1000 + ms;
}

/** Reads an optional zone (Z, UTC, GMT, ±hh[[:]mm]) and end of input; returns the offset in ms or NaN. */
function zone(): number {
  eat(32);
  if (pos === stop) return 0;
  const c = src.charCodeAt(pos);
  if (c === 90 || c === 122) return ++pos === stop ? 0 : NaN;
  if (stop - pos === 3 && (isWord(117, 116, 99) || isWord(103, 109, 116))) return 0; // UTC, GMT
  if (c !== 43 && c !== 45) return NaN;
  pos++;
  const h = digits(2, 2);
  eat(58);
  const m = pos < stop ? digits(2, 2) : 0;
  if (h < 0 || h > 23 || m < 0 || m > 59 || pos !== stop) return NaN;
  return (c === 45 ? -1 : 1) * (h * 60 + m) * 60_000;
}

/** True when the three chars at the cursor are a, b, c (lower-case codes), case-insensitively. */
function isWord(a: number, b: number, c: number): boolean {
  return (src.charCodeAt(pos) | 32) === a && (src.charCodeAt(pos + 1) | 32) === b && (src.charCodeAt(pos + 2) | 32) === c;
}

/** `yyyy-mm-dd[( |T)hh:mm[:ss[.f]]][zone]`, also with `/` between date parts. */
function parseIso(): number {
  const y = digits(4, 4);
  const sep = pos < stop ? src.charCodeAt(pos) : 0;
  if (y < 0 || (sep !== 45 && sep !== 47) || !eat(sep)) return NaN;
  const mo = digits(2, 2);
  if (!eat(sep)) return NaN;
  const day = epochDay(y, mo, digits(2, 2)) * DAY_MS;
  if (pos === stop) return day;
  if (!eat(84) && !eat(116) && !eat(32)) return NaN;
  const t = clock(false);
  return t < 0 ? NaN : day + t - zone();
}

/** Slash/dot dates with the month first (US) or the day first; 2-digit years are 19xx/20xx. */
function parseNumericDate(monthFirst: boolean): number {
  const a = digits(1, 2);
  const sep = pos < stop ? src.charCodeAt(pos) : 0;
  if (a < 0 || (monthFirst ? sep !== 47 : (sep !== 46 && sep !== 47 && sep !== 45)) || !eat(sep)) return NaN;
  const b = digits(1, 2);
  if (!eat(sep)) return NaN;
  const start = pos;
  let y = digits(2, 4);
  if (pos - start === 2) y += y < 70 ? 2000 : 1900;
  else if (pos - start !== 4) return NaN;
  const day = (monthFirst ? epochDay(y, a, b) : epochDay(y, b, a)) * DAY_MS;
  if (pos === stop) return day;
  if (!eat(32) && !eat(84)) return NaN;
  const t = clock(true);
  return t < 0 ? NaN : day + t - zone();
}

/** Exactly 8 digits yyyymmdd. */
function parseCompact(): number {
  if (stop - pos !== 8) return NaN;
  const y = digits(4, 4);
  const m = digits(2, 2);
  const d = digits(2, 2);
  return pos === stop ? epochDay(y, m, d) * DAY_MS : NaN;
}

/** Unix time in ms from a number whose magnitude tells the unit: s, ms, µs or ns. */
export function unixToMs(v: number): number {
  const a = Math.abs(v);
  return a < 1e11 ? v * 1000 : a < 1e14 ? v : a < 1e17 ? v / 1e3 : v / 1e6;
}

/** Parses a time written in fmt to ms since epoch (UTC when no zone is given); NaN when unparsable. */
export function parseTime(s: string, fmt: TimeFormat): number {
  if (fmt === 'unix-auto') return unixToMs(parseNumber(s, false));
  scan(s);
  if (fmt === 'iso') return parseIso();
  if (fmt === 'yyyymmdd') return parseCompact();
  return parseNumericDate(fmt === 'us');
}

/** Parses a number, trimming blanks and a currency sign; NaN on failure. Thousands groups may be separated. */
export function parseNumber(s: string, decimalComma: boolean): number {
  scan(s);
  let neg = false;
  if (pos < stop && isCurrency(src.charCodeAt(pos))) pos++;
  if (eat(45)) neg = true;
  else eat(43);
  if (pos < stop && isCurrency(src.charCodeAt(pos))) pos++;
  while (pos < stop && isBlank(src.charCodeAt(pos))) pos++;
  if (stop > pos && isCurrency(src.charCodeAt(stop - 1))) {
    stop--;
    while (stop > pos && isBlank(src.charCodeAt(stop - 1))) stop--;
  }
  const dec = decimalComma ? 44 : 46;
  const group = decimalComma ? 46 : 44;
  const start = pos;
  let mant = 0;
  let n = 0;
  let frac = -1;
  let grouped = false;
  for (; pos < stop; pos++) {
    const c = src.charCodeAt(pos);
    if (isDigit(c)) {
      mant = mant * 10 + c - 48;
      n++;
      if (frac >= 0) frac++;
    } else if (c === dec && frac < 0) frac = 0;
    else if ((c === group || c === 39 || isBlank(c)) && frac < 0 && n > 0 && isGroupAt(pos + 1)) grouped = true;
    else if ((c | 32) === 101 && n > 0) return exponent(start, neg, decimalComma, grouped);
    else return NaN;
  }
  if (n === 0) return NaN;
  // Past 2^53 or 10^22 the fast path would round twice; Number() rounds once.
  if (mant > Number.MAX_SAFE_INTEGER || frac > 22) return exponent(start, neg, decimalComma, grouped);
  const v = frac > 0 ? mant / (POW10[frac] ?? 1) : mant;
  return neg ? -v : v;
}

/** True when exactly three digits follow at i (a thousands group). */
function isGroupAt(i: number): boolean {
  for (let k = i; k < i + 3; k++) if (k >= stop || !isDigit(src.charCodeAt(k))) return false;
  return i + 3 >= stop || !isDigit(src.charCodeAt(i + 3));
}

/** Slow path for exponents and very long mantissas: normalise separators and let Number() round. */
function exponent(start: number, neg: boolean, decimalComma: boolean, grouped: boolean): number {
  let body = src.slice(start, stop);
  if (grouped) body = body.replace(decimalComma ? /[.'\s]/g : /[,'\s]/g, '');
  if (decimalComma) body = body.replace(',', '.');
  const v = /^\d*\.?\d*(e[+-]?\d+)?$/i.test(body) ? Number(body) : NaN;
  return neg ? -v : v;
}
