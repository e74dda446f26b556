// Initial Holt–Winters states from the start of the history (the classical heuristic of
// Hyndman et al. 2008, §2.6.1): a line through the means of the first two seasons gives the level
// and trend, and the average deviation (or ratio) of those seasons from the line gives the season.
import type { HwSpec } from './holt-winters';

/** Level ℓ, trend b and seasonal indexes s (slot j holds the index of season position j). */
export interface States {
  level: number;
  trend: number;
  season: Float64Array;
}

/** Periods used for the trend line of a non-seasonal history. */
const LINE_SPAN = 10;

const mean = (y: Float64Array, from: number, to: number): number => {
  let s = 0;
  for (let t = from; t < to; t++) s += y[t] as number;
  return s / (to - from);
};

/**
 * States "at t = −1", so the recursions run from the first observation. Null when the variant
 * cannot start: too little history, or a multiplicative season over a non-positive level.
 */
export function initialStates(y: Float64Array, m: number, spec: HwSpec): States | null {
  const hasTrend = spec.trend !== 'none';
  if (spec.season === 'none') {
    if (y.length < 2) return null;
    // Least-squares line over the first periods: y ≈ a + b t, so ℓ_{−1} = a − b.
    const k = Math.min(y.length, LINE_SPAN), tBar = (k - 1) / 2, yBar = mean(y, 0, k);
    let sxy = 0, sxx = 0;
    for (let t = 0; t < k; t++) {
      sxy += (t - tBar) * ((y[t] as number) - yBar);
      sxx += (t - tBar) ** 2;
    }
    const b = hasTrend ? sxy / sxx : 0;
    return { level: yBar - b * (tBar + 1), trend: b, season: new Float64Array(Math.max(1, m)) };
  }
  if (y.length < 2 * m) return null;
  const m1 = mean(y, 0, m), m2 = mean(y, m, 2 * m);
  // The line passes through each season's mean at its centre, t = (m − 1)/2 and m + (m − 1)/2.
  const b = hasTrend ? (m2 - m1) / m : 0;
  const centre = hasTrend ? m1 : (m1 + m2) / 2;
  const line = (t: number) => centre + b * (t - (m - 1) / 2);
  const mult = spec.season === 'multiplicative';
  if (mult && (line(0) <= 0 || line(2 * m - 1) <= 0)) return null;
  const season = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const a = y[j] as number, c = y[m + j] as number;
    season[j] = mult ? (a / line(j) + c / line(m + j)) / 2 : (a - line(j) + c - line(m + j)) / 2;
  }
  // Normalise: additive indexes sum to 0, multiplicative ones average 1.
  const avg = mean(season, 0, m);
  for (let j = 0; j < m; j++) season[j] = mult ? (season[j] as number) / avg : (season[j] as number) - avg;
  if (mult && !(avg > 0)) return null;
  return { level: line(-1), trend: b, season };
}
