// Forecast queries in the compute worker: build the target series from the loaded events, run the
// models with their backtest, and compare with the forecast last saved for the same question.
import { periodSeries, type SeriesScope, type SeriesTarget } from '../analytics/series';
import { runForecast, type ForecastReport } from '../models/forecast/forecast';
import { lstmForecaster } from '../models/forecast/models/lstm';
import { periodDates, type Series } from '../models/forecast/series';
import type { ShopLensDb } from '../storage/db';
import { getResult, putResult } from '../storage/result-repo';
import type { LoadedDataset } from './dataset-loader';
import { ensureRuntime } from './runtime';

/** A forecast as the UI asks for it. */
export interface ForecastRequest {
  target: SeriesTarget;
  freq: 'day' | 'week';
  horizon: number;
  scope: SeriesScope | null;
  /** User-marked promotion days (ISO dates), past and future. */
  promoDays: string[];
}

/** What was saved of a forecast, to say what changed next time. */
export interface SavedForecast {
  chosen: string;
  chosenLabel: string;
  total: number;
  savedAt: number;
}

/** The forecast with its history, timing and the comparison with the last saved one. */
export interface ForecastAnswer {
  report: ForecastReport;
  history: { dates: string[]; values: number[] };
  previous: SavedForecast | null;
  ms: number;
}

/** Promotion flags for `count` periods from `start`: a week is a promotion week if any of its days is. */
function promoFlags(start: string, freq: 'day' | 'week', count: number, days: Set<string>): Uint8Array {
  const out = new Uint8Array(count);
  periodDates(start, freq, count).forEach((d, i) => {
    const span = freq === 'day' ? [d] : periodDates(d, 'day', 7);
    out[i] = span.some((x) => days.has(x)) ? 1 : 0;
  });
  return out;
}

/** Runs a forecast request; throws ForecastError with a user-facing message when history is short. */
export async function runForecastQuery(db: ShopLensDb, datasetId: string, d: LoadedDataset, req: ForecastRequest): Promise<ForecastAnswer> {
  const t0 = performance.now();
  const s = periodSeries(d.table, d.overview.byDay, d.overview.firstDay, req.target, req.freq, req.scope ?? undefined);
  const promoDays = new Set(req.promoDays);
  const series: Series = { start: s.start, freq: s.freq, values: s.values, promo: promoFlags(s.start, s.freq, s.values.length, promoDays) };
  const futureStart = periodDates(s.start, s.freq, 1, s.values.length)[0] ?? s.start;
  await ensureRuntime(); // the LSTM trains with TF.js: start the backend (once per worker) first
  const lstm = lstmForecaster({ start: s.start, freq: s.freq }, { horizon: req.horizon });
  const report = await runForecast(series, { horizon: req.horizon, futurePromo: promoFlags(futureStart, s.freq, req.horizon, promoDays), extra: [lstm] });
  const key = `forecast:${datasetId}:${JSON.stringify({ ...req, promoDays: [...req.promoDays].sort() })}`;
  const previous = (await getResult<SavedForecast>(db, key))?.value ?? null;
  const best = report.models.find((m) => m.id === report.chosen);
  await putResult(db, key, datasetId, { chosen: report.chosen, chosenLabel: best?.label ?? report.chosen, total: sum(best?.forecast ?? []), savedAt: Date.now() } satisfies SavedForecast);
  return { report, history: { dates: periodDates(s.start, s.freq, s.values.length), values: [...s.values] }, previous, ms: performance.now() - t0 };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
