import { describe, expect, it } from 'vitest';
import { DAY_MS, fromLists } from '../interactions';
import { popularity, recentPopularity } from './pop';

// Item 0 sold most overall but only long ago; items 1 and 2 sold in the last 30 days.
const train = fromLists(4, [
  { items: [0, 0, 0, 1], ts: [0, 1, 2, 100 * DAY_MS] },
  { items: [0, 2, 1], ts: [3, 90 * DAY_MS, 95 * DAY_MS] },
]);
const order = (s: Float32Array) => [...s.keys()].sort((a, b) => (s[b] as number) - (s[a] as number) || a - b);

describe('popularity', () => {
  it('ranks by overall training count, the same for every history', async () => {
    const m = popularity();
    await m.fit(train, { epochs: 1, seed: 0 });
    const [a, b] = await m.score([Int32Array.from([1]), new Int32Array(0)]);
    expect([...(a as Float32Array)]).toEqual([4, 2, 1, 0]);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(m.id).toBe('pop');
  });

  it('ranks by count in the last 30 training days, then by overall count', async () => {
    const m = recentPopularity();
    await m.fit(train, { epochs: 1, seed: 0 });
    const [s] = await m.score([new Int32Array(0)]);
    // Recent counts 1: 2, 2: 1, 0: 0, 3: 0; item 0 still beats the never-sold item 3.
    expect(order(s as Float32Array)).toEqual([1, 2, 0, 3]);
    expect(m.id).toBe('pop-recent');
    const week = recentPopularity(7);
    await week.fit(train, { epochs: 1, seed: 0 });
    expect(order((await week.score([new Int32Array(0)]))[0] as Float32Array)).toEqual([1, 0, 2, 3]);
  });
});
