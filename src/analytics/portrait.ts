// One user's portrait: activity, orders, habits, favourite categories and brands, a timeline, and
// their RFM scores when a table is given. Works on one user's slice of the by-user grouping only.
// Orders follow RFM's frequency: distinct order ids of purchases, an id-less purchase being its own.
import type { EventTable } from './event-table';
import { DAY_MS, type Grouping } from './indexes';
import { cents } from '../lib/money';
import { SEGMENTS, type RfmTable } from './rfm';

/** Type codes fixed by CANONICAL_TYPES. */
const PURCHASE = 5, REFUND = 6;
/** Entries in the top categories and brands. */
export const PORTRAIT_TOP_N = 5;
/** Newest events the timeline keeps; longer histories are for the CSV export, not the screen. */
export const TIMELINE_MAX = 200;
/** Milliseconds per hour. */
const HOUR_MS = 3_600_000;

/** One event on the timeline. `price` is NaN when the source has none. */
export interface TimelineEvent {
  ts: number;
  type: string;
  /** Item id, as `Name (id)` when the event names it. */
  item: string | null;
  category: string | null;
  price: number;
  revenue: number;
}

/** Everything the user screen shows about one user. */
export interface Portrait {
  user: string;
  firstSeen: number;
  lastSeen: number;
  events: number;
  sessions: number;
  orders: number;
  /** Net revenue: purchases plus (negative) refunds. */
  revenue: number;
  aov: number;
  /** Mean days between consecutive orders' first events; null with fewer than 2 orders. */
  daysBetweenOrders: number | null;
  topCategories: { name: string; value: number }[];
  topBrands: { name: string; value: number }[];
  /** Events per UTC hour 0–23. */
  hours: number[];
  /** Events per UTC weekday, Monday first. */
  weekdays: number[];
  /** Newest first, at most TIMELINE_MAX. */
  timeline: TimelineEvent[];
  segment: string | null;
  rfm: { r: number; f: number; m: number; recencyDays: number; frequency: number; monetary: number } | null;
}

/** The PORTRAIT_TOP_N most frequent codes among the user's events, by event count. */
function topCodes(codes: Int32Array | undefined, names: string[] | undefined, events: Uint32Array): { name: string; value: number }[] {
  if (!codes) return [];
  const counts = new Map<number, number>();
  for (const e of events) {
    const c = codes[e] as number;
    if (c >= 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, PORTRAIT_TOP_N)
    .map(([c, value]) => ({ name: names?.[c] ?? `#${c}`, value }));
}

/** Name of a dictionary code, or null when missing. */
function nameOf(t: EventTable, col: 'item' | 'category', e: number): string | null {
  const c = t.codes[col]?.[e] ?? -1;
  return c < 0 ? null : (t.dicts[col]?.[c] ?? `#${c}`);
}

/** The timeline entry of event e. */
function timelineEvent(t: EventTable, e: number): TimelineEvent {
  const item = nameOf(t, 'item', e);
  const n = t.codes.name?.[e] ?? -1;
  const type = t.type[e] as number;
  return {
    ts: t.ts[e] as number,
    type: t.dicts.type?.[type] ?? `#${type}`,
    item: item !== null && n >= 0 ? `${t.dicts.name?.[n] ?? ''} (${item})` : item,
    category: nameOf(t, 'category', e),
    price: t.price[e] as number,
    revenue: t.revenue[e] as number,
  };
}

/** The portrait of user code `user`; `rfm` adds their scores and segment when they are a customer there. */
export function portrait(t: EventTable, byUser: Grouping, user: number, rfm?: RfmTable): Portrait {
  if (!Number.isInteger(user) || user < 0 || user + 1 >= byUser.offsets.length) throw new RangeError(`no user ${user}`);
  const events = byUser.order.subarray(byUser.offsets[user] as number, byUser.offsets[user + 1] as number);
  const sessions = new Set<number>();
  // First event time of each order, in time order (events are sorted by time).
  const orderIds = new Set<number>();
  const orderStarts: number[] = [];
  const hours = new Float64Array(24), weekdays = new Float64Array(7);
  let revenue = 0;
  for (const e of events) {
    const ts = t.ts[e] as number, type = t.type[e] as number;
    if ((t.session[e] as number) >= 0) sessions.add(t.session[e] as number);
    const day = Math.floor(ts / DAY_MS);
    const hour = Math.floor((ts - day * DAY_MS) / HOUR_MS);
    // 1970-01-01 was a Thursday: index 3 when Monday is 0.
    const weekday = (((day + 3) % 7) + 7) % 7;
    hours[hour] = (hours[hour] as number) + 1;
    weekdays[weekday] = (weekdays[weekday] as number) + 1;
    if (type === PURCHASE || type === REFUND) revenue += t.revenue[e] as number;
    if (type !== PURCHASE) continue;
    const o = t.codes.order?.[e] ?? -1;
    if (o >= 0 && orderIds.has(o)) continue;
    if (o >= 0) orderIds.add(o);
    orderStarts.push(ts);
  }
  const orders = orderStarts.length;
  const timeline: TimelineEvent[] = [];
  for (let i = events.length - 1; i >= Math.max(0, events.length - TIMELINE_MAX); i--) timeline.push(timelineEvent(t, events[i] as number));
  const scored = rfm && (rfm.segment[user] ?? -1) >= 0 ? rfm : null;
  return {
    user: t.dicts.user?.[user] ?? `#${user}`,
    firstSeen: events.length > 0 ? (t.ts[events[0] as number] as number) : NaN,
    lastSeen: events.length > 0 ? (t.ts[events[events.length - 1] as number] as number) : NaN,
    events: events.length,
    sessions: sessions.size,
    orders,
    revenue: cents(revenue),
    aov: orders > 0 ? revenue / orders : 0,
    // The mean of consecutive gaps telescopes to (last − first) ÷ (orders − 1).
    daysBetweenOrders: orders < 2 ? null : ((orderStarts[orders - 1] as number) - (orderStarts[0] as number)) / (orders - 1) / DAY_MS,
    topCategories: topCodes(t.codes.category, t.dicts.category, events),
    topBrands: topCodes(t.codes.brand, t.dicts.brand, events),
    hours: Array.from(hours),
    weekdays: Array.from(weekdays),
    timeline,
    segment: scored ? (SEGMENTS[scored.segment[user] as number] ?? null) : null,
    rfm: scored
      ? { r: scored.r[user] as number, f: scored.f[user] as number, m: scored.m[user] as number, recencyDays: scored.recencyDays[user] as number, frequency: scored.frequency[user] as number, monetary: scored.monetary[user] as number }
      : null,
  };
}

/** Up to `limit` users whose id contains `query` (case-insensitive): exact match, then ids starting with it, then the rest, each in code order. */
export function findUsers(t: EventTable, query: string, limit: number): { code: number; id: string }[] {
  const ids = t.dicts.user ?? [];
  const q = query.trim().toLowerCase();
  const exact: number[] = [], starts: number[] = [], contains: number[] = [];
  for (let c = 0; c < ids.length; c++) {
    const id = (ids[c] as string).toLowerCase();
    const at = id.indexOf(q);
    if (at >= 0) (at > 0 ? contains : id.length === q.length ? exact : starts).push(c);
  }
  return [...exact, ...starts, ...contains].slice(0, Math.max(0, limit)).map((code) => ({ code, id: ids[code] as string }));
}
