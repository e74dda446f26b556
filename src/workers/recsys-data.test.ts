import { describe, expect, it } from 'vitest';
import type { EventTable } from '../analytics/event-table';
import { groupByUser } from '../analytics/indexes';
import { splitLoo, splitTime } from '../models/recsys/eval/split';
import { actionInteractionsFrom, defaultInteractionTypes, interactionsFrom, itemInteractionsFrom, splitByProtocol } from './recsys-data';

/** Rows [ts, user, type, item]; the session is the user's code (one session per user). */
function table(rows: [number, number, number, number][], items = 6, users = 4): EventTable {
  const n = rows.length;
  const col = (k: number) => Int32Array.from(rows, (r) => r[k] as number);
  return {
    n, ts: Float64Array.from(rows, (r) => r[0]), type: Uint8Array.from(rows, (r) => r[2]), user: col(1), session: col(1), sessionCount: users,
    price: new Float64Array(n), quantity: new Float64Array(n), revenue: new Float64Array(n),
    codes: { item: col(3) }, dicts: { item: Array.from({ length: items }, (_, i) => `p${i}`), user: Array.from({ length: users }, (_, u) => `u${u}`) },
  };
}
const load = (t: EventTable, opts: Parameters<typeof interactionsFrom>[2]) => interactionsFrom(t, groupByUser(t.user, t.ts, t.dicts.user?.length ?? 0), opts);
const perUser = (d: ReturnType<typeof interactionsFrom>) =>
  Array.from(d.userCodes, (code, g) => [code, [...d.items.subarray(d.offsets[g], d.offsets[g + 1])]]);

// user 0: views and purchases, an unknown item and a repeat; user 1: one purchase; user 2: anonymous rows are -1.
const rows: [number, number, number, number][] = [
  [5, 0, 5, 2], [1, 0, 0, 1], [2, 0, 0, 1], [3, 0, 1, -1], [4, 0, 5, 3], [6, 0, 6, 2],
  [1, 1, 5, 4], [1, -1, 5, 0], [2, -1, 5, 1], [7, 3, 5, 5], [8, 3, 5, 5], [9, 3, 5, 0], [10, 3, 2, 0],
];

describe('interactionsFrom', () => {
  it('keeps the chosen types on known items in time order, drops short users and anonymous events', () => {
    const d = load(table(rows), { types: [0, 1, 5] });
    expect(d.numItems).toBe(6);
    expect(perUser(d)).toEqual([[0, [1, 3, 2]], [3, [5, 0]]]);
    expect([...d.ts]).toEqual([1, 4, 5, 7, 9]);
    expect([...d.type]).toEqual([0, 5, 5, 5, 5]);
    expect([...d.session]).toEqual([0, 0, 0, 3, 3]);
    expect([...d.offsets]).toEqual([0, 3, 5]);
  });

  it('keeps consecutive repeats on request, honours minPerUser and keeps only the latest maxPerUser', () => {
    expect(perUser(load(table(rows), { types: [0, 5], dedupeConsecutive: false }))).toEqual([[0, [1, 1, 3, 2]], [3, [5, 5, 0]]]);
    expect(perUser(load(table(rows), { types: [5], minPerUser: 1 }))).toEqual([[0, [3, 2]], [1, [4]], [3, [5, 0]]]);
    expect(perUser(load(table(rows), { types: [0, 5], maxPerUser: 2 }))).toEqual([[0, [3, 2]], [3, [5, 0]]]);
  });

  it('refuses a dataset without items', () => {
    const t = table(rows);
    t.codes = {};
    expect(() => load(t, { types: [5] })).toThrow(/no item column/);
  });
});

describe('defaultInteractionTypes', () => {
  it('uses purchases for order exports and views, carts and purchases for clickstreams', () => {
    expect(defaultInteractionTypes(table(rows))).toEqual([0, 1, 5]);
    expect(defaultInteractionTypes(table(rows.filter((r) => r[2] !== 0)))).toEqual([5]);
  });
});

describe('itemInteractionsFrom and actionInteractionsFrom', () => {
  // user 0 views p1, adds p1 to the cart, wishlists p2 (not a default type), buys p2 twice.
  const t = table([[1, 0, 0, 1], [2, 0, 1, 1], [3, 0, 3, 2], [4, 0, 5, 2], [5, 0, 5, 2], [6, 1, 0, 3], [7, 1, 5, 4]]);
  const byUser = () => groupByUser(t.user, t.ts, t.dicts.user?.length ?? 0);
  const typed = (d: ReturnType<typeof interactionsFrom>) => [[...d.items], [...d.type]];

  it('recommenders collapse back-to-back repeats; the next-action head keeps the cart after the view', () => {
    expect(typed(itemInteractionsFrom(t, byUser()))).toEqual([[1, 2, 3, 4], [0, 5, 0, 5]]);
    expect(typed(actionInteractionsFrom(t, byUser()))).toEqual([[1, 1, 2, 2, 3, 4], [0, 1, 5, 5, 0, 5]]);
  });

  it('splits under the run protocol', () => {
    const d = actionInteractionsFrom(t, byUser());
    expect(splitByProtocol(d, { protocol: 'loo', testDays: 3 })).toEqual(splitLoo(d));
    expect(splitByProtocol(d, { protocol: 'time', testDays: 3 })).toEqual(splitTime(d, 3));
    expect(splitByProtocol(d, { protocol: 'time', testDays: 3 })).not.toEqual(splitTime(d, 4));
  });
});
