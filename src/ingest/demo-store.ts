// "Try the demo store": a deterministic synthetic shop (≈200k events over 120 days by default) with
// funnels, seasonality, a trend, a promotion, customer types, bots and fraud, and labels for all of
// them. Rows come out as strings in time order, in batches, exactly like a parsed CSV would.

import { CANONICAL_TYPES, type Mapping } from './types';
import { baseTraffic, DAY_MS, isPromo, PROMO_TRAFFIC } from './demo-calendar';
import { CHANNELS, type DemoUserType } from './demo-customers';
import { burstDay, writeBotDay, writeFraudBurst } from './demo-anomalies';
import { paddedId } from './demo-ids';
import { planDemo, type DemoOptions, type DemoPlan } from './demo-plan';
import { createWriter, writeHumanSession, type DemoEvent, type EventWriter } from './demo-sessions';

export { demoLabels, labelsFromPlan, type DemoAnomaly, type DemoLabels } from './demo-labels';
export { DEMO_DEFAULT_DAYS, DEMO_DEFAULT_START, DEMO_DEFAULT_USERS, DEMO_EVENTS_PER_USER, type DemoOptions } from './demo-plan';
export type { DemoUserType } from './demo-customers';

/** Columns of the generated rows. */
export const DEMO_HEADER = ['time', 'user', 'session', 'type', 'item', 'category', 'brand', 'price', 'quantity', 'order', 'country', 'channel'] as const;

/** How the generated rows map onto canonical events: every column by its own name. */
export const DEMO_MAPPING: Mapping = {
  columns: {
    time: 0, user: 1, session: 2, type: 3, item: 4, category: 5, brand: 6, price: 7, quantity: 8, order: 9, country: 10, channel: 11,
  },
  timeFormat: 'unix-auto',
  typeMap: {},
  defaultType: 'view',
  decimalComma: false,
};

/** Session rate multiplier during the promotion per type (bargain hunters come for the sale). */
const PROMO_RATE: Partial<Record<DemoUserType, number>> = { bargain: 5, loyal: 1.6 };
/** Mean browse sessions per day of a fraud account before its burst. */
const FRAUD_BROWSE_RATE = 0.8;

/** Writes everything user u does on day d. */
function writeUserDay(w: EventWriter, u: number, d: number): void {
  const user = w.plan.users[u];
  if (!user || d < user.firstDay || d > user.lastDay) return;
  const cal = w.plan.calendar;
  let sessions: number;
  switch (user.type) {
    case 'bot':
      writeBotDay(w, u, d);
      return;
    case 'fraud': {
      const burst = burstDay(user, cal.startMs);
      if (d === burst) writeFraudBurst(w, u);
      sessions = d < burst ? w.rng.poisson(FRAUD_BROWSE_RATE) : 0;
      break;
    }
    case 'one-off':
      sessions = 1;
      break;
    default:
      sessions = w.rng.poisson(user.rate * baseTraffic(cal, d) * (isPromo(cal, d) ? (PROMO_RATE[user.type] ?? PROMO_TRAFFIC) : 1));
  }
  for (let s = 0; s < sessions; s++) writeHumanSession(w, u, d);
}

/** Turns an event into its row of strings (columns as in DEMO_HEADER). */
function toRow(plan: DemoPlan, e: DemoEvent): string[] {
  const { catalog } = plan;
  const item = e.item;
  const hasItem = item >= 0;
  return [
    String(e.ts),
    plan.users[e.user]?.id ?? '',
    paddedId('s', e.session, 7),
    CANONICAL_TYPES[e.type] ?? 'view',
    hasItem ? (catalog.itemIds[item] ?? '') : '',
    hasItem ? (catalog.categoryNames[catalog.itemCategory[item] ?? 0] ?? '') : '',
    hasItem ? (catalog.brandNames[catalog.itemBrand[item] ?? 0] ?? '') : '',
    hasItem ? ((e.promo ? catalog.promoPriceText : catalog.priceText)[item] ?? '') : '',
    String(e.quantity),
    e.order >= 0 ? paddedId('o', e.order, 6) : '',
    e.country,
    CHANNELS[e.channel] ?? 'direct',
  ];
}

/** Index of the first event at or after ts in a time-sorted array. */
function firstAtOrAfter(events: readonly DemoEvent[], ts: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((events[mid]?.ts ?? Infinity) < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Generates the demo shop's rows in time order, `batchSize` rows per batch. Works day by day, so
 * memory holds one day of events plus the few that spill past midnight (late sessions, refunds).
 * The export ends at the last day's midnight, like a real one: what spills past it is cut, so the
 * last day is whole and no stub of a day follows it.
 */
export function* generateDemoRows(opts: DemoOptions, batchSize = 10_000): Generator<string[][]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const plan = planDemo(opts);
  const w = createWriter(plan);
  const { days, startMs } = plan.calendar;
  let batch: string[][] = [];
  for (let d = 0; d < days; d++) {
    // Earlier days' spill-over comes first, so the stable sort keeps ties in generation order.
    for (let u = 0; u < plan.users.length; u++) writeUserDay(w, u, d);
    const events = w.out.sort((a, b) => a.ts - b.ts);
    // Nothing generated later can precede the next midnight, so everything before it is final.
    const cut = firstAtOrAfter(events, startMs + (d + 1) * DAY_MS);
    for (let i = 0; i < cut; i++) {
      const e = events[i];
      if (e) batch.push(toRow(plan, e));
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    w.out = events.slice(cut);
  }
  if (batch.length > 0) yield batch;
}
