import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { funnel, type FunnelQuery, type FunnelStep } from './funnel';
import { groupByUser } from './indexes';

const M = 60_000, H = 3_600_000, D = 86_400_000;
const T0 = Date.UTC(2024, 0, 1, 10);
// type codes: 0 view, 1 cart, 3 wishlist, 5 purchase.
const VIEW = 0, CART = 1, WISH = 3, BUY = 5;
const TYPES = ['view', 'cart', 'remove_from_cart', 'wishlist', 'checkout', 'purchase', 'refund'];

/** One event: [ms after T0, user, type, extra columns]. */
type Row = [number, number, number, { category?: number; country?: number; price?: number }?];

function table(rows: Row[], users = 1 + Math.max(...rows.map((r) => r[1]))): EventTable {
  const n = rows.length;
  const col = (f: (r: Row) => number) => rows.map(f);
  return {
    n, ts: new Float64Array(col((r) => T0 + r[0])), user: new Int32Array(col((r) => r[1])), type: new Uint8Array(col((r) => r[2])),
    session: new Int32Array(n), sessionCount: 1,
    price: new Float64Array(col((r) => r[3]?.price ?? NaN)), quantity: new Float64Array(n).fill(1), revenue: new Float64Array(n),
    codes: { category: new Int32Array(col((r) => r[3]?.category ?? -1)), country: new Int32Array(col((r) => r[3]?.country ?? -1)) },
    dicts: { type: TYPES, user: Array.from({ length: users }, (_, i) => `u${i}`), category: ['shoes', 'hats'], country: Array.from({ length: 12 }, (_, i) => `C${i}`) },
  };
}

const steps = (...types: number[]): FunnelStep[] => types.map((type) => ({ type }));

function run(rows: Row[], q: Partial<FunnelQuery> & { steps: FunnelStep[] }) {
  const t = table(rows);
  return funnel(t, groupByUser(t.user, t.ts, t.dicts.user?.length ?? 0), { windowMs: D, order: 'ordered', ...q });
}
const depths = (rows: Row[], q: Partial<FunnelQuery> & { steps: FunnelStep[] }) => [...run(rows, q).depth];

describe('funnel, ordered', () => {
  it('lets other events come between steps and counts unique users', () => {
    const rows: Row[] = [
      [0, 0, VIEW], [1, 0, WISH], [2, 0, CART], [3, 0, VIEW], [4, 0, BUY], [5, 0, BUY], // all three
      [0, 1, CART], [1, 1, VIEW], [2, 1, BUY], // cart came before the view
      [0, 2, BUY], [1, 2, CART], // never viewed
    ];
    const { result, depth } = run(rows, { steps: steps(VIEW, CART, BUY) });
    expect([...depth]).toEqual([3, 1, 0]);
    expect(result.steps).toEqual([
      { users: 2, conversion: 1, stepConversion: 1, dropOff: 0 },
      { users: 1, conversion: 0.5, stepConversion: 0.5, dropOff: 1 },
      { users: 1, conversion: 0.5, stepConversion: 1, dropOff: 0 },
    ]);
  });

  it('counts a step exactly at the window and not one ms past it', () => {
    const q = { steps: steps(VIEW, CART, BUY), windowMs: H };
    expect(depths([[0, 0, VIEW], [H / 2, 0, CART], [H, 0, BUY]], q)).toEqual([3]);
    expect(depths([[0, 0, VIEW], [H / 2, 0, CART], [H + 1, 0, BUY]], q)).toEqual([2]);
    expect(depths([[0, 0, VIEW], [H + 1, 0, CART]], q)).toEqual([1]);
  });

  it('restarts from the latest step-1 event, which leaves the most window', () => {
    // From the first view the purchase is 17 > 10 ms away; from the second it is 9.
    const q = { steps: steps(VIEW, CART, BUY), windowMs: 10 };
    expect(depths([[0, 0, VIEW], [5, 0, CART], [8, 0, VIEW], [9, 0, CART], [17, 0, BUY]], q)).toEqual([3]);
    expect(depths([[0, 0, VIEW], [5, 0, CART], [8, 0, VIEW], [17, 0, BUY]], q)).toEqual([2]);
  });

  it('keeps source order for equal timestamps', () => {
    const q = { steps: steps(VIEW, BUY) };
    expect(depths([[7, 0, BUY], [7, 0, VIEW]], q)).toEqual([1]);
    expect(depths([[7, 0, VIEW], [7, 0, BUY]], q)).toEqual([2]);
  });

  it('uses one event for at most one step of a chain', () => {
    const q = { steps: steps(VIEW, VIEW, VIEW) };
    expect(depths([[0, 0, VIEW]], q)).toEqual([1]);
    expect(depths([[0, 0, VIEW], [1, 0, VIEW]], q)).toEqual([2]);
    expect(depths([[0, 0, VIEW], [1, 0, VIEW], [1, 0, VIEW]], q)).toEqual([3]);
  });

  it('applies code filters and inclusive price ranges', () => {
    const q = { steps: [{ type: VIEW, filters: [{ column: 'category' as const, codes: [1] }] }, { type: BUY, priceMin: 10, priceMax: 20 }] };
    expect(depths([[0, 0, VIEW, { category: 1 }], [1, 0, BUY, { price: 20 }]], q)).toEqual([2]);
    expect(depths([[0, 0, VIEW, { category: 1 }], [1, 0, BUY, { price: 10 }]], q)).toEqual([2]);
    expect(depths([[0, 0, VIEW, { category: 1 }], [1, 0, BUY, { price: 20.01 }], [2, 0, BUY]], q)).toEqual([1]); // NaN price fails
    expect(depths([[0, 0, VIEW, { category: 0 }], [1, 0, BUY, { price: 15 }]], q)).toEqual([0]);
    expect(depths([[0, 0, VIEW]], { steps: [{ type: VIEW, filters: [{ column: 'category', codes: [-1] }] }] })).toEqual([1]);
    expect(depths([[0, 0, VIEW]], { steps: [{ type: VIEW, filters: [{ column: 'brand', codes: [0] }] }] })).toEqual([0]);
  });
});

describe('funnel, strict', () => {
  const q = { steps: steps(VIEW, CART, BUY), order: 'strict' as const };
  it('needs the steps to be consecutive events of the user', () => {
    expect(depths([[0, 0, VIEW], [1, 0, CART], [2, 0, BUY]], q)).toEqual([3]);
    expect(depths([[0, 0, VIEW], [1, 0, CART], [2, 0, WISH], [3, 0, BUY]], q)).toEqual([2]);
    expect(depths([[0, 0, VIEW], [1, 0, WISH], [2, 0, CART], [3, 0, BUY]], q)).toEqual([1]);
    expect(depths([[0, 0, VIEW], [1, 0, VIEW], [2, 0, CART], [3, 0, BUY]], q)).toEqual([3]);
  });
  it('ignores other users between the steps and keeps the window', () => {
    expect(depths([[0, 0, VIEW], [1, 1, WISH], [2, 0, CART]], q)).toEqual([2, 0]);
    expect(depths([[0, 0, VIEW], [1, 0, CART], [D, 0, BUY]], q)).toEqual([3]);
    expect(depths([[0, 0, VIEW], [1, 0, CART], [D + 1, 0, BUY]], q)).toEqual([2]);
  });
});

describe('funnel, any order', () => {
  const q = { steps: steps(VIEW, CART, BUY), order: 'any' as const, windowMs: H };
  it('accepts the steps in any order inside one window', () => {
    expect(depths([[0, 0, BUY], [1, 0, VIEW], [2, 0, CART]], q)).toEqual([3]);
    expect(depths([[0, 0, CART], [H, 0, BUY], [H, 0, VIEW]], q)).toEqual([3]);
    expect(depths([[0, 0, CART], [1, 0, VIEW], [H + 2, 0, BUY]], q)).toEqual([2]);
    expect(depths([[0, 0, CART], [H + 1, 0, BUY], [H + 1, 0, VIEW]], q)).toEqual([1]);
    expect(depths([[0, 0, VIEW], [1, 0, BUY]], q)).toEqual([1]); // step 2 missing: steps count in query order
  });
  it('needs a distinct event for every step', () => {
    const q2 = { order: 'any' as const, steps: [{ type: VIEW }, { type: VIEW, filters: [{ column: 'category' as const, codes: [1] }] }] };
    expect(depths([[0, 0, VIEW, { category: 1 }]], q2)).toEqual([1]);
    // Matching the hat view to step 1 first would leave step 2 without an event.
    expect(depths([[0, 0, VIEW, { category: 1 }], [1, 0, VIEW, { category: 0 }]], q2)).toEqual([2]);
    expect(depths([[0, 0, VIEW, { category: 1 }], [1, 0, VIEW, { category: 1 }]], q2)).toEqual([2]);
  });
});

describe('funnel result', () => {
  it('measures time between chained steps', () => {
    const rows: Row[] = [
      [0, 0, VIEW], [30_000, 0, CART], [30_000 + 2 * H, 0, BUY],
      [0, 1, VIEW], [5 * M, 1, VIEW], [6 * M, 1, CART], // the chain starts at the later view: 1 minute
      [0, 2, VIEW], [20 * M, 2, CART], [20 * M + 2 * D, 2, BUY], // purchase outside the day window
    ];
    const { result } = run(rows, { steps: steps(VIEW, CART, BUY) });
    expect(result.timeToStep).toHaveLength(2);
    expect(result.timeToStep[0]?.medianMs).toBe(M);
    expect(result.timeToStep[0]?.histogram.map((b) => b.users)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    expect(result.timeToStep[1]).toEqual({ medianMs: 2 * H, histogram: expect.arrayContaining([{ label: '1–6h', users: 1 }]) });
    const medians = (order: 'strict' | 'any', r: Row[]) => run(r, { steps: steps(VIEW, CART, BUY), order }).result.timeToStep.map((x) => x.medianMs);
    expect(medians('strict', [[0, 0, VIEW], [M, 0, CART], [M + 5, 0, BUY]])).toEqual([M, 5]);
    // 'any' has no order to follow: the gap runs from the moment the previous step was first reached.
    expect(medians('any', [[0, 0, BUY], [M, 0, VIEW], [3 * M, 0, CART]])).toEqual([2 * M, 0]);
  });

  it('groups entered and converted users by the day of their first step-1 event', () => {
    const rows: Row[] = [[0, 0, VIEW], [1, 0, BUY], [D, 0, VIEW], [5, 1, VIEW], [2 * D, 2, VIEW], [2 * D + 1, 2, BUY], [2 * D, 3, BUY]];
    expect(run(rows, { steps: steps(VIEW, BUY) }).result.byDay).toEqual([
      { day: '2024-01-01', entered: 2, converted: 1, rate: 0.5 },
      { day: '2024-01-02', entered: 0, converted: 0, rate: 0 },
      { day: '2024-01-03', entered: 1, converted: 1, rate: 1 },
    ]);
  });

  it('breaks down by the first step-1 event, keeping the top keys and merging the rest', () => {
    const rows: Row[] = [];
    // Country c gets c + 1 users, so C11 is largest; user 0's first view has no country.
    for (let c = 0, u = 0; c < 12; c++) for (let i = 0; i <= c; i++, u++) rows.push([10, u, VIEW, u === 0 ? {} : { country: c }], [20, u, BUY]);
    rows.push([0, 1, VIEW, { country: 11 }]);
    const { result } = run(rows, { steps: steps(VIEW, BUY), breakdown: 'country' });
    expect(result.breakdown?.map((b) => b.key)).toEqual(['C11', 'C10', 'C9', 'C8', 'C7', 'C6', 'C5', 'C4', 'C3', 'C2', 'Other']);
    expect(result.breakdown?.[0]).toEqual({ key: 'C11', entered: 13, steps: [13, 13] });
    expect(result.breakdown?.at(-1)).toEqual({ key: 'Other', entered: 1 + 1, steps: [2, 2] }); // C0 lost user 1 to C11; (none) has user 0
    expect(run(rows, { steps: steps(VIEW, BUY) }).result.breakdown).toBeNull();
  });

  it('breaks down by segment', () => {
    const rows: Row[] = [[0, 0, VIEW], [1, 0, BUY], [0, 1, VIEW], [0, 2, VIEW], [0, 3, CART]];
    const segments = { of: new Int8Array([1, 1, -1, 0]), names: ['new', 'loyal'] };
    expect(run(rows, { steps: steps(VIEW, BUY), breakdown: 'segment', segments }).result.breakdown).toEqual([
      { key: 'loyal', entered: 2, steps: [2, 1] }, { key: '(none)', entered: 1, steps: [1, 0] },
    ]);
  });

  it('refuses empty funnels and negative windows', () => {
    expect(() => run([[0, 0, VIEW]], { steps: [] })).toThrow(RangeError);
    expect(() => run([[0, 0, VIEW]], { steps: steps(VIEW), windowMs: -1 })).toThrow(RangeError);
  });
});

describe('funnel on the REES46 head', () => {
  // Parsed here rather than through the import pipeline: analytics may import only src/lib.
  const DATA = resolve(import.meta.dirname, '../../../shared/datasets');
  const expected = JSON.parse(readFileSync(resolve(DATA, 'rees46-2019-oct-head.expected.json'), 'utf8'));
  const lines = readFileSync(resolve(DATA, 'rees46-2019-oct-head.csv'), 'utf8').trim().split('\n').slice(1);
  const userCodes = new Map<string, number>();
  const rows = lines.map((line) => {
    const f = line.split(',');
    const user = userCodes.get(f[7] as string) ?? userCodes.set(f[7] as string, userCodes.size).size - 1;
    return [Date.parse(`${(f[0] as string).slice(0, 19).replace(' ', 'T')}Z`) - T0, user, TYPES.indexOf(f[1] as string)] as Row;
  });

  it('reproduces the independently computed funnels', () => {
    expect(rows.every((r) => r[2] >= 0 && Number.isFinite(r[0]))).toBe(true);
    const count = (types: number[]) => run(rows, { steps: steps(...types) }).result.steps.map((s) => s.users);
    expect(count([VIEW, CART, BUY])).toEqual(expected.funnelViewCartPurchase1d);
    expect(count([VIEW, BUY])).toEqual(expected.funnelViewPurchase1d);
  });
});
