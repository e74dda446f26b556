// How much history a forecast needs, and the season length it uses. A model is only offered when it
// can be backtested honestly: its own minimum history before the first origin, then MIN_ORIGINS
// full horizons (the origins a quarter horizon apart).
import { MIN_ORIGINS, originStep } from './backtest';
import type { Forecaster } from './forecaster';
import { seasonalNaive } from './models/seasonal-naive';
import { seasonLength, unitName, type Freq, type Series } from './series';

/** The default horizon in days (28: four whole weeks, so every weekday appears equally). */
export const DEFAULT_HORIZON_DAYS = 28;

/** The default horizon in periods of the series' frequency. */
export const defaultHorizon = (freq: Freq): number => (freq === 'day' ? DEFAULT_HORIZON_DAYS : DEFAULT_HORIZON_DAYS / 7);

/** Periods of history a forecaster needs for a backtest with MIN_ORIGINS origins. */
export function historyNeeded(f: Pick<Forecaster, 'minHistory'>, m: number, horizon: number): number {
  return f.minHistory(m, horizon) + horizon + (MIN_ORIGINS - 1) * originStep(horizon);
}

/**
 * The season length to use: 7 for days; 52 for weeks when two years plus the backtest fit in the
 * history, else 1 (no seasonality), with a note saying why.
 */
export function seasonFor(series: Series, horizon: number): { m: number; note?: string } {
  const m = seasonLength(series.freq);
  if (series.freq === 'day') return { m };
  const need = historyNeeded({ minHistory: () => 2 * m }, m, horizon);
  if (series.values.length >= need) return { m };
  return { m: 1, note: `Yearly seasonality needs ${need} weeks of history (2 years plus the backtest); this series has ${series.values.length}, so it is forecast without seasonality.` };
}

/**
 * Null when the series is long enough for the forecaster (the seasonal naive baseline by default),
 * else a message saying how much history is needed and why.
 */
export function tooShort(series: Series, horizon: number, f: Pick<Forecaster, 'label' | 'minHistory' | 'needs'> = seasonalNaive): string | null {
  const { m } = seasonFor(series, horizon);
  const n = series.values.length, need = historyNeeded(f, m, horizon);
  if (n >= need) return null;
  const unit = (k: number) => `${k} ${unitName(series.freq, k)}`;
  const fit = f.minHistory(m, horizon), step = originStep(horizon);
  const why = f.needs ? `${f.needs(m, horizon)} (${unit(fit)})` : unit(fit);
  return `${f.label} needs at least ${unit(need)} of history: ${why} to fit, then ${MIN_ORIGINS} backtest windows of the ` +
    `${unit(horizon)} horizon, ${unit(step)} apart (${unit(horizon + (MIN_ORIGINS - 1) * step)}). This series has ${unit(n)}.`;
}
