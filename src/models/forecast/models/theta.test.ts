import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { centredMovingAverage, deseasonalize, isSeasonal, seasonalIndexes } from './decompose';
import { ses, slope, theta } from './theta';

const WEEK = [1.4, 1.2, 1, 1, 0.9, 1.5, 0];

describe('classical decomposition', () => {
  it('recovers multiplicative weekly indexes, including a closed weekday at 0', () => {
    const y = Float64Array.from({ length: 70 }, (_, t) => 100 * (WEEK[t % 7] as number));
    const idx = seasonalIndexes(y, 7, true);
    // WEEK averages 1, so the indexes are WEEK itself.
    [...idx].forEach((s, j) => expect(s).toBeCloseTo(WEEK[j] as number, 10));
    const x = deseasonalize(y, idx, true);
    // Every deseasonalized value is the level, the closed days' ones interpolated from neighbours.
    expect(Math.max(...x.map((v) => Math.abs(v - 100)))).toBeLessThan(1e-9);
  });

  it('uses a 2×m moving average for even m and leaves the ends undefined', () => {
    const cma = centredMovingAverage([1, 2, 3, 4, 5, 6], 4);
    // t = 2: (1/2 + 2 + 3 + 4 + 5/2) / 4 = 3.
    expect([...cma].map((v) => (Number.isNaN(v) ? null : v))).toEqual([null, null, 3, 4, null, null]);
  });

  it('detects weekly seasonality in a noisy weekly pattern but not in white noise', () => {
    const rng = createRng(5);
    const noise = Float64Array.from({ length: 140 }, () => rng.normal());
    expect(isSeasonal(noise, 7)).toBe(false);
    expect(isSeasonal(noise.map((e, t) => 50 * (WEEK[t % 7] as number) + 3 * e), 7)).toBe(true);
    expect(isSeasonal(noise.slice(0, 14), 7)).toBe(false); // needs more than two seasons
  });
});

describe('Theta', () => {
  it('runs simple exponential smoothing as written', () => {
    // ℓ0 = 1; ℓ1 = 0.5·3 + 0.5·1 = 2; ℓ2 = 0.5·2 + 0.5·2 = 2. SSE = 0 + (3 − 1)² + (2 − 2)² = 4.
    expect(ses(Float64Array.of(1, 3, 2), 0.5)).toEqual({ level: 2, insample: Float64Array.of(1, 1, 2), sse: 4 });
    expect(slope(Float64Array.of(1, 3, 5, 7))).toBe(2);
  });

  it('extends a line with half its slope from the last value (SES with drift b/2)', async () => {
    const y = Float64Array.from({ length: 50 }, (_, t) => 10 + 2 * t);
    const f = await (await theta.fit(y, 1)).forecast(3);
    [109, 110, 111].forEach((v, i) => expect(f[i]).toBeCloseTo(v, 1));
  });

  it('forecasts a seasonal series through its multiplicative season', async () => {
    const rng = createRng(2);
    const y = Float64Array.from({ length: 140 }, (_, t) => (200 + 0.5 * t) * (WEEK[t % 7] as number) * (1 + 0.02 * rng.normal()));
    const fitted = await theta.fit(y, 7);
    expect(fitted.detail).toMatch(/multiplicative seasonal adjustment/);
    const f = await fitted.forecast(14);
    for (let h = 0; h < 14; h++) {
      const truth = (200 + 0.5 * (140 + h)) * (WEEK[(140 + h) % 7] as number);
      expect(Math.abs((f[h] as number) - truth)).toBeLessThanOrEqual(0.06 * truth);
    }
  });
});
