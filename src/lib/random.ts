// Seeded pseudo-random numbers for synthetic data and tests. Math.random cannot be seeded, and the
// demo store must produce the same shop from the same seed on every machine, so everything random
// in generated data goes through this module.

/** A seeded random stream; every method advances the same underlying state. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Standard normal variate (mean 0, sd 1). */
  normal(): number;
  /** exp(N(mu, sigma²)): median e^mu, right-skewed like prices and basket sizes. */
  logNormal(mu: number, sigma: number): number;
  /** Poisson count with mean lambda. */
  poisson(lambda: number): number;
  /** Exponential waiting time with the given mean. */
  exponential(mean: number): number;
  /** Index i drawn with probability weights[i] / sum(weights). */
  weighted(weights: readonly number[]): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
}

/** Above this mean, Knuth's product method needs too many uniforms (and e^-λ underflows near 745). */
const POISSON_KNUTH_MAX = 30;

/**
 * Mixes a seed and a stream number into a well-spread 32-bit seed (murmur3 finaliser), so that
 * nearby seeds, or one seed used for several independent streams, give unrelated sequences.
 */
export function deriveSeed(seed: number, stream = 0): number {
  let h = (Math.floor(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Creates a mulberry32 stream: 32 bits of state, fast, and good enough for simulation (not crypto). */
export function createRng(seed: number): Rng {
  let state = deriveSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  // Box–Muller; 1 - next() keeps the logarithm's argument in (0, 1].
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() from an empty array');
      return items[int(items.length)] as T;
    },
    normal,
    logNormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    poisson(lambda) {
      if (!(lambda > 0)) return 0;
      if (lambda > POISSON_KNUTH_MAX) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let target = next() * total;
      for (let i = 0; i < weights.length; i++) {
        target -= weights[i] ?? 0;
        if (target < 0) return i;
      }
      // Rounding can leave target at ~0 after the last positive weight; fall back to it.
      for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
      throw new RangeError('weighted() needs at least one positive weight');
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = items[i] as T;
        items[i] = items[j] as T;
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * Sampler for many draws from fixed weights: the cumulative distribution is built once, each draw
 * is a binary search (O(log n)) instead of rng.weighted's linear scan.
 */
export function cdfSampler(weights: readonly number[], rng: Rng): () => number {
  const cdf = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += Math.max(0, w);
    cdf[i] = total;
  });
  if (!(total > 0)) throw new RangeError('cdfSampler needs at least one positive weight');
  return () => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Draws ranks 0…n-1 with P(k) ∝ 1 / (k+1)^s — Zipf's law, the shape of item popularity. */
export function zipfSampler(n: number, s: number, rng: Rng): () => number {
  if (!(n >= 1)) throw new RangeError('zipfSampler needs n >= 1');
  return cdfSampler(Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s), rng);
}
