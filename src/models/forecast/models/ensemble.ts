// The ensemble: the per-period median of the best models' forecasts. The median rather than the
// mean because one member going astray (a trend extrapolated too far) then moves it least.
// Members are chosen by backtest MASE, and the ensemble's own backtest must not use the errors it
// is scored on: at origin i it takes the best models over the earlier origins whose horizon had
// fully passed by origin i (all models before there are any), exactly what a user at that origin
// could have known. It reuses the members' backtest forecasts, so it costs no extra fits.
import { meanOf, score, type Backtest, type ModelBacktest } from '../backtest';

/** Members of the ensemble: the 2–3 best models (fewer when fewer exist). */
export const ENSEMBLE_SIZE = 3;
/** The id the ensemble reports under. */
export const ENSEMBLE_ID = 'ensemble';

/** Per-period median of several forecasts of equal length. */
export function medianOf(forecasts: readonly ArrayLike<number>[]): Float64Array {
  const h = forecasts[0]?.length ?? 0, out = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    const v = forecasts.map((f) => f[k] as number).sort((a, b) => a - b), mid = v.length >> 1;
    out[k] = v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  }
  return out;
}

/** The k runs with the lowest mean MASE over the given origin indexes (ties keep run order). */
export function bestRuns(runs: readonly ModelBacktest[], k: number, at: readonly number[]): ModelBacktest[] {
  const scored = runs.map((r) => ({ r, s: meanOf(at.map((i) => r.mase[i] as number)) })).filter((x) => Number.isFinite(x.s));
  return scored.sort((a, b) => a.s - b.s).slice(0, k).map((x) => x.r);
}

/**
 * The ensemble's backtest built from the member runs (see the file comment for the no-leak rule),
 * and the members to combine for the final forecast (the best over all origins). Null with fewer
 * than two runs.
 */
export function ensembleBacktest(bt: Backtest, y: Float64Array, k = ENSEMBLE_SIZE): { run: ModelBacktest; members: string[] } | null {
  const runs = bt.runs.filter((r) => r.id !== ENSEMBLE_ID);
  if (runs.length < 2) return null;
  const size = Math.min(k, runs.length);
  const forecasts = bt.origins.map((o, i) => {
    const known = bt.origins.map((_, j) => j).filter((j) => (bt.origins[j] as number) + bt.horizon <= o);
    const members = known.length ? bestRuns(runs, size, known) : runs;
    return medianOf(members.map((r) => r.forecasts[i] as Float64Array));
  });
  const s = score(y, bt.m, bt.origins, forecasts);
  const members = bestRuns(runs, size, bt.origins.map((_, i) => i)).map((r) => r.id);
  const ms = runs.filter((r) => members.includes(r.id)).reduce((a, r) => a + r.ms, 0);
  return {
    run: { id: ENSEMBLE_ID, label: `Ensemble (median of ${size})`, forecasts, ...s, meanMase: meanOf(s.mase), meanSmape: meanOf(s.smape), ms },
    members,
  };
}
