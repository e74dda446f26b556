import { describe, expect, it } from 'vitest';
import type { EvalCase, FitReport, Recommender } from '../types';
import { evaluate } from './evaluate';
import { activitySegment } from './segments';

const N = 30;
/** Scores item j as N − j for every history: the target j ranks j + 1 under full ranking. */
const fixed: Recommender = {
  id: 'fixed', label: 'Fixed',
  fit: async (): Promise<FitReport> => ({ epochs: 0, epochMs: 0, seqPerSec: 0, gflops: 0, losses: [] }),
  score: async (hs) => hs.map(() => Float32Array.from({ length: N }, (_, j) => N - j)),
};
const popularity = Float64Array.from({ length: N }, (_, j) => j);
const c = (target: number, history: number[] = [29]): EvalCase => ({ user: 0, history: Int32Array.from(history), target, ts: 0 });

describe('evaluate', () => {
  it('computes the metrics of known ranks 1, 4, 15, 30 over the full catalogue', async () => {
    const { overall } = await evaluate(fixed, [c(0), c(3), c(14), c(29)], { numItems: N, popularity });
    expect(overall.hr10).toBe(0.5);
    expect(overall.ndcg10).toBeCloseTo((1 + 1 / Math.log2(5)) / 4, 6);
    expect(overall.mrr10).toBeCloseTo(0.3125, 6);
    expect(overall.hr20).toBe(0.75);
    expect(overall.mrr20).toBeCloseTo((1.25 + 1 / 15) / 4, 6);
    expect(overall.coverage).toBeCloseTo(10 / 30, 12);
    expect(overall.avgPopularity).toBe(4.5);
    expect(overall.cases).toBe(4);
  });

  it('keeps history items as candidates by default and drops them on request (a repeat target is a miss)', async () => {
    const cases = [c(5, [0, 1]), c(1, [1, 2])];
    const keep = await evaluate(fixed, cases, { numItems: N, popularity });
    expect(keep.overall.mrr10).toBeCloseTo((1 / 6 + 1 / 2) / 2, 6);
    const drop = await evaluate(fixed, cases, { numItems: N, popularity, excludeHistory: true });
    expect(drop.overall.mrr10).toBeCloseTo(1 / 4 / 2, 6);
    expect(drop.overall.hr10).toBe(0.5);
    // Top 10 without history: items 2…11 for the first case, 0 and 3…11 for the second: 11 in all.
    expect(drop.overall.coverage).toBeCloseTo(11 / 30, 12);
  });

  it('ranks against sampled negatives drawn outside the history, reproducibly and independent of batching', async () => {
    const all = await evaluate(fixed, [c(14, [20]), c(14, [5])], { numItems: N, popularity, negatives: 28 });
    expect(all.overall.mrr20).toBeCloseTo((1 / 15 + 1 / 14) / 2, 6);
    const cases = Array.from({ length: 40 }, (_, k) => c(k % N, [(k + 7) % N]));
    const a = await evaluate(fixed, cases, { numItems: N, popularity, negatives: 5, seed: 3, batchSize: 1 });
    const b = await evaluate(fixed, cases, { numItems: N, popularity, negatives: 5, seed: 3, batchSize: 256 });
    expect(a).toEqual(b);
    const other = await evaluate(fixed, cases, { numItems: N, popularity, negatives: 5, seed: 4 });
    expect(other.overall.mrr10).not.toBe(a.overall.mrr10);
    // Fewer candidates can only help the target.
    const full = await evaluate(fixed, cases, { numItems: N, popularity });
    expect(a.overall.hr10).toBeGreaterThan(full.overall.hr10);
  });

  it('breaks the metrics down by segment', async () => {
    const cases = [c(0, [1]), c(3, Array.from({ length: 8 }, (_, i) => i)), c(14, Array.from({ length: 25 }, (_, i) => i))];
    const r = await evaluate(fixed, cases, { numItems: N, popularity, segmentOf: activitySegment });
    expect(Object.keys(r.bySegment)).toEqual(['heavy (>20)', 'light (≤5)', 'medium (6–20)']);
    expect(r.bySegment['light (≤5)']).toMatchObject({ hr10: 1, mrr10: 1, cases: 1 });
    expect(r.bySegment['heavy (>20)']).toMatchObject({ hr10: 0, hr20: 1, cases: 1 });
  });

  it('refuses a model that returns the wrong number of scores', async () => {
    const short: Recommender = { ...fixed, score: async (hs) => hs.map(() => new Float32Array(3)) };
    await expect(evaluate(short, [c(0)], { numItems: N, popularity })).rejects.toThrow(/3 scores for a catalogue of 30/);
  });
});
