import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { DAY_MS, fromLists, userCount, type UserList } from '../interactions';
import type { EvalCase, Interactions } from '../types';
import { splitLoo, splitTime } from './split';

const itemsOf = (d: Interactions, u: number) => [...d.items.subarray(d.offsets[u], d.offsets[u + 1])];
const tsOf = (d: Interactions, u: number) => [...d.ts.subarray(d.offsets[u], d.offsets[u + 1])];
const brief = (c: EvalCase) => ({ user: c.user, history: [...c.history], target: c.target, ts: c.ts });

/** Random users with sessions and many equal timestamps (like invoice lines). */
function randomData(seed: number): Interactions {
  const rng = createRng(seed);
  const users: UserList[] = Array.from({ length: 60 }, () => {
    const n = 1 + rng.int(15);
    let t = rng.int(30) * DAY_MS, s = 0;
    const list: UserList = { items: [], ts: [], session: [] };
    for (let k = 0; k < n; k++) {
      if (rng.chance(0.4)) {
        t += rng.int(5) * DAY_MS + 3_600_000;
        s++;
      }
      list.items.push(rng.int(20));
      list.ts?.push(t);
      list.session?.push(s);
    }
    return list;
  });
  return fromLists(20, users);
}

describe('splitLoo', () => {
  it('holds out the last item for test and the one before for validation; short users train only', () => {
    const d = fromLists(10, [
      { items: [1, 2, 3, 4] },
      { items: [5, 6] },
      { items: [7, 8, 9], ts: [10, 20, 20] },
      { items: [1, 2, 3, 4], ts: [5, 6, 6, 7] },
    ]);
    const s = splitLoo(d);
    expect(s.protocol).toBe('loo');
    expect(s.valid.map(brief)).toEqual([
      { user: 0, history: [1, 2], target: 3, ts: 2 },
      { user: 2, history: [7], target: 8, ts: 20 },
      { user: 3, history: [1, 2], target: 3, ts: 6 },
    ]);
    expect(s.test.map(brief)).toEqual([
      { user: 0, history: [1, 2, 3], target: 4, ts: 3 },
      { user: 2, history: [7, 8], target: 9, ts: 20 },
      { user: 3, history: [1, 2, 3], target: 4, ts: 7 },
    ]);
    expect(userCount(s.train)).toBe(4);
    expect([0, 1, 2, 3].map((u) => itemsOf(s.train, u))).toEqual([[1, 2], [5, 6], [7], [1]]);
  });

  it('never trains on an interaction at or after the time of a case of the same user', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = splitLoo(randomData(seed));
      expect(s.test.length).toBeGreaterThan(0);
      for (const c of [...s.valid, ...s.test]) for (const t of tsOf(s.train, c.user)) expect(t).toBeLessThan(c.ts);
    }
  });
});

describe('splitTime', () => {
  const h = 3_600_000;
  // Last event at day 10 + 2 h: test from day 9 + 2 h, validation from day 8 + 2 h.
  const d = fromLists(10, [
    { items: [1, 2, 3, 4, 5, 6], ts: [0, DAY_MS, 8 * DAY_MS + 3 * h, 8 * DAY_MS + 4 * h, 10 * DAY_MS + h, 10 * DAY_MS + 2 * h], session: [0, 1, 2, 2, 3, 3] },
    { items: [7, 8, 9], ts: [8 * DAY_MS, 8 * DAY_MS + 3 * h, 9 * DAY_MS], session: [4, 4, 5] },
  ]);

  it('predicts each next item inside sessions of the windows, from the whole past or the session only', () => {
    const s = splitTime(d, 1);
    expect(s.testFrom).toBe(9 * DAY_MS + 2 * h);
    expect(s.validFrom).toBe(8 * DAY_MS + 2 * h);
    expect(s.valid.map(brief)).toEqual([
      { user: 0, history: [1, 2, 3], target: 4, ts: 8 * DAY_MS + 4 * h },
      { user: 1, history: [7], target: 8, ts: 8 * DAY_MS + 3 * h },
    ]);
    expect(s.test.map(brief)).toEqual([{ user: 0, history: [1, 2, 3, 4, 5], target: 6, ts: 10 * DAY_MS + 2 * h }]);
    expect(itemsOf(s.train, 0)).toEqual([1, 2]);
    expect(itemsOf(s.train, 1)).toEqual([7]);
    const sessionOnly = splitTime(d, 1, { sessionOnly: true });
    expect(sessionOnly.valid.map((c) => [...c.history])).toEqual([[3], [7]]);
    expect(sessionOnly.test.map((c) => [...c.history])).toEqual([[5]]);
  });

  it('trains on everything before the test window when there is no validation window', () => {
    const s = splitTime(d, 1, { validDays: 0 });
    expect(s.valid).toEqual([]);
    expect(s.test).toHaveLength(1);
    expect(itemsOf(s.train, 0)).toEqual([1, 2, 3, 4]);
    expect(itemsOf(s.train, 1)).toEqual([7, 8, 9]);
  });

  it('never trains on an interaction at or after the earliest case time, across all users', () => {
    let checked = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const s = splitTime(randomData(seed), 3);
      const cases = [...s.valid, ...s.test];
      if (cases.length === 0) continue;
      checked++;
      const earliest = Math.min(...cases.map((c) => c.ts));
      expect(Math.max(...s.train.ts)).toBeLessThan(earliest);
      for (const c of s.test) expect(c.ts).toBeGreaterThanOrEqual(s.testFrom ?? Infinity);
    }
    expect(checked).toBeGreaterThan(10);
  });
});
