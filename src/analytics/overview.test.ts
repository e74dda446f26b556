import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { deriveSessions, groupByUser } from './indexes';
import { buildOverviewIndex, overview, top } from './overview';

const D = 86_400_000;
const T0 = Date.UTC(2024, 0, 1, 10);
// type codes: 0 view, 1 cart, 5 purchase, 6 refund. user -1 = anonymous.
const rows: [number, number, number, number, number, number][] = [
  // ts, user, type, item, order, revenue
  [T0, 0, 0, 0, -1, 0],
  [T0 + 60_000, 0, 5, 0, 0, 10],
  [T0 + 60_000, 0, 5, 1, 0, 5], // same order, second line
  [T0 + 2 * 3_600_000, 0, 0, 1, -1, 0], // 2 h later: a new derived session
  [T0 + D, 1, 0, 1, -1, 0],
  [T0 + D + 1, -1, 5, 1, 1, 7], // anonymous purchase: revenue and order, no user
  [T0 + 3 * D, 1, 6, 0, 2, -4], // refund on day 4 (day 3 is empty); bob's second session
];

function table(): EventTable {
  const n = rows.length;
  const col = (k: number) => rows.map((r) => r[k] as number);
  const t = {
    n, ts: new Float64Array(col(0)), user: new Int32Array(col(1)), type: new Uint8Array(col(2)),
    price: new Float64Array(n), quantity: new Float64Array(n).fill(1), revenue: new Float64Array(col(5)),
    codes: { item: new Int32Array(col(3)), order: new Int32Array(col(4)), name: new Int32Array([0, 0, 1, 1, 1, 1, 0]) },
    dicts: { user: ['alice', 'bob'], item: ['A', 'B'], order: ['o1', 'o2', 'C3'], name: ['Apple', 'Banana'], type: ['view', 'cart', 'r', 'w', 'c', 'purchase', 'refund'] },
  };
  const s = deriveSessions(groupByUser(t.user, t.ts, 2), t.ts, n);
  return { ...t, session: s.session, sessionCount: s.count };
}

describe('overview', () => {
  it('computes the KPI definitions over the whole span', () => {
    const t = table();
    const o = overview(t, buildOverviewIndex(t));
    expect(o.kpis).toEqual({ events: 7, users: 2, sessions: 4, items: 2, orders: 2, purchasers: 1, netRevenue: 18, aov: 9, conversion: 0.5 });
    expect(o.daily.map((d) => [d.day, d.events, d.users, d.revenue])).toEqual([
      ['2024-01-01', 4, 1, 15], ['2024-01-02', 2, 1, 7], ['2024-01-03', 0, 0, 0], ['2024-01-04', 1, 1, -4],
    ]);
    expect(o.types).toEqual([{ type: 'view', count: 3 }, { type: 'purchase', count: 3 }, { type: 'refund', count: 1 }]);
    expect(o.topItems?.byRevenue).toEqual([{ name: 'Banana (B)', value: 12 }, { name: 'Apple (A)', value: 6 }]);
  });

  it('filters every figure by an inclusive day range', () => {
    const t = table();
    const o = overview(t, buildOverviewIndex(t), [1, 3]);
    expect(o.kpis).toMatchObject({ events: 3, users: 1, orders: 1, purchasers: 0, netRevenue: 3, conversion: 0 });
    expect(o.daily).toHaveLength(4);
    expect(o.range).toEqual([1, 3]);
  });

  it('counts purchase events as orders when the source has no order ids', () => {
    const t = table();
    delete t.codes.order;
    expect(overview(t, buildOverviewIndex(t)).kpis.orders).toBe(3);
  });
});

describe('top', () => {
  it('keeps the largest positive values in order', () => {
    const values = new Float64Array([3, 0, 9, -2, 5, ...Array.from({ length: 20 }, (_, i) => i / 100)]);
    const names = [...values].map((_, i) => `n${i}`);
    const best = top(values, names);
    expect(best.slice(0, 3)).toEqual([{ name: 'n2', value: 9 }, { name: 'n4', value: 5 }, { name: 'n0', value: 3 }]);
    expect(best).toHaveLength(10);
    expect(best.every((r, i) => i === 0 || (best[i - 1] as { value: number }).value >= r.value)).toBe(true);
  });
});
