import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { DAY_MS, groupByUser } from './indexes';
import { findUsers, portrait, TIMELINE_MAX } from './portrait';
import { rfmTable } from './rfm';

const at = (iso: string) => Date.parse(`${iso}Z`);
const VIEW = 0, CART = 1, PURCHASE = 5, REFUND = 6;
// item 0 A 'Apple' (shoes, acme), 1 B 'Banana' (socks, bfoot), 2 C 'Cherry' (hats, acme); name -1 = unnamed.
type Row = [string, number, number, number, number, number, number, number]; // time, user, session, type, item, name, order, revenue
const rows: Row[] = [
  ['2024-01-01T09:15:00', 0, 0, VIEW, 0, 0, -1, 0], // Monday
  ['2024-01-01T09:20:00', 0, 0, CART, 0, 0, -1, 0],
  ['2024-01-01T09:25:00', 0, 0, PURCHASE, 0, 0, 0, 20],
  ['2024-01-01T09:25:00', 0, 0, PURCHASE, 1, 1, 0, 5], // second line of order 0
  ['2024-01-04T18:00:00', 0, 1, VIEW, 2, 2, -1, 0], // Thursday
  ['2024-01-05T12:00:00', 1, 5, VIEW, 1, 1, -1, 0],
  ['2024-01-11T18:30:00', 0, 2, PURCHASE, 2, 2, 1, 30], // Thursday
  ['2024-01-13T23:59:00', 0, 3, REFUND, 2, 2, 2, -30], // Saturday; a refund is not an order
  ['2024-01-20T08:00:00', -1, -1, PURCHASE, 0, 0, 4, 99], // anonymous
  ['2024-01-21T10:00:00', 0, 4, PURCHASE, 0, -1, 3, 20], // Sunday, unnamed
];
// User 2 views 250 times, one minute apart, so the timeline has to cut.
for (let k = 0; k < 250; k++) rows.push([new Date(at('2024-01-02T00:00:00') + k * 60_000).toISOString().slice(0, 19), 2, 6, VIEW, 1, 1, -1, 0]);
rows.sort((a, b) => at(a[0]) - at(b[0]));

const n = rows.length;
const col = (k: number) => rows.map((r) => r[k] as number);
const item = new Int32Array(col(4));
const t: EventTable = {
  n, ts: new Float64Array(rows.map((r) => at(r[0]))), user: new Int32Array(col(1)), session: new Int32Array(col(2)), sessionCount: 7, type: new Uint8Array(col(3)),
  price: new Float64Array(n).fill(NaN), quantity: new Float64Array(n).fill(1), revenue: new Float64Array(col(7)),
  codes: { item, name: new Int32Array(col(5)), order: new Int32Array(col(6)), category: item, brand: item.map((i) => (i === 1 ? 1 : 0)) },
  dicts: {
    user: ['alice', 'bob', 'malice', 'Alicia', 'x-ali', 'ali'], item: ['A', 'B', 'C'], name: ['Apple', 'Banana', 'Cherry'], order: ['o1', 'o2', 'C3', 'o4', 'o5'],
    category: ['shoes', 'socks', 'hats'], brand: ['acme', 'bfoot'], type: ['view', 'cart', 'remove_from_cart', 'wishlist', 'checkout', 'purchase', 'refund'],
  },
};
const byUser = groupByUser(t.user, t.ts, 6);

describe('portrait', () => {
  it('sums activity, orders and habits of one user', () => {
    const p = portrait(t, byUser, 0);
    expect(p).toMatchObject({
      user: 'alice', firstSeen: at('2024-01-01T09:15:00'), lastSeen: at('2024-01-21T10:00:00'), events: 8, sessions: 5,
      orders: 3, revenue: 45, aov: 15, segment: null, rfm: null,
    });
    // Orders start 01-01 09:25, 01-11 18:30, 01-21 10:00: gaps average (20 days 35 min) ÷ 2.
    expect(p.daysBetweenOrders).toBeCloseTo((20 * DAY_MS + 35 * 60_000) / 2 / DAY_MS, 12);
    expect(p.topCategories).toEqual([{ name: 'shoes', value: 4 }, { name: 'hats', value: 3 }, { name: 'socks', value: 1 }]);
    expect(p.topBrands).toEqual([{ name: 'acme', value: 7 }, { name: 'bfoot', value: 1 }]);
    expect(p.hours.length).toBe(24);
    expect([p.hours[9], p.hours[18], p.hours[23], p.hours[10]]).toEqual([4, 2, 1, 1]);
    expect(p.hours.reduce((a, b) => a + b, 0)).toBe(8);
    expect(p.weekdays).toEqual([4, 0, 0, 2, 0, 1, 1]);
  });

  it('lists the timeline newest first, with names, types and money', () => {
    const p = portrait(t, byUser, 0);
    expect(p.timeline.map((e) => [e.type, e.item, e.category, e.revenue])).toEqual([
      ['purchase', 'A', 'shoes', 20], ['refund', 'Cherry (C)', 'hats', -30], ['purchase', 'Cherry (C)', 'hats', 30], ['view', 'Cherry (C)', 'hats', 0],
      ['purchase', 'Banana (B)', 'socks', 5], ['purchase', 'Apple (A)', 'shoes', 20], ['cart', 'Apple (A)', 'shoes', 0], ['view', 'Apple (A)', 'shoes', 0],
    ]);
    expect(p.timeline[0]?.ts).toBe(at('2024-01-21T10:00:00'));
    expect(Number.isNaN(p.timeline[0]?.price)).toBe(true);
  });

  it('keeps only the newest events on a long timeline', () => {
    const p = portrait(t, byUser, 2);
    expect(p.events).toBe(250);
    expect(p.timeline).toHaveLength(TIMELINE_MAX);
    expect(p.timeline[0]?.ts).toBe(at('2024-01-02T00:00:00') + 249 * 60_000);
    expect(p.timeline.at(-1)?.ts).toBe(at('2024-01-02T00:00:00') + 50 * 60_000);
    expect(p).toMatchObject({ orders: 0, aov: 0, daysBetweenOrders: null, revenue: 0, sessions: 1 });
  });

  it('adds RFM scores and segment when the user is a customer', () => {
    const rfm = rfmTable(t, byUser);
    const p = portrait(t, byUser, 0, rfm);
    // The only customer sits at position 0 of 1, which scores 1 under the quintile rule.
    expect(p.segment).toBe('Lost');
    expect(p.rfm).toEqual({ r: 1, f: 1, m: 1, recencyDays: 0, frequency: 3, monetary: 45 });
    expect(portrait(t, byUser, 1, rfm)).toMatchObject({ segment: null, rfm: null, orders: 0, daysBetweenOrders: null });
    expect(() => portrait(t, byUser, 6)).toThrow(RangeError);
  });
});

describe('findUsers', () => {
  it('puts the exact id first, then ids starting with the query, then ids containing it', () => {
    expect(findUsers(t, 'ali', 10)).toEqual([
      { code: 5, id: 'ali' }, { code: 0, id: 'alice' }, { code: 3, id: 'Alicia' }, { code: 2, id: 'malice' }, { code: 4, id: 'x-ali' },
    ]);
    expect(findUsers(t, ' ALI ', 2).map((u) => u.id)).toEqual(['ali', 'alice']);
    expect(findUsers(t, 'zzz', 5)).toEqual([]);
    expect(findUsers(t, 'bob', 0)).toEqual([]);
  });
});
