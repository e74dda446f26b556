import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { topK } from '../top-k';
import { fromLists, type UserList } from '../interactions';
import { BprMf } from './bpr-mf';

/** 4 groups of 10 items; each of 240 users buys 8 items of one group only. */
function grouped(seed: number) {
  const rng = createRng(seed);
  const users: UserList[] = Array.from({ length: 240 }, (_, u) => ({
    items: Array.from({ length: 8 }, () => (u % 4) * 10 + rng.int(10)),
  }));
  return fromLists(40, users);
}

describe('BPR-MF', () => {
  it('lowers the loss and recovers the group structure', async () => {
    const m = new BprMf({ dim: 16 });
    const seen: number[] = [];
    const report = await m.fit(grouped(1), { epochs: 15, seed: 2, onProgress: (p) => void seen.push(p.epoch) });
    expect(report.epochs).toBe(15);
    expect(seen).toEqual(Array.from({ length: 15 }, (_, k) => k + 1));
    expect(report.losses[14]).toBeLessThan((report.losses[0] as number) * 0.7);
    const histories = [0, 1, 2, 3].map((g) => Int32Array.from([g * 10 + 1, g * 10 + 5, g * 10 + 7]));
    const scores = await m.score(histories);
    scores.forEach((s, g) => {
      for (const item of topK(s, 8)) expect(Math.floor(item / 10)).toBe(g);
    });
  });

  it('is deterministic given the seed and stops when asked', async () => {
    const run = async (seed: number) => {
      const m = new BprMf({ dim: 8 });
      await m.fit(grouped(1), { epochs: 3, seed });
      return (await m.score([Int32Array.from([1, 2])]))[0];
    };
    expect(await run(5)).toEqual(await run(5));
    expect(await run(5)).not.toEqual(await run(6));
    const m = new BprMf({ dim: 8 });
    const r = await m.fit(grouped(1), { epochs: 10, seed: 1, onProgress: (p) => (p.epoch === 2 ? 'stop' : undefined) });
    expect(r.epochs).toBe(2);
    expect(r.losses).toHaveLength(2);
  });

  it('scores five histories (one short block of four) like one at a time', async () => {
    const m = new BprMf({ dim: 8 });
    await m.fit(grouped(3), { epochs: 2, seed: 1 });
    const hs = [0, 1, 2, 3, 4].map((k) => Int32Array.from([k * 7, k * 7 + 1]));
    const together = await m.score(hs);
    for (let k = 0; k < hs.length; k++) expect(together[k]).toEqual((await m.score([hs[k] as Int32Array]))[0]);
  });
});
