import { describe, expect, it } from 'vitest';
import { createRng } from '../../../lib/random';
import { fitVariant, holtWinters, type HwParams, type HwSpec } from './holt-winters';

/**
 * Simulates a series from the Holt–Winters recursions themselves (written out again here, so the
 * test does not reuse the code it checks), with Gaussian innovations of sd `noise`.
 */
function simulate(n: number, spec: HwSpec, p: HwParams, level0: number, trend0: number, season0: number[], noise: number, seed = 1) {
  const rng = createRng(seed), m = season0.length, s = [...season0], mult = spec.season === 'multiplicative';
  const phi = spec.trend === 'damped' ? p.phi : 1;
  let l = level0, b = trend0;
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const j = t % m, sj = s[j] as number, ahead = l + phi * b;
    const yt = (mult ? ahead * sj : ahead + sj) + noise * rng.normal();
    y[t] = yt;
    const nl = mult ? p.alpha * (yt / sj) + (1 - p.alpha) * ahead : p.alpha * (yt - sj) + (1 - p.alpha) * ahead;
    s[j] = mult ? p.gamma * (yt / ahead) + (1 - p.gamma) * sj : p.gamma * (yt - ahead) + (1 - p.gamma) * sj;
    b = p.beta * (nl - l) + (1 - p.beta) * phi * b;
    l = nl;
  }
  return { y, level: l, trend: b, season: s };
}

const rmse = (a: Float64Array, b: Float64Array) => Math.sqrt(a.reduce((s, x, i) => s + (x - (b[i] as number)) ** 2, 0) / a.length);

describe('Holt–Winters', () => {
  it('recovers α, β, γ of an additive series generated from its recursions', () => {
    const spec: HwSpec = { trend: 'additive', season: 'additive' };
    const truth = { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 1 };
    const sim = simulate(700, spec, truth, 100, 0.5, [20, 10, 5, 0, -5, -10, -20], 1);
    const fit = fitVariant(sim.y, 7, spec);
    expect(fit).not.toBeNull();
    const p = (fit as NonNullable<typeof fit>).params;
    expect(Math.abs(p.alpha - truth.alpha)).toBeLessThan(0.06);
    expect(Math.abs(p.beta - truth.beta)).toBeLessThan(0.06);
    expect(Math.abs(p.gamma - truth.gamma)).toBeLessThan(0.06);
    // The one-step errors are the innovations: their RMSE is the noise sd once the start is past.
    expect(rmse(sim.y.subarray(70), (fit as NonNullable<typeof fit>).insample.subarray(70))).toBeLessThan(1.1);
  });

  it('recovers α and γ of a multiplicative damped series', () => {
    const spec: HwSpec = { trend: 'damped', season: 'multiplicative' };
    const truth = { alpha: 0.25, beta: 0.15, gamma: 0.15, phi: 0.9 };
    const sim = simulate(1400, spec, truth, 200, 1, [1.3, 1.1, 1, 0.9, 0.8, 1.2, 0.7], 1, 7);
    const fit = fitVariant(sim.y, 7, spec) as NonNullable<ReturnType<typeof fitVariant>>;
    // β and φ trade off against each other (both shape the trend), so only α and γ are pinned down.
    expect(Math.abs(fit.params.alpha - truth.alpha)).toBeLessThan(0.08);
    expect(Math.abs(fit.params.gamma - truth.gamma)).toBeLessThan(0.06);
    expect(rmse(sim.y.subarray(70), fit.insample.subarray(70))).toBeLessThan(1.1);
  });

  it('picks the right seasonality by AICc and forecasts level, trend and season', async () => {
    // No noise in the future: continue the recursions noise-free and compare.
    const spec: HwSpec = { trend: 'none', season: 'multiplicative' };
    const truth = { alpha: 0.2, beta: 0, gamma: 0.1, phi: 1 };
    const season = [1.6, 1.2, 1, 0.9, 0.8, 1.2, 0.3];
    const sim = simulate(420, spec, truth, 500, 0, season, 2, 3);
    const fitted = await holtWinters.fit(sim.y, 7);
    expect(fitted.detail).toMatch(/multiplicative season/);
    const f = await fitted.forecast(14);
    for (let h = 0; h < 14; h++) expect(f[h]).toBeCloseTo(sim.level * (sim.season[(420 + h) % 7] as number), -1);
  });

  it('falls back to non-seasonal variants when m = 1 and forecasts a clean line exactly', async () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => 10 + 2 * t);
    const f = await (await holtWinters.fit(y, 1)).forecast(3);
    expect([...f].map((x) => Math.round(x * 100) / 100)).toEqual([130, 132, 134]);
  });
});
