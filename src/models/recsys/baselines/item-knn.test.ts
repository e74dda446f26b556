import { describe, expect, it } from 'vitest';
import { fromLists } from '../interactions';
import { explain, ItemKnn, similarItems } from './item-knn';

// Baskets {0,1}, {0,1,2}, {2,3}: n = [2, 2, 2, 1, 0]; c01 = 2, c02 = c12 = c23 = 1, so
// sim(0,1) = 2/√4 = 1, sim(0,2) = sim(1,2) = 1/2, sim(2,3) = 1/√2.
const train = fromLists(5, [{ items: [0, 1] }, { items: [0, 1, 2, 1] }, { items: [2, 3] }]);
const fit = async (m = new ItemKnn()) => (await m.fit(train, { epochs: 1, seed: 0 }), m);

describe('item-kNN', () => {
  it('keeps cosine neighbours, most similar first', async () => {
    const m = await fit();
    expect(similarItems(m, 2, 5).map((w) => [w.item, +w.weight.toFixed(4)])).toEqual([[3, 0.7071], [0, 0.5], [1, 0.5]]);
    expect(similarItems(m, 0, 1)).toEqual([{ item: 1, weight: 1 }]);
    expect(similarItems(m, 4, 3)).toEqual([]);
    expect(similarItems(await fit(new ItemKnn({ neighbours: 1 })), 2, 5).map((w) => w.item)).toEqual([3]);
  });

  it('scores Σ decay^a · sim over the recent history, unseen items by popularity below every neighbour', async () => {
    const m = await fit();
    const [one, two] = await m.score([Int32Array.from([0]), Int32Array.from([0, 3])]);
    expect(one?.[1]).toBeCloseTo(1, 6);
    expect(one?.[2]).toBeCloseTo(0.5, 6);
    // Fallback −1 + pop/(max + 1) with interaction counts [2, 3, 2, 1, 0]: item 0 −1/2, item 3 −3/4, item 4 −1.
    expect([one?.[0], one?.[3], one?.[4]]).toEqual([-0.5, -0.75, -1]);
    // History [0, 3]: 3 is newest (weight 1), 0 has weight 0.5: item 2 = 0.7071 + 0.5·0.5.
    expect(two?.[2]).toBeCloseTo(Math.SQRT1_2 + 0.25, 6);
    expect(two?.[1]).toBeCloseTo(0.5, 6);
  });

  it('explains a recommendation by the history items that contributed most', async () => {
    const m = await fit();
    expect(explain(m, Int32Array.from([0, 3]), 2).map((w) => [w.item, +w.weight.toFixed(4)])).toEqual([[3, 0.7071], [0, 0.25]]);
    expect(explain(m, Int32Array.from([0, 3]), 2, 1).map((w) => w.item)).toEqual([3]);
    expect(explain(m, Int32Array.from([3]), 0)).toEqual([]);
  });

  it('can count co-occurrence within sessions instead of whole users', async () => {
    const bySession = fromLists(3, [{ items: [0, 1, 2], session: [0, 0, 1] }]);
    const m = new ItemKnn({ basket: 'session' });
    await m.fit(bySession, { epochs: 1, seed: 0 });
    expect(similarItems(m, 0, 3).map((w) => w.item)).toEqual([1]);
    const u = new ItemKnn();
    await u.fit(bySession, { epochs: 1, seed: 0 });
    expect(similarItems(u, 0, 3).map((w) => w.item)).toEqual([1, 2]);
  });
});
