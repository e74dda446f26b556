// The demo store's calendar: which day is a weekend, how traffic grows, when the promotion runs and
// at what hours people shop. All day numbers are 0-based offsets from the start date (UTC).

import { cdfSampler, type Rng } from '../lib/random';

/** Milliseconds per day. */
export const DAY_MS = 86_400_000;

/** Human session rate on Saturdays and Sundays relative to weekdays. */
export const WEEKEND_FACTOR = 1.4;

/** Trend: human session rate on the first day and on the last day (linear in between). */
export const TREND_START = 0.7;
export const TREND_END = 1.5;

/** Promotion length in days, and where it starts as a fraction of the period. */
export const PROMO_DAYS = 5;
const PROMO_AT = 0.62;

/** Human session rate multiplier during the promotion (bargain hunters get their own, larger one). */
export const PROMO_TRAFFIC = 2.0;

/**
 * Share of human sessions starting in each UTC hour: quiet nights, a lunch bump and an evening
 * peak — the usual e-commerce day.
 */
const HOUR_WEIGHTS = [
  2, 1.2, 0.8, 0.6, 0.6, 0.8, 1.5, 2.5, 3.5, 4, 4.2, 4.5, 5, 5, 4.6, 4.4, 4.5, 5, 5.8, 6.5, 7, 6.5, 5, 3.5,
];

/** The calendar of one generated shop. */
export interface DemoCalendar {
  startMs: number;
  days: number;
  /** First and last promotion day (inclusive). */
  promoStart: number;
  promoEnd: number;
  /** Human churners go silent this many days before the end. */
  silentDays: number;
}

/** Parses the ISO start date and places the promotion. */
export function buildCalendar(start: string, days: number): DemoCalendar {
  const startMs = Date.parse(`${start}T00:00:00Z`);
  if (!Number.isFinite(startMs)) throw new RangeError(`Demo start must be an ISO date (YYYY-MM-DD), got "${start}"`);
  if (!Number.isInteger(days) || days < 14) throw new RangeError(`Demo needs at least 14 days, got ${days}`);
  const promoStart = Math.min(days - PROMO_DAYS, Math.round(days * PROMO_AT));
  return { startMs, days, promoStart, promoEnd: promoStart + PROMO_DAYS - 1, silentDays: Math.round(days / 3) };
}

/** Whether day d is a Saturday or Sunday (UTC). */
export function isWeekend(cal: DemoCalendar, d: number): boolean {
  const dow = new Date(cal.startMs + d * DAY_MS).getUTCDay();
  return dow === 0 || dow === 6;
}

/** Whether day d is a promotion day. */
export function isPromo(cal: DemoCalendar, d: number): boolean {
  return d >= cal.promoStart && d <= cal.promoEnd;
}

/** Human traffic on day d relative to an ordinary weekday at the start, before the promotion. */
export function baseTraffic(cal: DemoCalendar, d: number): number {
  const trend = TREND_START + ((TREND_END - TREND_START) * d) / Math.max(1, cal.days - 1);
  return trend * (isWeekend(cal, d) ? WEEKEND_FACTOR : 1);
}

/** Full human traffic curve including the promotion, used to place arrivals of new customers. */
export function trafficCurve(cal: DemoCalendar): number[] {
  return Array.from({ length: cal.days }, (_, d) => baseTraffic(cal, d) * (isPromo(cal, d) ? PROMO_TRAFFIC : 1));
}

/** ISO date (YYYY-MM-DD) of day d. */
export function isoDay(cal: DemoCalendar, d: number): string {
  return new Date(cal.startMs + d * DAY_MS).toISOString().slice(0, 10);
}

/** Returns a sampler of human session start offsets within a day (ms), following HOUR_WEIGHTS. */
export function timeOfDaySampler(rng: Rng): () => number {
  const hour = cdfSampler(HOUR_WEIGHTS, rng);
  return () => Math.floor((hour() + rng.next()) * 3_600_000);
}
