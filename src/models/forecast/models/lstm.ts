// The LSTM forecaster of the method study: a window of the last W periods plus calendar features
// (day of week, month, user-marked promotion days), trained with TF.js. Inputs are in
// lstm-features.ts, the network and its training loop in lstm-net.ts.
//
// Direct, not recursive: one pass answers all H horizon steps from the window and the known
// features of each future period (calendar, promotion flag). It is H times cheaper to predict than
// feeding predictions back, and errors do not compound along the horizon. Horizons longer than H
// are answered H steps at a time, each chunk's predictions becoming the next chunk's window.
//
// Training: full-batch Adam on masked MAE over every origin of the history; targets inside the
// held-out tail (the last V periods) are masked out of it. The validation loss is the forecast of the
// tail from the origins before it, and the weights of its best epoch are kept, the starting ones
// included (early stopping). Weights start from a seeded Glorot draw (the highway as the seasonal
// mean), so the same data and seed give the same forecast on a given backend.
//
// Warm start: the backtest fits growing prefixes y[0, o₁) ⊂ y[0, o₂) ⊂ … ⊂ y. When a fit's history
// extends the previous fit's history (same values and flags on the shared span), it starts from
// the previous fit's weights and trains for fewer epochs. Those weights saw only data before the
// previous origin, which the current fit may see anyway, so nothing from after the current origin
// leaks in. Any other history (shorter, different) starts cold from the seed.
import type { Fitted, Forecaster } from '../forecaster';
import { defaultHorizon } from '../requirements';
import { buildBatch, decoderWidth, encoderWidth, fitScale, lagPeriod, range, segmentLength, windowLength, type Calendar, type SampleSpec } from './lstm-features';
import { initWeights, predict, train, type NetShape, type TrainOptions, type Weights } from './lstm-net';

/** Tuning of the LSTM forecaster; the defaults keep a 374-day backtest plus final fit at a few seconds on 2-core WASM. */
export interface LstmOptions {
  /** Horizon H of the direct head (default: the app's default horizon for the frequency). */
  horizon?: number;
  /** Seed of the initial weights. */
  seed?: number;
  /** Window length W, a multiple of the segment length (default: windowLength of the frequency). */
  window?: number;
  /** Segment length p, periods per LSTM step; must divide W (default: segmentLength of the frequency). */
  segment?: number;
  /** LSTM units U. */
  units?: number;
  /** Width D of the head's hidden layer. */
  hidden?: number;
  /** Training from the seed (cold) and from the previous fit's weights (warm). */
  cold?: TrainOptions;
  warm?: TrainOptions;
  /** Length V of the held-out tail used for early stopping (default: H / 2, at least 2). */
  validation?: number;
}

/** LSTM units: 32 were no better on online-retail (MASE 0.99–1.02 over 3 seeds vs 0.97–0.98) and 1.7× slower on WASM. */
export const LSTM_UNITS = 16;
/** Width of the head's hidden layer. */
export const HEAD_UNITS = 16;
/** Cold-start training: epochs are full-batch steps. */
export const COLD_TRAINING: TrainOptions = { epochs: 100, patience: 20, learningRate: 0.01 };
/** Warm-start training, from the previous (shorter) history's weights. */
export const WARM_TRAINING: TrainOptions = { epochs: 24, patience: 8, learningRate: 0.005 };
/** Training origins needed, in windows: too few and the net memorises them. */
export const MIN_SAMPLE_WINDOWS = 2;

interface Snapshot {
  y: Float64Array;
  promo: Uint8Array | undefined;
  weights: Weights;
}

/** True when y (with its flags) continues the snapshot's history: same values and flags on the shared span, and longer. */
const continues = (prev: Snapshot, y: Float64Array, promo: Uint8Array | undefined): boolean => {
  if (prev.y.length >= y.length) return false;
  for (let t = 0; t < prev.y.length; t++) if (prev.y[t] !== y[t] || (prev.promo?.[t] ?? 0) !== (promo?.[t] ?? 0)) return false;
  return true;
};

/** An LSTM forecaster for series on the given calendar (the backtest fits prefixes of one series, so dates line up). */
export function lstmForecaster(cal: Calendar, opts: LstmOptions = {}): Forecaster {
  const w = opts.window ?? windowLength(cal.freq);
  const h = opts.horizon ?? defaultHorizon(cal.freq);
  const p = opts.segment ?? segmentLength(cal.freq), q = lagPeriod(cal.freq);
  if (w % p !== 0 || w % q !== 0) throw new RangeError(`the LSTM window (${w}) must be a multiple of its segment (${p}) and season (${q})`);
  const shape: NetShape = { steps: w / p, lags: w / q, h, f: encoderWidth(p), g: decoderWidth(cal.freq), units: opts.units ?? LSTM_UNITS, hidden: opts.hidden ?? HEAD_UNITS };
  const tail = opts.validation ?? Math.max(2, Math.ceil(h / 2));
  const minHistory = () => (MIN_SAMPLE_WINDOWS + 1) * w + tail;
  let last: Snapshot | null = null;

  return {
    id: 'lstm',
    label: 'LSTM',
    usesPromo: true,
    minHistory,
    needs: () => `a ${w}-${cal.freq} window, ${MIN_SAMPLE_WINDOWS * w} training origins and a ${tail}-${cal.freq} validation tail`,
    async fit(y: Float64Array, _m: number, promo?: Uint8Array): Promise<Fitted> {
      const n = y.length;
      if (n < minHistory()) throw new RangeError(`the LSTM needs ${minHistory()} periods, got ${n}`);
      const spec: SampleSpec = { cal, w, h, p, q, scale: fitScale(y) };
      const cut = n - tail;
      const trainBatch = buildBatch(y, promo, range(w, cut - 1), spec, 0, cut);
      const valBatch = buildBatch(y, promo, range(Math.max(w, cut - h + 1), cut), spec, cut, n);
      const warm = last !== null && continues(last, y, promo);
      const init = warm && last ? last.weights : initWeights(shape, opts.seed ?? 1);
      const run = await train(init, shape, trainBatch, valBatch, warm ? (opts.warm ?? WARM_TRAINING) : (opts.cold ?? COLD_TRAINING));
      last = { y: y.slice(), promo: promo?.slice(), weights: run.weights };
      const weights = run.weights;
      return {
        detail: `${shape.units} units, ${w}-${cal.freq} window in ${shape.steps} steps, ${warm ? 'warm' : 'cold'} start, ${run.epochs} epochs, kept ${run.bestEpoch} (validation MAE ${run.valLoss.toFixed(3)}·s)`,
        async forecast(steps: number, futurePromo?: Uint8Array): Promise<Float64Array> {
          // History and flags grow by each chunk's forecasts; flags beyond futurePromo are 0.
          const hist = Float64Array.from({ length: n + steps }, (_, t) => (t < n ? (y[t] as number) : 0));
          const flags = Uint8Array.from({ length: n + steps + h }, (_, t) => (t < n ? (promo?.[t] ?? 0) : (futurePromo?.[t - n] ?? 0)));
          for (let o = n; o < n + steps; o += h) {
            const batch = buildBatch(hist.subarray(0, o), flags, [o], spec);
            const out = await predict(weights, shape, batch);
            for (let k = 0; k < h && o + k < n + steps; k++) hist[o + k] = spec.scale * (out[k] as number);
          }
          return hist.slice(n);
        },
      };
    },
  };
}
