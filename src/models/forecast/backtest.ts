// Rolling-origin evaluation: fit each model on the history before an origin, forecast the full
// horizon after it, and score against what happened. The last origin's horizon ends at the series
// end; earlier origins step back by a quarter horizon. Each fit sees only y[0, origin) (and the
// promotion flags of that span, plus those of the horizon, which the user marks in advance).
import type { Forecaster } from './forecaster';
import { mase, smape } from './metrics';

/** Fewest origins for an honest average (and for interval quantiles). */
export const MIN_ORIGINS = 4;
/** Most origins: more give steadier scores and intervals but cost one fit per model each. */
export const MAX_ORIGINS = 8;

/** Spacing of origins: a quarter horizon, so 8 origins cover about 2¾ horizons of recent history. */
export const originStep = (horizon: number): number => Math.max(1, Math.ceil(horizon / 4));

/**
 * Origins (first forecast period of each split, ascending): the last at n − h, then back by `step`
 * while the training span stays at least `minTrain` long, at most `max` of them.
 */
export function planOrigins(n: number, horizon: number, minTrain: number, step = originStep(horizon), max = MAX_ORIGINS): number[] {
  const origins: number[] = [];
  for (let o = n - horizon; o >= minTrain && origins.length < max; o -= step) origins.unshift(o);
  return origins;
}

/** One model's backtest: per origin its forecasts and scores, and what it cost. */
export interface ModelBacktest {
  id: string;
  label: string;
  /** forecasts[i][k]: the forecast of period origins[i] + k. */
  forecasts: Float64Array[];
  mase: number[];
  smape: number[];
  meanMase: number;
  meanSmape: number;
  /** Total fit + forecast time over all origins, in ms. */
  ms: number;
}

/** The splits and every model's results. */
export interface Backtest {
  horizon: number;
  m: number;
  origins: number[];
  /** actuals[i]: y[origins[i] … origins[i] + horizon). */
  actuals: Float64Array[];
  runs: ModelBacktest[];
  /** Models left out, with the reason (too little history, or a failed fit). */
  skipped: { id: string; label: string; reason: string }[];
}

/** Mean of finite values (NaN when none). */
export const meanOf = (xs: readonly number[]): number => {
  const ok = xs.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

/** Scores forecasts made at each origin against the actuals; MASE is scaled per origin by its own training data. */
export function score(y: Float64Array, m: number, origins: number[], forecasts: Float64Array[]): { mase: number[]; smape: number[] } {
  const actual = (i: number) => y.subarray(origins[i] as number, (origins[i] as number) + (forecasts[i] as Float64Array).length);
  return {
    mase: forecasts.map((f, i) => mase(actual(i), f, y.subarray(0, origins[i] as number), m)),
    smape: forecasts.map((f, i) => smape(actual(i), f)),
  };
}

/** Runs every forecaster at every origin. Models needing more history than the first origin offers are skipped. */
export async function backtest(y: Float64Array, m: number, forecasters: Forecaster[], opts: { horizon: number; origins: number[]; promo?: Uint8Array }): Promise<Backtest> {
  const { horizon, origins, promo } = opts;
  const runs: ModelBacktest[] = [];
  const skipped: Backtest['skipped'] = [];
  for (const model of forecasters) {
    const need = model.minHistory(m, horizon);
    if ((origins[0] ?? 0) < need) {
      skipped.push({ id: model.id, label: model.label, reason: `needs ${need} periods before the first backtest origin, has ${origins[0] ?? 0}` });
      continue;
    }
    try {
      const forecasts: Float64Array[] = [];
      const t0 = performance.now();
      for (const o of origins) {
        // Copies, not subarrays: a model cannot reach past the origin through the shared buffer.
        const fitted = await model.fit(y.slice(0, o), m, promo?.slice(0, o));
        forecasts.push(Float64Array.from(await fitted.forecast(horizon, promo?.slice(o, o + horizon))));
      }
      const ms = performance.now() - t0;
      const s = score(y, m, origins, forecasts);
      runs.push({ id: model.id, label: model.label, forecasts, ...s, meanMase: meanOf(s.mase), meanSmape: meanOf(s.smape), ms });
    } catch (e) {
      skipped.push({ id: model.id, label: model.label, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { horizon, m, origins, actuals: origins.map((o) => y.slice(o, o + horizon)), runs, skipped };
}
