// The Theta method (Assimakopoulos & Nikolopoulos 2000) with classical seasonal adjustment, as in
// the M3/M4 "Theta" benchmark. Chosen over ARIMA because it is as accurate on business series
// (it won M3 and was a top benchmark in M4), has one parameter, and cannot fail to converge or
// need order selection. Hyndman & Billah (2003) showed it equals simple exponential smoothing
// with a drift of half the linear-trend slope:
//   x_t = deseasonalized y_t;   x_t ≈ a + b t (least squares, the θ=0 line)
//   SES: ℓ_t = α x_t + (1 − α) ℓ_{t−1},  ℓ_0 = x_0,  α minimising Σ (x_t − ℓ_{t−1})²
//   x̂_{n+h} = ℓ_n + (b / 2) ((h − 1) + (1 − (1 − α)^n) / α)
//   ŷ_{n+h} = x̂_{n+h} · s_{(n+h) mod m}   (or + s for additive seasonality)
import { nelderMead } from '../optimize';
import { seasonIndex, type Fitted, type Forecaster } from '../forecaster';
import { mostlyNonNegative } from '../series';
import { deseasonalize, isSeasonal, seasonalIndexes } from './decompose';

/** Bounds on the SES smoothing parameter. */
const ALPHA_LO = 1e-4, ALPHA_HI = 0.9999;

/** Simple exponential smoothing: one-step predictions ℓ_{t−1} and the final level ℓ_n. */
export function ses(x: Float64Array, alpha: number): { level: number; insample: Float64Array; sse: number } {
  let level = x[0] as number, sse = 0;
  const insample = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) {
    const xt = x[t] as number;
    insample[t] = level;
    sse += (xt - level) ** 2;
    level = alpha * xt + (1 - alpha) * level;
  }
  return { level, insample, sse };
}

/** The SSE-optimal α of SES on x. */
export function fitSesAlpha(x: Float64Array): number {
  const toAlpha = (u: number) => ALPHA_LO + (ALPHA_HI - ALPHA_LO) / (1 + Math.exp(-u));
  const best = nelderMead(([u = 0]) => ses(x, toAlpha(u)).sse, [-1], { step: 1 });
  return toAlpha(best.x[0] ?? 0);
}

/** Least-squares slope of x on t = 0 … n − 1. */
export function slope(x: Float64Array): number {
  const n = x.length, tBar = (n - 1) / 2;
  let xBar = 0;
  for (let t = 0; t < n; t++) xBar += (x[t] as number) / n;
  let sxy = 0, sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tBar) * ((x[t] as number) - xBar);
    sxx += (t - tBar) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/** Theta method with multiplicative (additive when the series goes negative) seasonal adjustment. */
export const theta: Forecaster = {
  id: 'theta',
  label: 'Theta',
  minHistory: (m) => (m > 1 ? 2 * m : 3),
  needs: (m) => (m > 1 ? '2 full seasons' : '3 periods'),
  fit(y: Float64Array, m: number): Fitted {
    const n = y.length;
    if (n < 3) throw new RangeError(`Theta needs 3 periods, got ${n}`);
    const seasonal = isSeasonal(y, m);
    const mult = mostlyNonNegative(y);
    const idx = seasonal ? seasonalIndexes(y, m, mult) : new Float64Array(1).fill(mult ? 1 : 0);
    const period = idx.length;
    const x = seasonal ? deseasonalize(y, idx, mult) : y;
    const alpha = fitSesAlpha(x), b = slope(x), fit = ses(x, alpha);
    const reseason = (v: number, t: number) => {
      const s = idx[seasonIndex(t, period)] as number;
      return mult ? v * s : v + s;
    };
    const drift = (1 - (1 - alpha) ** n) / alpha;
    return {
      insample: fit.insample.map((v, t) => reseason(v, t)),
      detail: `${seasonal ? `${mult ? 'multiplicative' : 'additive'} seasonal adjustment` : 'no seasonal adjustment'}, α=${alpha.toFixed(2)}, drift ${(b / 2).toPrecision(3)}/period`,
      forecast(h: number): Float64Array {
        const out = new Float64Array(h);
        for (let i = 1; i <= h; i++) out[i - 1] = reseason(fit.level + (b / 2) * (i - 1 + drift), n + i - 1);
        return out;
      },
    };
  },
};
