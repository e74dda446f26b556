import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random';
import { runForecast } from './forecast';
import { band, conformalQuantile, halfWidths, looCoverage } from './intervals';

describe('conformal intervals', () => {
  it('takes the ⌈(n + 1)·level⌉-th smallest score, or Infinity when there are too few', () => {
    const one = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n … 1, unsorted
    expect(conformalQuantile(one(19), 0.95)).toBe(19);
    expect(conformalQuantile(one(9), 0.8)).toBe(8);
    expect(conformalQuantile(one(10), 0.95)).toBe(Infinity);
  });

  it('pools neighbouring steps (shifted inside the horizon) until 40 errors back each quantile', () => {
    // 8 origins → windows of 5 steps; |error| at step k is k, so a window's top value is its last step.
    const errors = Array.from({ length: 8 }, (_, i) => Float64Array.from({ length: 28 }, (_, k) => (i % 2 ? k : -k)));
    const q = halfWidths(errors, 0.95);
    expect([q[0], q[1], q[2], q[10], q[27]]).toEqual([4, 4, 4, 12, 27]);
    expect(band([5, 5], Float64Array.of(2, 9), 0)).toEqual({ lower: [3, 0], upper: [7, 14] });
  });

  it('covers iid Gaussian errors at about the nominal rate, leave-one-origin-out', () => {
    const rng = createRng(11);
    const errors = Array.from({ length: 8 }, () => Float64Array.from({ length: 28 }, () => 3 * rng.normal()));
    expect(looCoverage(errors, 0.95)).toBeGreaterThan(0.9);
    expect(looCoverage(errors, 0.95)).toBeLessThanOrEqual(0.99);
    expect(Math.abs(looCoverage(errors, 0.8) - 0.8)).toBeLessThan(0.07);
  });

  it('gives honest bands on a seasonal series with known Gaussian noise', async () => {
    const rng = createRng(4), sd = 5, week = [20, 10, 0, 0, -5, 15, -40];
    const values = Float64Array.from({ length: 400 }, (_, t) => 200 + 0.05 * t + (week[t % 7] as number) + sd * rng.normal());
    const report = await runForecast({ start: '2024-01-01', freq: 'day', values }, { horizon: 28 });
    const hw = report.models.find((r) => r.id === 'holt-winters');
    expect(hw?.coverage95).toBeGreaterThanOrEqual(0.9);
    expect(hw?.coverage95).toBeLessThanOrEqual(0.99);
    expect(Math.abs((hw?.coverage80 ?? 0) - 0.8)).toBeLessThan(0.1);
    // The 95% band's half-width is close to 1.96 sd plus a little estimation error.
    const half = ((hw?.upper95[0] ?? 0) - (hw?.lower95[0] ?? 0)) / 2;
    expect(half).toBeGreaterThan(1.96 * sd * 0.8);
    expect(half).toBeLessThan(1.96 * sd * 1.6);
  });
});
