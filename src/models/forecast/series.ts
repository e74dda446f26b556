// Regular time series for forecasting: consecutive UTC days or ISO weeks (Monday), with zeros, not
// gaps, for periods without sales, and optional user-marked promotion periods.

/** Milliseconds per UTC day. */
export const DAY_MS = 86_400_000;

/** Period length of a series. */
export type Freq = 'day' | 'week';

/** A regular series: `values[i]` belongs to the period starting `start` + i periods. */
export interface Series {
  /** ISO date (YYYY-MM-DD) of the first period; a Monday for weekly series. */
  start: string;
  freq: Freq;
  values: Float64Array;
  /** 1 on user-marked promotion periods, aligned with `values`. */
  promo?: Uint8Array;
}

/** The weekly season: 7 days, or 52 ISO weeks (a year, ignoring the odd 53-week year). */
export function seasonLength(freq: Freq): number {
  return freq === 'day' ? 7 : 52;
}

/** "days" or "weeks", for messages. */
export const unitName = (freq: Freq, n = 2): string => `${freq}${n === 1 ? '' : 's'}`;

const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The ISO dates of periods `from` … `from + count − 1` of a series starting at `start`. */
export function periodDates(start: string, freq: Freq, count: number, from = 0): string[] {
  const first = dayNumber(start), step = freq === 'day' ? 1 : 7;
  return Array.from({ length: count }, (_, i) => isoDay(first + (from + i) * step));
}

/**
 * A daily series from day → value entries: every day from the first to the last key (or the given
 * bounds) is present, and days without an entry are 0 (no sales is a value, not a gap).
 */
export function dailySeries(byDay: ReadonlyMap<string, number>, bounds?: { from: string; to: string }, promoDays?: ReadonlySet<string>): Series {
  const days = [...byDay.keys()].map(dayNumber);
  const first = bounds ? dayNumber(bounds.from) : Math.min(...days);
  const last = bounds ? dayNumber(bounds.to) : Math.max(...days);
  const n = Math.max(0, last - first + 1);
  const values = new Float64Array(n);
  const promo = promoDays ? new Uint8Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const iso = isoDay(first + i);
    values[i] = byDay.get(iso) ?? 0;
    if (promo && promoDays?.has(iso)) promo[i] = 1;
  }
  return { start: n > 0 ? isoDay(first) : (bounds?.from ?? '1970-01-01'), freq: 'day', values, ...(promo ? { promo } : {}) };
}

/**
 * Sums a daily series into ISO weeks (Monday to Sunday). Incomplete weeks at either end are dropped,
 * because a partial week would read as a sudden drop. A week is a promotion week when any of its
 * days is. Sums are right for revenue, orders and units; weekly active users are distinct per week
 * and must be counted from the events, not summed from days.
 */
export function toWeekly(daily: Series): Series {
  if (daily.freq !== 'day') throw new Error('toWeekly expects a daily series');
  const first = dayNumber(daily.start);
  // Day 0 of the epoch (1970-01-01) was a Thursday, so Monday is weekday 0 in (day + 3) mod 7.
  const skip = (7 - ((first + 3) % 7)) % 7;
  const weeks = Math.max(0, Math.floor((daily.values.length - skip) / 7));
  const values = new Float64Array(weeks);
  const promo = daily.promo ? new Uint8Array(weeks) : undefined;
  for (let w = 0; w < weeks; w++) {
    let sum = 0, any = 0;
    for (let d = 0; d < 7; d++) {
      const i = skip + 7 * w + d;
      sum += daily.values[i] as number;
      any |= daily.promo?.[i] ?? 0;
    }
    values[w] = sum;
    if (promo) promo[w] = any;
  }
  return { start: isoDay(first + skip), freq: 'week', values, ...(promo ? { promo } : {}) };
}

/** Share of negative periods a series may have and still be treated as a positive quantity. */
export const NEGATIVE_SHARE_MAX = 0.02;

/**
 * True for a positive quantity with rare negative periods (net revenue on a day of big refunds):
 * such a series may use multiplicative seasonality and its forecasts are floored at 0.
 */
export function mostlyNonNegative(y: ArrayLike<number>): boolean {
  let negative = 0, sum = 0;
  for (let t = 0; t < y.length; t++) {
    const v = y[t] as number;
    sum += v;
    if (v < 0) negative++;
  }
  return sum > 0 && negative <= NEGATIVE_SHARE_MAX * y.length;
}
