import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { buildOverviewIndex } from './overview';
import { periodSeries } from './series';

const D = 86_400_000;
// 2024-01-01 is a Monday. Rows: [day offset, user, type, order, revenue, quantity, country]
const rows: [number, number, number, number, number, number, number][] = [
  [-1, 0, 0, -1, 0, 1, 0], // Sunday before: a partial week, dropped from weekly series
  [0, 0, 5, 0, 10, 2, 0],
  [0, 0, 5, 0, 5, 1, 1], // same order, second line
  [1, 1, 5, 1, 7, 3, 0],
  [3, 1, 0, -1, 0, 1, 0],
  [7, 0, 6, 2, -4, -1, 0], // refund in week 2
  [8, 2, 5, 3, 20, 1, 1],
  [13, 2, 0, -1, 0, 1, 1], // Sunday: week 2 is complete
];

function table(): EventTable {
  const n = rows.length;
  const col = (k: number) => rows.map((r) => r[k] as number);
  return {
    n, ts: new Float64Array(rows.map((r) => Date.UTC(2024, 0, 1, 12) + r[0] * D)), user: new Int32Array(col(1)), type: new Uint8Array(col(2)),
    session: new Int32Array(n).fill(-1), sessionCount: 0, price: new Float64Array(n), quantity: new Float64Array(col(5)), revenue: new Float64Array(col(4)),
    codes: { order: new Int32Array(col(3)), country: new Int32Array(col(6)) }, dicts: { user: ['a', 'b', 'c'], order: ['o1', 'o2', 'o3', 'o4'], country: ['UK', 'FR'] },
  };
}

describe('periodSeries', () => {
  const t = table();
  const idx = buildOverviewIndex(t);
  const series = (target: 'revenue' | 'orders' | 'units' | 'users', freq: 'day' | 'week', scope?: { column: 'country'; code: number }) =>
    periodSeries(t, idx.byDay, idx.firstDay, target, freq, scope);

  it('gives one value per UTC day with zeros for days without sales', () => {
    const s = series('revenue', 'day');
    expect(s.start).toBe('2023-12-31');
    expect([...s.values]).toEqual([0, 15, 7, 0, 0, 0, 0, 0, -4, 20, 0, 0, 0, 0, 0]);
    expect([...series('orders', 'day').values].slice(0, 3)).toEqual([0, 1, 1]);
    expect([...series('units', 'day').values].slice(0, 3)).toEqual([0, 3, 3]);
  });

  it('sums complete ISO weeks and counts distinct users and orders per week', () => {
    expect(series('revenue', 'week')).toMatchObject({ start: '2024-01-01', freq: 'week' });
    expect([...series('revenue', 'week').values]).toEqual([22, 16]);
    expect([...series('orders', 'week').values]).toEqual([2, 1]);
    expect([...series('users', 'week').values]).toEqual([2, 2]);
  });

  it('restricts to one slice of the shop', () => {
    expect([...series('revenue', 'week', { column: 'country', code: 1 }).values]).toEqual([5, 20]);
  });
});
