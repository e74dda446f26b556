// Prediction intervals by split conformal prediction on the backtest errors, per horizon step:
// the band at step k is ŷ_k ± q_k, where q_k is the conformal quantile of |y − ŷ| over every origin
// at steps near k. With only 4–8 origins, one step has too few errors for a 95% quantile, so steps
// are pooled in a window around k wide enough to hold MIN_POOL errors.
// Coverage is measured leave-one-origin-out: each origin's actuals are checked against bands built
// from the other origins only, so the figure is not flattered by scoring the errors that set the
// width. (Neighbouring origins' horizons overlap, so it is still slightly optimistic.)

/** Nominal levels of the two bands. */
export const LEVELS = [0.8, 0.95] as const;
/** Fewest pooled errors behind each quantile; 40 puts the 95% quantile at the 39th of 40. */
export const MIN_POOL = 40;

/**
 * The conformal quantile of n scores at a level: the ⌈(n + 1)·level⌉-th smallest, which covers a
 * new exchangeable score with probability ≥ level. Infinity when that rank exceeds n.
 */
export function conformalQuantile(scores: readonly number[], level: number): number {
  const sorted = [...scores].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length + 1) * level);
  return rank <= sorted.length ? (sorted[rank - 1] as number) : Infinity;
}

/** The window of steps pooled for step k: ⌈minPool / origins⌉ steps centred on k, shifted to stay inside the horizon. */
function windowOf(k: number, horizon: number, origins: number, minPool: number): [number, number] {
  const width = Math.min(horizon, Math.ceil(minPool / Math.max(1, origins)));
  const from = Math.max(0, Math.min(horizon - width, k - Math.floor(width / 2)));
  return [from, from + width];
}

/** Half-widths q_k per step from errors[origin][step] (actual − forecast). */
export function halfWidths(errors: readonly Float64Array[], level: number, minPool = MIN_POOL): Float64Array {
  const horizon = errors[0]?.length ?? 0, out = new Float64Array(horizon);
  for (let k = 0; k < horizon; k++) {
    const [a, b] = windowOf(k, horizon, errors.length, minPool);
    const pool: number[] = [];
    for (const e of errors) for (let s = a; s < b; s++) pool.push(Math.abs(e[s] as number));
    out[k] = conformalQuantile(pool, level);
  }
  return out;
}

/** Lower and upper bounds ŷ ± q, the lower one floored at `floor` (0 for quantities that cannot go negative). */
export function band(forecast: ArrayLike<number>, widths: Float64Array, floor = -Infinity): { lower: number[]; upper: number[] } {
  const lower: number[] = [], upper: number[] = [];
  for (let k = 0; k < forecast.length; k++) {
    const f = forecast[k] as number, q = widths[k] as number;
    lower.push(Math.max(floor, f - q));
    upper.push(f + q);
  }
  return { lower, upper };
}

/** Share of backtest actuals inside their band when each origin's band comes from the other origins. */
export function looCoverage(errors: readonly Float64Array[], level: number, minPool = MIN_POOL): number {
  let inside = 0, total = 0;
  errors.forEach((e, i) => {
    const q = halfWidths(errors.filter((_, j) => j !== i), level, minPool);
    for (let k = 0; k < e.length; k++) {
      total++;
      if (Math.abs(e[k] as number) <= (q[k] as number)) inside++;
    }
  });
  return total ? inside / total : NaN;
}
