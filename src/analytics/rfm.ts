// RFM (recency, frequency, monetary) scores and segments as of a moment. Definitions:
// - Customers are users with at least one purchase at or before `asOf`; later events are ignored.
// - recency = days since the last purchase, (asOf − last purchase) ÷ DAY_MS, fractional.
// - frequency = distinct order ids of purchases; a purchase without an id (or every purchase, when
//   the table has no order column) is an order of its own.
// - monetary = net revenue of purchases and refunds up to asOf (refunds are negative).
// - Scores 1–5 by quintiles: sort customers ascending by value (recency descending, so the most
//   recent get 5); position p of n scores ⌊5p/n⌋ + 1, and equal values all take the score of the
//   first of them, so ties never split (a heavily tied value can leave a score unused).
// - Segments from (R, F) only, by SEGMENT_RULES; M is reported but does not pick the segment.
import type { EventTable } from './event-table';
import { DAY_MS, type Grouping } from './indexes';
import { cents } from '../lib/money';

/** Type codes fixed by CANONICAL_TYPES. */
const PURCHASE = 5, REFUND = 6;

/** Segment names, in the order `segment` codes index them. */
export const SEGMENTS = ['Champions', 'Loyal', 'Potential loyalist', 'New', 'Promising', 'Need attention', 'About to sleep', 'At risk', "Can't lose them", 'Hibernating', 'Lost'] as const;

/** The score → segment map (inclusive ranges); every (R, F) pair is covered exactly once. */
export const SEGMENT_RULES: { segment: string; r: string; f: string }[] = [
  { segment: 'Champions', r: '5', f: '4–5' },
  { segment: 'Loyal', r: '3–4', f: '4–5' },
  { segment: 'Potential loyalist', r: '4–5', f: '2–3' },
  { segment: 'New', r: '5', f: '1' },
  { segment: 'Promising', r: '4', f: '1' },
  { segment: 'Need attention', r: '3', f: '3' },
  { segment: 'About to sleep', r: '3', f: '1–2' },
  { segment: 'At risk', r: '1–2', f: '3–4' },
  { segment: "Can't lose them", r: '1–2', f: '5' },
  { segment: 'Hibernating', r: '1', f: '2' },
  { segment: 'Hibernating', r: '2', f: '1–2' },
  { segment: 'Lost', r: '1', f: '1' },
];

/** `3–4` → [3, 4]; `5` → [5, 5]. */
function range(s: string): [number, number] {
  const [lo, hi = lo] = s.split('–').map(Number);
  return [lo as number, hi as number];
}

/** Segment per (r − 1) × 5 + (f − 1), built from SEGMENT_RULES so the map has one source. */
const GRID: readonly number[] = (() => {
  const grid = new Array<number>(25).fill(-1);
  for (const rule of SEGMENT_RULES) {
    const [r0, r1] = range(rule.r), [f0, f1] = range(rule.f);
    for (let r = r0; r <= r1; r++) for (let f = f0; f <= f1; f++) grid[(r - 1) * 5 + f - 1] = (SEGMENTS as readonly string[]).indexOf(rule.segment);
  }
  return grid;
})();

/** Index into SEGMENTS of an (R, F) pair of scores 1–5. */
export function segmentOf(r: number, f: number): number {
  if (!Number.isInteger(r) || !Number.isInteger(f) || r < 1 || r > 5 || f < 1 || f > 5) throw new RangeError(`RFM scores are integers 1–5, got R${r} F${f}`);
  return GRID[(r - 1) * 5 + f - 1] as number;
}

/** Per user code: raw values and scores; non-customers have NaN recency, zeros and segment -1. */
export interface RfmTable {
  asOf: number;
  customers: number;
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Int8Array;
}

/** Last event time of the table (0 when empty). */
function lastTs(t: EventTable): number {
  let max = -Infinity;
  for (let i = 0; i < t.n; i++) if ((t.ts[i] as number) > max) max = t.ts[i] as number;
  return t.n > 0 ? max : 0;
}

/** Scores `values` of `who` into `out` by quintiles with the tie rule; `sign` -1 scores descending. */
function quintiles(values: Float64Array, who: Int32Array, sign: 1 | -1, out: Uint8Array): void {
  const n = who.length;
  const sorted = new Float64Array(n);
  for (let k = 0; k < n; k++) sorted[k] = sign * (values[who[k] as number] as number);
  sorted.sort();
  for (let k = 0; k < n; k++) {
    const u = who[k] as number;
    const v = sign * (values[u] as number);
    // The first position holding v: every tied customer gets its score.
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    out[u] = Math.floor((5 * lo) / n) + 1;
  }
}

/** RFM values, scores and segments of every user as of `asOf` (default: the dataset's last event). */
export function rfmTable(t: EventTable, byUser: Grouping, asOf: number = lastTs(t)): RfmTable {
  const users = byUser.offsets.length - 1;
  const recencyDays = new Float64Array(users).fill(NaN), frequency = new Float64Array(users), monetary = new Float64Array(users);
  const order = t.codes.order;
  // Order code → last user that counted it, so distinct orders need no set per user.
  const countedBy = new Int32Array(order ? (t.dicts.order?.length ?? 0) : 0).fill(-1);
  const who: number[] = [];
  for (let u = 0; u < users; u++) {
    let last = -Infinity, orders = 0, money = 0;
    const b = byUser.offsets[u + 1] as number;
    for (let i = byUser.offsets[u] as number; i < b; i++) {
      const e = byUser.order[i] as number;
      const ts = t.ts[e] as number;
      if (ts > asOf) break;
      const type = t.type[e] as number;
      if (type === PURCHASE) {
        last = ts;
        const o = order ? (order[e] as number) : -1;
        if (o < 0) orders++;
        else if (countedBy[o] !== u) {
          countedBy[o] = u;
          orders++;
        }
      }
      if (type === PURCHASE || type === REFUND) money += t.revenue[e] as number;
    }
    if (last === -Infinity) continue;
    who.push(u);
    recencyDays[u] = (asOf - last) / DAY_MS;
    frequency[u] = orders;
    monetary[u] = money;
  }
  const customers = Int32Array.from(who);
  const r = new Uint8Array(users), f = new Uint8Array(users), m = new Uint8Array(users);
  quintiles(recencyDays, customers, -1, r);
  quintiles(frequency, customers, 1, f);
  quintiles(monetary, customers, 1, m);
  const segment = new Int8Array(users).fill(-1);
  for (const u of customers) segment[u] = segmentOf(r[u] as number, f[u] as number);
  return { asOf, customers: customers.length, recencyDays, frequency, monetary, r, f, m, segment };
}

/** One segment's line in the summary. */
export interface RfmSegmentSummary {
  name: string;
  customers: number;
  revenue: number;
  /** Share of all customers' net revenue (0 when that is 0). */
  revenueShare: number;
  orders: number;
  /** Revenue ÷ orders (0 without orders). */
  aov: number;
}

/** What the RFM screen shows: segment lines and the R × F grid of customer counts. */
export interface RfmSummary {
  asOf: string;
  customers: number;
  segments: RfmSegmentSummary[];
  /** grid[r − 1][f − 1] = customers. */
  grid: number[][];
}


/** Per-segment customers, revenue, orders and AOV, and the score grid. */
export function rfmSummary(t: EventTable, table: RfmTable): RfmSummary {
  // A table scored on another dataset would silently mislabel users.
  if (table.segment.length !== (t.dicts.user?.length ?? 0)) throw new RangeError('This RFM table belongs to another dataset.');
  const k = SEGMENTS.length;
  const customers = new Float64Array(k), revenue = new Float64Array(k), orders = new Float64Array(k);
  const grid = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  let total = 0;
  for (let u = 0; u < table.segment.length; u++) {
    const s = table.segment[u] as number;
    if (s < 0) continue;
    customers[s] = (customers[s] as number) + 1;
    revenue[s] = (revenue[s] as number) + (table.monetary[u] as number);
    orders[s] = (orders[s] as number) + (table.frequency[u] as number);
    total += table.monetary[u] as number;
    const row = grid[(table.r[u] as number) - 1] as number[];
    row[(table.f[u] as number) - 1] = (row[(table.f[u] as number) - 1] as number) + 1;
  }
  const segments = SEGMENTS.map((name, s) => {
    const rev = revenue[s] as number, ord = orders[s] as number;
    return { name, customers: customers[s] as number, revenue: cents(rev), revenueShare: total !== 0 ? rev / total : 0, orders: ord, aov: ord > 0 ? rev / ord : 0 };
  });
  return { asOf: new Date(table.asOf).toISOString(), customers: table.customers, segments, grid };
}

/**
 * Users moving between segments from table a to table b (same dataset). Row = segment at a, last
 * row = not (yet) a customer at a; column = segment at b, last column = not a customer at b.
 * Users who are customers at neither date are not counted, so the corner cell stays 0.
 */
export function rfmTransitions(a: RfmTable, b: RfmTable): number[][] {
  if (a.segment.length !== b.segment.length) throw new RangeError('RFM tables of different datasets cannot be compared.');
  const none = SEGMENTS.length;
  const out = Array.from({ length: none + 1 }, () => new Array<number>(none + 1).fill(0));
  for (let u = 0; u < a.segment.length; u++) {
    const sa = a.segment[u] as number, sb = b.segment[u] as number;
    if (sa < 0 && sb < 0) continue;
    const row = out[sa < 0 ? none : sa] as number[];
    row[sb < 0 ? none : sb] = (row[sb < 0 ? none : sb] as number) + 1;
  }
  return out;
}
