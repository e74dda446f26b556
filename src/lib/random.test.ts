import { describe, it, expect } from 'vitest';
import { cdfSampler, createRng, deriveSeed, zipfSampler, type Rng } from './random';

const N = 20_000;

/** Counts one draw of index i. */
function bump(counts: number[], i: number): void {
  counts[i] = (counts[i] ?? 0) + 1;
}

/** Mean of n draws. */
function mean(n: number, draw: () => number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += draw();
  return sum / n;
}

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const take = (rng: Rng) => Array.from({ length: 8 }, () => rng.next());
    expect(take(createRng(7))).toEqual(take(createRng(7)));
    expect(take(createRng(7))).not.toEqual(take(createRng(8)));
  });

  it('gives different seeds for different streams', () => {
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(2, 0));
  });

  it('keeps next() in [0, 1) with a uniform mean', () => {
    const rng = createRng(1);
    let min = 1;
    let max = 0;
    const m = mean(N, () => {
      const x = rng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      return x;
    });
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(m).toBeCloseTo(0.5, 1);
  });

  it('draws int(n) over the whole range and nothing outside it', () => {
    const rng = createRng(2);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(6));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('matches the means of normal, logNormal, poisson and exponential', () => {
    const rng = createRng(3);
    expect(mean(N, rng.normal)).toBeCloseTo(0, 1);
    expect(Math.sqrt(mean(N, () => rng.normal() ** 2))).toBeCloseTo(1, 1);
    // The median of logNormal(mu, sigma) is e^mu.
    const draws = Array.from({ length: N }, () => rng.logNormal(Math.log(40), 0.8)).sort((a, b) => a - b);
    expect((draws[N / 2] ?? 0) / 40).toBeCloseTo(1, 1);
    expect(mean(N, () => rng.poisson(2.5))).toBeCloseTo(2.5, 1);
    expect(mean(N, () => rng.poisson(80)) / 80).toBeCloseTo(1, 1);
    expect(rng.poisson(0)).toBe(0);
    expect(mean(N, () => rng.exponential(3)) / 3).toBeCloseTo(1, 1);
  });

  it('follows the weights in weighted() and never picks a zero weight', () => {
    const rng = createRng(4);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) bump(counts, rng.weighted([1, 0, 3]));
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / N).toBeCloseTo(0.75, 1);
    expect(() => rng.weighted([0, 0])).toThrow(RangeError);
  });

  it('picks and shuffles without losing elements', () => {
    const rng = createRng(5);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('cdfSampler and zipfSampler', () => {
  it('samples fixed weights by binary search', () => {
    const draw = cdfSampler([0, 2, 0, 6], createRng(6));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) bump(counts, draw());
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    expect((counts[3] ?? 0) / N).toBeCloseTo(0.75, 1);
  });

  it('gives Zipf frequencies: rank 1 about twice rank 2, top 1% a large share', () => {
    const n = 2000;
    const draw = zipfSampler(n, 1, createRng(7));
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < 100_000; i++) bump(counts, draw());
    expect((counts[0] ?? 0) / (counts[1] ?? 1)).toBeCloseTo(2, 0);
    const top = counts.slice(0, n / 100).reduce((a, b) => a + b, 0);
    // H(20) / H(2000) ≈ 3.60 / 8.18 ≈ 0.44 for s = 1.
    expect(top / 100_000).toBeGreaterThan(0.4);
    expect(top / 100_000).toBeLessThan(0.48);
    expect(() => zipfSampler(0, 1, createRng(1))).toThrow(RangeError);
  });
});
