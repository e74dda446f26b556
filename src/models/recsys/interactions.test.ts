import { describe, expect, it } from 'vitest';
import { before, fromLists, itemCounts, keepPrefixes, lastTs, recentDistinct, userCount } from './interactions';

const d = fromLists(5, [{ items: [0, 1, 1], ts: [1, 2, 3] }, { items: [2], ts: [5] }, { items: [], ts: [] }]);

describe('interactions helpers', () => {
  it('counts items, optionally from a time on, and finds the last time', () => {
    expect([...itemCounts(d)]).toEqual([1, 2, 1, 0, 0]);
    expect([...itemCounts(d, 3)]).toEqual([0, 1, 1, 0, 0]);
    expect(lastTs(d)).toBe(5);
    expect(userCount(d)).toBe(3);
  });
  it('keeps per-user prefixes without renumbering users', () => {
    const p = keepPrefixes(d, Uint32Array.from([1, 3, 4]));
    expect([...p.offsets]).toEqual([0, 1, 1, 1]);
    expect([...p.items]).toEqual([0]);
    const b = before(d, 3);
    expect([...b.offsets]).toEqual([0, 2, 2, 2]);
    expect([...b.ts]).toEqual([1, 2]);
    expect(b.userCodes).toBe(d.userCodes);
  });
  it('lists the last distinct items, newest first', () => {
    expect([...recentDistinct(Int32Array.from([4, 1, 2, 1, 3, 3]), 3)]).toEqual([3, 1, 2]);
    expect([...recentDistinct(Int32Array.from([4, 1]), 5)]).toEqual([1, 4]);
  });
});
