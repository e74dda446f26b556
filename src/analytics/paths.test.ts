import { describe, expect, it } from 'vitest';
import type { EventTable } from './event-table';
import { groupByUser } from './indexes';
import { pathNodeUsers, paths, type PathQuery } from './paths';

const VIEW = 0, CART = 1, WISH = 3, BUY = 5;
const TYPES = ['view', 'cart', 'remove_from_cart', 'wishlist', 'checkout', 'purchase', 'refund'];

/** [ms, user, session, type, category (-1 = none)] */
type Row = [number, number, number, number, number?];
const rows: Row[] = [
  [0, 0, 0, VIEW, 0], [1, 0, 0, CART, 0], [2, 0, 0, BUY, 0], // cart › purchase
  [0, 1, 1, VIEW, 1], [1, 1, 1, CART, 1], [2, 1, 1, VIEW, 0], // cart › view
  [9, 1, 2, WISH], [10, 1, 2, VIEW, 1], [11, 1, 2, VIEW, 1], [12, 1, 2, CART, 1], // from the first view: view › cart
  [0, 2, 3, VIEW, 0], // exit
  [50, 2, 4, CART, 0], // no anchor
  [10, 3, 5, CART], [5, 3, 5, VIEW, 1], // out of time order in the source: view, then cart › exit
  [0, -1, 6, VIEW], [1, -1, 6, CART], // anonymous: not a user's session
];

function table(): EventTable {
  const n = rows.length;
  const col = (k: number) => rows.map((r) => r[k] ?? -1);
  return {
    n, ts: new Float64Array(col(0)), user: new Int32Array(col(1)), session: new Int32Array(col(2)), sessionCount: 7, type: new Uint8Array(col(3)),
    price: new Float64Array(n), quantity: new Float64Array(n), revenue: new Float64Array(n),
    codes: { category: new Int32Array(col(4)) },
    dicts: { type: TYPES, user: ['a', 'b', 'c', 'd'], category: ['shoes', 'hats'] },
  };
}

function query(q: Partial<PathQuery>) {
  const t = table();
  const byUser = groupByUser(t.user, t.ts, 4);
  const full: PathQuery = { anchor: VIEW, direction: 'next', depth: 2, by: 'type', ...q };
  return { result: paths(t, byUser, full), users: (id: string) => [...pathNodeUsers(t, byUser, full, id)] };
}
const counts = (q: Partial<PathQuery>) => query(q).result.nodes.map((n) => [n.id, n.sessions]);

describe('paths', () => {
  it('counts what sessions do after their first anchor event, exits included', () => {
    const { result } = query({});
    expect(result.anchorSessions).toBe(5);
    expect(result.nodes.map((n) => [n.id, n.sessions])).toEqual([
      ['cart', 3], ['exit', 1], ['view', 1],
      ['cart › exit', 1], ['cart › purchase', 1], ['cart › view', 1],
      ['view › cart', 1],
    ]);
    expect(result.nodes[4]).toEqual({ id: 'cart › purchase', level: 2, label: 'purchase', sessions: 1, parent: 'cart' });
  });

  it('walks backwards to the session start', () => {
    expect(counts({ anchor: BUY, direction: 'previous', depth: 3 })).toEqual([['cart', 1], ['cart › view', 1], ['cart › view › start', 1]]);
    expect(counts({ anchor: CART, direction: 'previous', depth: 1 })).toEqual([['view', 4], ['start', 1]]);
  });

  it('keeps consecutive repeats and labels by category', () => {
    expect(counts({ anchor: WISH, depth: 3 })).toEqual([['view', 1], ['view › view', 1], ['view › view › cart', 1]]);
    expect(counts({ by: 'category', depth: 1 })).toEqual([['hats', 2], ['(none)', 1], ['exit', 1], ['shoes', 1]]);
    expect(counts({ by: 'category', depth: 1, direction: 'previous' })).toEqual([['start', 4], ['(none)', 1]]);
  });

  it('merges children past the top K into one unexpanded Other node', () => {
    expect(counts({ topK: 1 })).toEqual([['cart', 3], ['Other', 2], ['cart › exit', 1], ['cart › Other', 2]]);
  });

  it('lists the users whose paths pass through a node', () => {
    const { users } = query({ topK: 1 });
    expect(users('cart')).toEqual([0, 1, 3]);
    expect(users('Other')).toEqual([1, 2]);
    expect(users('cart › Other')).toEqual([0, 1]);
    expect(users('cart › exit')).toEqual([3]);
    expect(users('nowhere')).toEqual([]);
    expect(query({}).users('cart › purchase')).toEqual([0]);
  });
});
