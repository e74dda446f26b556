// Classical seasonal decomposition (centred moving average, then average seasonal ratios or
// differences), and the autocorrelation test the M4 Theta benchmark uses to decide whether to apply it.
import { seasonIndex } from '../forecaster';

/** One-sided 90% normal quantile of the seasonality test (as in the M4 benchmarks). */
const SEASONALITY_Z = 1.645;
/** A multiplicative index below this means "nothing happens in this position" (a closed weekday). */
export const CLOSED = 1e-6;

/** Sample autocorrelation of y at lag k. */
export function acf(y: ArrayLike<number>, k: number): number {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += (y[t] as number) / n;
  let num = 0, den = 0;
  for (let t = 0; t < n; t++) {
    const d = (y[t] as number) - mean;
    den += d * d;
    if (t >= k) num += d * ((y[t - k] as number) - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * Seasonal when |r_m| > 1.645 √((1 + 2 Σ_{k<m} r_k²) / n), i.e. the lag-m autocorrelation is
 * significant under Bartlett's variance. Needs more than two seasons of history.
 */
export function isSeasonal(y: ArrayLike<number>, m: number): boolean {
  if (m <= 1 || y.length <= 2 * m) return false;
  let sum = 0;
  for (let k = 1; k < m; k++) sum += acf(y, k) ** 2;
  return Math.abs(acf(y, m)) > SEASONALITY_Z * Math.sqrt((1 + 2 * sum) / y.length);
}

/**
 * The centred moving average of order m (2×m for even m, so each window is symmetric); NaN where
 * the window would leave the series.
 */
export function centredMovingAverage(y: ArrayLike<number>, m: number): Float64Array {
  const n = y.length, out = new Float64Array(n).fill(NaN), half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 1) for (let k = -half; k <= half; k++) s += y[t + k] as number;
    else {
      for (let k = -half + 1; k < half; k++) s += y[t + k] as number;
      s += ((y[t - half] as number) + (y[t + half] as number)) / 2;
    }
    out[t] = s / m;
  }
  return out;
}

/**
 * Seasonal indexes by position t mod m: the mean of y_t / CMA_t (multiplicative, normalised to
 * average 1) or y_t − CMA_t (additive, normalised to sum 0). Ratios over a non-positive trend are
 * skipped. A position that is always 0 (a weekday the shop is closed) gets an index of 0.
 */
export function seasonalIndexes(y: ArrayLike<number>, m: number, multiplicative: boolean): Float64Array {
  const cma = centredMovingAverage(y, m);
  const sum = new Float64Array(m), count = new Float64Array(m);
  for (let t = 0; t < y.length; t++) {
    const c = cma[t] as number, j = seasonIndex(t, m);
    if (Number.isNaN(c) || (multiplicative && c <= 0)) continue;
    sum[j] = (sum[j] as number) + (multiplicative ? (y[t] as number) / c : (y[t] as number) - c);
    count[j] = (count[j] as number) + 1;
  }
  const idx = sum.map((s, j) => ((count[j] as number) > 0 ? s / (count[j] as number) : multiplicative ? 1 : 0));
  let avg = 0;
  for (let j = 0; j < m; j++) avg += (idx[j] as number) / m;
  return idx.map((s) => (multiplicative ? (avg > 0 ? Math.max(0, s / avg) : 1) : s - avg));
}

/**
 * y with the season taken out: y_t / s_j or y_t − s_j. Where a multiplicative index is ~0 the
 * value carries no information about the level, so it is interpolated from its neighbours.
 */
export function deseasonalize(y: ArrayLike<number>, idx: Float64Array, multiplicative: boolean): Float64Array {
  const m = idx.length, n = y.length, x = new Float64Array(n).fill(NaN);
  for (let t = 0; t < n; t++) {
    const s = idx[seasonIndex(t, m)] as number;
    if (!multiplicative) x[t] = (y[t] as number) - s;
    else if (s > CLOSED) x[t] = (y[t] as number) / s;
  }
  let prev = -1;
  for (let t = 0; t <= n; t++) {
    if (t < n && Number.isNaN(x[t] as number)) continue;
    // Fill the gap (prev, t) linearly, or flat at either end.
    const a = prev >= 0 ? (x[prev] as number) : undefined, b = t < n ? (x[t] as number) : undefined;
    for (let k = prev + 1; k < t; k++) x[k] = a === undefined ? (b ?? 0) : b === undefined ? a : a + ((b - a) * (k - prev)) / (t - prev);
    prev = t;
  }
  return x;
}
