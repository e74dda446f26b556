// The forecasting entry point: backtest every model on rolling origins, refit each on the whole
// history, add the ensemble of the best, put conformal bands around every forecast, and name the
// model with the best backtest MASE as the default.
import { adjusted } from './adjust';
import { MIN_ORIGINS, backtest, planOrigins, type ModelBacktest } from './backtest';
import type { Fitted, Forecaster } from './forecaster';
import { LEVELS, band, halfWidths, looCoverage } from './intervals';
import { ENSEMBLE_ID, ensembleBacktest, medianOf } from './models/ensemble';
import { holtWinters } from './models/holt-winters';
import { seasonalNaive } from './models/seasonal-naive';
import { theta } from './models/theta';
import { defaultHorizon, historyNeeded, seasonFor, tooShort } from './requirements';
import { mostlyNonNegative, periodDates, type Series } from './series';

/** The built-in statistical models; the seasonal naive comes first, as the baseline. */
export const FORECASTERS: readonly Forecaster[] = [seasonalNaive, holtWinters, theta];

/** Raised when a forecast cannot be made; the message is meant for the user. */
export class ForecastError extends Error {
  override name = 'ForecastError';
}

/** Options: horizon in periods, the models to run (ids; all by default), future promotion flags, and extra models (the LSTM). */
export interface ForecastOptions {
  horizon?: number;
  models?: string[];
  futurePromo?: Uint8Array;
  extra?: Forecaster[];
}

/** One model's forecast with its backtest scores and bands. */
export interface ModelForecast {
  id: string;
  label: string;
  detail?: string;
  /** Mean MASE and sMAPE (%) over the backtest origins. */
  mase: number;
  smape: number;
  /** Time of the final fit + forecast, and of the whole backtest, in ms (for the ensemble: its members' sums). */
  fitMs: number;
  backtestMs: number;
  /** Leave-one-origin-out coverage of this model's 80% and 95% bands on the backtest. */
  coverage80: number;
  coverage95: number;
  forecast: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

/** Everything the forecast screen shows. */
export interface ForecastReport {
  /** Id of the model with the best backtest MASE: the default. */
  chosen: string;
  horizon: number;
  seasonLength: number;
  models: ModelForecast[];
  skipped: { id: string; label: string; reason: string }[];
  /** Backtest origins (ISO date of each first forecast period), actuals and each model's forecasts, for the overlay. */
  backtest: { origins: string[]; actuals: number[][]; byModel: Record<string, number[][]> };
  /** Coverage of the chosen model's bands. */
  coverage80: number;
  coverage95: number;
  /** ISO dates of the forecast periods. */
  dates: string[];
  notes: string[];
}

/** Forecasts a series; throws ForecastError (with how much history is needed) when it is too short. */
export async function runForecast(series: Series, opts: ForecastOptions = {}): Promise<ForecastReport> {
  const y = series.values, n = y.length;
  const horizon = opts.horizon ?? defaultHorizon(series.freq);
  if (!Number.isInteger(horizon) || horizon < 1) throw new ForecastError(`The horizon must be a whole number of periods ≥ 1, got ${horizon}.`);
  const short = tooShort(series, horizon);
  if (short) throw new ForecastError(short);
  const { m, note } = seasonFor(series, horizon);
  const wanted = (id: string) => !opts.models || opts.models.includes(id) || id === seasonalNaive.id;
  const candidates = [...FORECASTERS, ...(opts.extra ?? [])].filter((f) => wanted(f.id));
  const fits = candidates.filter((f) => n >= historyNeeded(f, m, horizon));
  const skipped = candidates.filter((f) => !fits.includes(f)).map((f) => ({ id: f.id, label: f.label, reason: tooShort(series, horizon, f) ?? '' }));
  const minTrain = Math.max(...fits.map((f) => f.minHistory(m, horizon)));
  const origins = planOrigins(n, horizon, minTrain);
  if (origins.length < MIN_ORIGINS) throw new ForecastError(`Only ${origins.length} backtest origins fit in ${n} periods.`);
  const models = fits.map(adjusted);
  const bt = await backtest(y, m, models, { horizon, origins, promo: series.promo });
  skipped.push(...bt.skipped);
  const futurePromo = opts.futurePromo ? Uint8Array.from({ length: horizon }, (_, i) => opts.futurePromo?.[i] ?? 0) : undefined;
  const finals = new Map<string, { forecast: Float64Array; ms: number; detail?: string }>();
  for (const run of bt.runs) {
    const model = models.find((f) => f.id === run.id) as Forecaster;
    const t0 = performance.now();
    const fitted: Fitted = await model.fit(y, m, series.promo);
    const forecast = Float64Array.from(await fitted.forecast(horizon, futurePromo));
    finals.set(run.id, { forecast, ms: performance.now() - t0, ...(fitted.detail ? { detail: fitted.detail } : {}) });
  }
  const runs = [...bt.runs];
  const ens = wanted(ENSEMBLE_ID) ? ensembleBacktest(bt, y) : null;
  if (ens) {
    const members = ens.members.map((id) => finals.get(id) as { forecast: Float64Array; ms: number });
    finals.set(ENSEMBLE_ID, { forecast: medianOf(members.map((f) => f.forecast)), ms: members.reduce((a, f) => a + f.ms, 0), detail: `median of ${ens.members.join(', ')}` });
    runs.push(ens.run);
  }
  const floor = mostlyNonNegative(y) ? 0 : -Infinity;
  const out = runs.map((run) => describeModel(run, bt.actuals, finals.get(run.id) as { forecast: Float64Array; ms: number; detail?: string }, floor));
  const chosen = out.reduce((a, b) => (b.mase < a.mase ? b : a));
  return {
    chosen: chosen.id, horizon, seasonLength: m, models: out, skipped,
    backtest: {
      origins: origins.map((o) => periodDates(series.start, series.freq, 1, o)[0] as string),
      actuals: bt.actuals.map((a) => [...a]),
      byModel: Object.fromEntries(runs.map((r) => [r.id, r.forecasts.map((f) => [...f])])),
    },
    coverage80: chosen.coverage80, coverage95: chosen.coverage95,
    dates: periodDates(series.start, series.freq, horizon, n),
    notes: note ? [note] : [],
  };
}

/** A model's row: scores, the final forecast, and bands from its backtest errors. */
function describeModel(run: ModelBacktest, actuals: Float64Array[], final: { forecast: Float64Array; ms: number; detail?: string }, floor: number): ModelForecast {
  const errors = run.forecasts.map((f, i) => (actuals[i] as Float64Array).map((a, k) => a - (f[k] as number)));
  const [b80, b95] = LEVELS.map((level) => band(final.forecast, halfWidths(errors, level), floor)) as [ReturnType<typeof band>, ReturnType<typeof band>];
  return {
    id: run.id, label: run.label, ...(final.detail ? { detail: final.detail } : {}),
    mase: run.meanMase, smape: run.meanSmape, fitMs: final.ms, backtestMs: run.ms,
    coverage80: looCoverage(errors, LEVELS[0]), coverage95: looCoverage(errors, LEVELS[1]),
    forecast: [...final.forecast], lower80: b80.lower, upper80: b80.upper, lower95: b95.lower, upper95: b95.upper,
  };
}
