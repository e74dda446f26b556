import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { MetricSums, rankAmong, rankFull, sampleNegatives } from './metrics';

const s = Float32Array.from([0.5, 0.9, 0.5, 0.1, 0.5]);

describe('rankFull', () => {
  it('counts higher scores and, pessimistically, every other equal score', () => {
    expect(rankFull(s, 1)).toBe(1);
    expect(rankFull(s, 0)).toBe(4); // 0.9 above, items 2 and 4 tie
    expect(rankFull(s, 4)).toBe(4);
    expect(rankFull(s, 3)).toBe(5);
    expect(rankFull(Float32Array.from([1, 1, 1, 1]), 2)).toBe(4);
  });
  it('skips masked items and puts a NaN target last', () => {
    expect(rankFull(s, 0, Uint8Array.from([0, 1, 0, 0, 0]))).toBe(3);
    expect(rankFull(Float32Array.from([NaN, 0, 1]), 0)).toBe(3);
    expect(rankFull(Float32Array.from([0.2, NaN, 0.1]), 0)).toBe(1);
  });
});

describe('rankAmong', () => {
  it('ranks against the negatives only, ties pessimistic', () => {
    expect(rankAmong(s, 0, Int32Array.from([3, 2]))).toBe(2);
    expect(rankAmong(s, 0, Int32Array.from([3]))).toBe(1);
    expect(rankAmong(s, 3, Int32Array.from([0, 1, 2]))).toBe(4);
  });
});

describe('sampleNegatives', () => {
  it('draws distinct items outside the target and the mask, the same for the same seed', () => {
    const mask = new Uint8Array(10);
    mask[1] = mask[2] = 1;
    const a = sampleNegatives(10, 3, mask, 5, createRng(7));
    expect(new Set(a).size).toBe(5);
    for (const j of a) expect([1, 2, 3]).not.toContain(j);
    expect([...sampleNegatives(10, 3, mask, 5, createRng(7))]).toEqual([...a]);
    expect([...sampleNegatives(10, 3, mask, 100, createRng(7))].sort()).toEqual([0, 4, 5, 6, 7, 8, 9]);
  });
});

describe('MetricSums', () => {
  it('averages HR, NDCG and MRR at 10 and 20, coverage and popularity (hand-computed)', () => {
    const m = new MetricSums(5);
    const pop = Float64Array.from([10, 20, 30, 40, 50]);
    for (const [rank, top] of [[1, [0, 1]], [4, [1, 2]], [15, [2, 3]], [30, [0, 0]]] as const) m.add(rank, Int32Array.from(top), pop);
    const r = m.result();
    expect(r.cases).toBe(4);
    expect(r.hr10).toBe(0.5);
    expect(r.ndcg10).toBeCloseTo((1 + 1 / Math.log2(5)) / 4, 12);
    expect(r.ndcg10).toBeCloseTo(0.357669, 6);
    expect(r.mrr10).toBeCloseTo(0.3125, 12);
    expect(r.hr20).toBe(0.75);
    expect(r.ndcg20).toBeCloseTo((1 + 0.4306766 + 0.25) / 4, 6);
    expect(r.mrr20).toBeCloseTo((1 + 0.25 + 1 / 15) / 4, 12);
    expect(r.coverage).toBe(0.8);
    expect(r.avgPopularity).toBe(170 / 8);
  });
  it('gives zeros and cases 0 without cases, and a miss for an infinite rank', () => {
    expect(new MetricSums(3).result()).toMatchObject({ hr10: 0, ndcg20: 0, coverage: 0, cases: 0 });
    const m = new MetricSums(3);
    m.add(Infinity, new Int32Array(0), new Float64Array(3));
    expect(m.result()).toMatchObject({ hr20: 0, mrr20: 0, cases: 1 });
  });
});
