// The one contract every forecasting model implements, statistical or neural. Everything may be
// async, so a TF.js model (training and predicting off the main thread) plugs in as one more entry.

/** A value or a promise of it: statistical models answer at once, TF.js ones later. */
export type Awaitable<T> = T | Promise<T>;

/** A model fitted to one history. */
export interface Fitted {
  /** Point forecasts of the next h periods; `futurePromo[i]` marks period i of the horizon. */
  forecast(h: number, futurePromo?: Uint8Array): Awaitable<Float64Array>;
  /** One-step-ahead in-sample predictions (NaN where undefined), for residual-based add-ons. */
  insample?: Float64Array;
  /** A short description of what was fitted, e.g. "additive season, damped trend, α=0.21". */
  detail?: string;
}

/** A forecasting method: fits a history of values and answers point forecasts. */
export interface Forecaster {
  /** Stable id used in options and reports, e.g. "holt-winters". */
  id: string;
  /** Name shown to users. */
  label: string;
  /** Periods of history the model needs before it can fit, for season length m and horizon h. */
  minHistory(m: number, h: number): number;
  /** Why this many periods, in words ("2 full seasons"), for too-short messages. */
  needs?(m: number, h: number): string;
  /** True when the model uses the promotion flags itself; otherwise an additive effect is added for it (adjust.ts). */
  usesPromo?: boolean;
  /** Fits y (oldest first) with season length m (1 = no seasonality) and past promotion flags. */
  fit(y: Float64Array, m: number, promo?: Uint8Array): Awaitable<Fitted>;
}

/** The season position of period t, in [0, m). */
export const seasonIndex = (t: number, m: number): number => ((t % m) + m) % m;
