import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { groupByUser } from './indexes';
import { rfmSummary, rfmTable, rfmTransitions, segmentOf, SEGMENT_RULES, SEGMENTS } from './rfm';

const D = 86_400_000;
const T = Date.UTC(2024, 5, 30, 12);
const VIEW = 0, PURCHASE = 5, REFUND = 6;
type Row = [number, number, number, number, number]; // ts, user, type, order, revenue

/** A table of rows; order -1 = none. */
function table(rows: Row[], users: number): EventTable {
  const n = rows.length;
  const col = (k: number) => rows.map((r) => r[k] as number);
  const orders = Math.max(0, ...col(3)) + 1;
  return {
    n, ts: new Float64Array(col(0)), user: new Int32Array(col(1)), type: new Uint8Array(col(2)),
    session: new Int32Array(n).fill(-1), sessionCount: 0, price: new Float64Array(n), quantity: new Float64Array(n), revenue: new Float64Array(col(4)),
    codes: { order: new Int32Array(col(3)) },
    dicts: { user: Array.from({ length: users }, (_, u) => `c${u}`), order: Array.from({ length: orders }, (_, o) => `o${o}`), type: ['view', 'cart', 'r', 'w', 'c', 'purchase', 'refund'] },
  };
}

// Ten customers: c_u places FREQ[u] orders of 10 each, all RECENCY[u] days before T.
const FREQ = [1, 1, 1, 2, 3, 3, 5, 8, 8, 10];
const RECENCY = [10, 10, 9, 8, 7, 6, 5, 4, 3, 0];
const rows: Row[] = [];
let nextOrder = 0;
FREQ.forEach((f, u) => {
  for (let k = 0; k < f; k++) rows.push([T - (RECENCY[u] as number) * D, u, PURCHASE, nextOrder++, u === 9 ? 100 : 10]);
});
rows.push([T - 5 * D, 6, PURCHASE, 0 + FREQ.slice(0, 6).reduce((a, b) => a + b, 0), 3]); // c6: a second line of its first order
rows.push([T, 9, REFUND, nextOrder++, -995]); // c9: 1000 of orders, 995 refunded
rows.push([T - D, 10, VIEW, -1, 0]); // c10 only browses
rows.push([T - D, 11, REFUND, nextOrder++, -20]); // c11 only has a refund: not a customer
rows.push([T - D, -1, PURCHASE, nextOrder++, 50]); // anonymous
rows.sort((a, b) => a[0] - b[0]);
const t = table(rows, 12);
const byUser = groupByUser(t.user, t.ts, 12);

describe('rfmTable', () => {
  it('scores by quintiles without splitting ties', () => {
    const r = rfmTable(t, byUser);
    expect(r.asOf).toBe(T);
    expect(r.customers).toBe(10);
    expect([...r.frequency]).toEqual([...FREQ, 0, 0]);
    expect([...r.recencyDays.subarray(0, 10)]).toEqual(RECENCY);
    // Sorted frequencies 1 1 1 2 3 3 5 8 8 10 sit at positions 0..9 → ⌊p/2⌋+1, ties take their first position's score.
    expect([...r.f]).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 4, 5, 0, 0]);
    // Recency descending: 10 10 9 8 7 6 5 4 3 0.
    expect([...r.r]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0, 0]);
    // Monetary (c6 has an extra line of 3, c9 a refund) ascending: 5 10 10 10 20 30 30 53 80 80.
    expect([...r.monetary]).toEqual([10, 10, 10, 20, 30, 30, 53, 80, 80, 5, 0, 0]);
    expect([...r.m]).toEqual([1, 1, 1, 3, 3, 3, 4, 5, 5, 1, 0, 0]);
    expect([...r.segment].map((s) => SEGMENTS[s] ?? null)).toEqual([
      'Lost', 'Lost', 'Hibernating', 'Hibernating', 'Need attention', 'Need attention', 'Loyal', 'Loyal', 'Champions', 'Champions', null, null,
    ]);
    expect(Number.isNaN(r.recencyDays[10])).toBe(true);
  });

  it('ignores everything after asOf', () => {
    const r = rfmTable(t, byUser, T - 5 * D);
    expect(r.customers).toBe(7);
    expect(r.recencyDays[6]).toBe(0); // a purchase exactly at asOf counts
    expect([...r.segment.subarray(7)]).toEqual([-1, -1, -1, -1, -1]);
    expect(r.recencyDays[0]).toBe(5);
  });

  it('counts purchase events as orders when the table has no order ids', () => {
    const codes = { ...t.codes };
    delete codes.order;
    expect(rfmTable({ ...t, codes }, byUser).frequency[6]).toBe(6);
  });
});

describe('segmentOf', () => {
  // The brief's map, written out by hand: rows R5..R1, columns F1..F5.
  const MAP = [
    ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
    ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
    ['About to sleep', 'About to sleep', 'Need attention', 'Loyal', 'Loyal'],
    ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
    ['Lost', 'Hibernating', 'At risk', 'At risk', "Can't lose them"],
  ];

  it('maps every (R, F) pair to exactly one segment, as documented', () => {
    const inRange = (s: string, v: number) => {
      const [lo, hi = lo] = s.split('–').map(Number);
      return v >= (lo as number) && v <= (hi as number);
    };
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        expect(SEGMENTS[segmentOf(r, f)]).toBe(MAP[5 - r]?.[f - 1]);
        expect(SEGMENT_RULES.filter((rule) => inRange(rule.r, r) && inRange(rule.f, f))).toHaveLength(1);
      }
    }
    expect(new Set(SEGMENT_RULES.map((rule) => rule.segment))).toEqual(new Set(SEGMENTS));
    expect(() => segmentOf(0, 3)).toThrow(RangeError);
    expect(() => segmentOf(3, 2.5)).toThrow(RangeError);
  });
});

describe('rfmSummary and rfmTransitions', () => {
  it('sums customers, revenue and orders per segment, and fills the grid', () => {
    const s = rfmSummary(t, rfmTable(t, byUser));
    expect(s.asOf).toBe('2024-06-30T12:00:00.000Z');
    const champions = s.segments.find((x) => x.name === 'Champions');
    expect(champions).toEqual({ name: 'Champions', customers: 2, revenue: 85, revenueShare: 85 / 328, orders: 18, aov: 85 / 18 });
    expect(s.segments.find((x) => x.name === 'Lost')).toMatchObject({ customers: 2, revenue: 20, orders: 2, aov: 10 });
    expect(s.segments.reduce((a, x) => a + x.customers, 0)).toBe(10);
    expect(s.grid[0]).toEqual([2, 0, 0, 0, 0]); // R1: c0, c1 at F1
    expect(s.grid[4]).toEqual([0, 0, 0, 1, 1]);
    expect(() => rfmSummary({ ...t, dicts: { ...t.dicts, user: ['x'] } }, rfmTable(t, byUser))).toThrow(RangeError);
  });

  it('counts moves between segments, with new customers in the last row', () => {
    const before = rfmTable(t, byUser, T - 5 * D), after = rfmTable(t, byUser);
    const m = rfmTransitions(before, after);
    const k = SEGMENTS.length;
    expect(m).toHaveLength(k + 1);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(10);
    const col = (name: string) => SEGMENTS.indexOf(name as (typeof SEGMENTS)[number]);
    expect(m[k]?.[col('Loyal')]).toBe(1); // c7
    expect(m[k]?.[col('Champions')]).toBe(2); // c8, c9
    expect(m.map((row) => row[k])).toEqual(new Array(k + 1).fill(0));
    const same = rfmTransitions(after, after);
    expect(same[col('Lost')]?.[col('Lost')]).toBe(2);
    expect(rfmTransitions(after, before)[col('Champions')]?.[k]).toBe(2);
  });
});

describe('rfm on the real Online Retail export', () => {
  it('finds every user with a purchase, with their orders and net revenue', () => {
    // Parsed here without the import path, so the figures are independent of ingest. Only the
    // description (3rd field) can hold commas, so fields are taken from both ends of the line.
    const text = gunzipSync(readFileSync(resolve(import.meta.dirname, '../../../shared/datasets/online-retail.csv.gz'))).toString('utf8');
    const lines = text.split('\n').slice(1).filter((l) => l.length > 0);
    const expected = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../shared/datasets/online-retail.expected.json'), 'utf8'));
    const userCode = new Map<string, number>(), orderCode = new Map<string, number>();
    const code = (m: Map<string, number>, k: string) => m.get(k) ?? m.set(k, m.size).get(k) as number;
    const n = lines.length;
    const ts = new Float64Array(n), user = new Int32Array(n), type = new Uint8Array(n), order = new Int32Array(n), revenue = new Float64Array(n);
    const buyers = new Set<number>(), pairs = new Set<string>();
    lines.forEach((line, i) => {
      const f = line.split(',');
      const [inv = '', qty, date = '', price, customer = ''] = [f[0], ...f.slice(-5)];
      ts[i] = Date.parse(`${date.replace(' ', 'T')}Z`);
      user[i] = customer === '' ? -1 : code(userCode, customer);
      type[i] = inv.startsWith('C') ? REFUND : PURCHASE;
      order[i] = code(orderCode, inv);
      revenue[i] = Number(qty) * Number(price);
      if (type[i] === PURCHASE && user[i] !== -1) {
        buyers.add(user[i] as number);
        pairs.add(`${customer}|${inv}`);
      }
    });
    const users = userCode.size;
    expect(users).toBe(expected.users);
    const rt: EventTable = {
      n, ts, user, type, session: new Int32Array(n).fill(-1), sessionCount: 0, price: new Float64Array(n), quantity: new Float64Array(n), revenue,
      codes: { order }, dicts: { user: [...userCode.keys()], order: [...orderCode.keys()], type: ['view', 'cart', 'r', 'w', 'c', 'purchase', 'refund'] },
    };
    const r = rfmTable(rt, groupByUser(user, ts, users));
    const onlyCancelled = users - buyers.size;
    expect(onlyCancelled).toBeGreaterThan(0);
    expect(r.customers).toBe(expected.users - onlyCancelled);
    expect(r.frequency.reduce((a, b) => a + b, 0)).toBe(pairs.size);
    let buyerRevenue = 0;
    for (let i = 0; i < n; i++) if (buyers.has(user[i] as number)) buyerRevenue += revenue[i] as number;
    expect(r.monetary.reduce((a, b) => a + b, 0)).toBeCloseTo(buyerRevenue, 2);
    // Over a third of customers bought once; the tie rule gives all of them, and only them, F1.
    const once = [...r.frequency].filter((f) => f === 1).length;
    expect(once / r.customers).toBeGreaterThan(0.2);
    expect([...r.f].filter((f) => f === 1).length).toBe(once);
    expect(rfmSummary(rt, r).segments.reduce((a, s) => a + s.customers, 0)).toBe(r.customers);
  }, 60_000);
});
