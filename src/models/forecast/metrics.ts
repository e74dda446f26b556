// Forecast accuracy as in the M4 competition: MASE (scale-free, comparable across series) and sMAPE.

/**
 * In-sample MAE of the seasonal naive forecast, (1 / (n − m)) Σ_{t=m}^{n−1} |y_t − y_{t−m}|: the
 * MASE denominator. Falls back to lag 1 when the history holds no full season plus one period.
 */
export function naiveScale(insample: ArrayLike<number>, m: number): number {
  const lag = insample.length > m ? m : 1;
  let sum = 0;
  for (let t = lag; t < insample.length; t++) sum += Math.abs((insample[t] as number) - (insample[t - lag] as number));
  return insample.length > lag ? sum / (insample.length - lag) : NaN;
}

/**
 * Mean absolute scaled error: MASE = mean_h |y_h − ŷ_h| ÷ naiveScale(insample, m). Below 1 beats the
 * in-sample seasonal naive. A flat history (scale 0) gives 0 for a perfect forecast, else Infinity.
 */
export function mase(actual: ArrayLike<number>, forecast: ArrayLike<number>, insample: ArrayLike<number>, m: number): number {
  const mae = meanAbsError(actual, forecast);
  const scale = naiveScale(insample, m);
  if (scale === 0) return mae === 0 ? 0 : Infinity;
  return mae / scale;
}

/** Mean of |actual − forecast| over the shorter of the two. */
export function meanAbsError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const h = Math.min(actual.length, forecast.length);
  let sum = 0;
  for (let i = 0; i < h; i++) sum += Math.abs((actual[i] as number) - (forecast[i] as number));
  return h > 0 ? sum / h : NaN;
}

/**
 * Symmetric MAPE, M4 formula: sMAPE = (200 / h) Σ |y − ŷ| / (|y| + |ŷ|), in percent (0–200). A 0/0
 * term (no sales forecast for a day without sales) is a perfect forecast and counts as 0.
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  const h = Math.min(actual.length, forecast.length);
  let sum = 0;
  for (let i = 0; i < h; i++) {
    const y = actual[i] as number, f = forecast[i] as number;
    const denom = Math.abs(y) + Math.abs(f);
    if (denom > 0) sum += Math.abs(y - f) / denom;
  }
  return h > 0 ? (200 / h) * sum : NaN;
}
