// Inputs of the LSTM forecaster (lstm.ts), in plain TypeScript so they are tested without TF.js.
// A sample at origin i (the first forecast period) has
//   encoder, W/p steps of p periods each (segments as in SegRNN, Lin et al. 2023: p = 14 for days,
//   a multiple of the week, so every step starts on the same weekday as the horizon and the weekly
//   pattern lines up across steps):
//     step j = [ (y_t − ℓ_i) / s for its p periods t,  promo_t for the same periods ]
//   decoder, for k = 0 … H − 1:  [ day-of-week one-hot (daily only), sin, cos of the month, promo_{i+k} ]
//   lags, for k = 0 … H − 1:     y_t / s for the W/q periods t of the window at the same season
//                                position as i + k (q = 7 for days: the last 8 same weekdays)
//   targets, for k = 0 … H − 1:  y_{i+k} / s
// with ℓ_i the mean of the window (the local level, so a trend or a level shift does not push the
// LSTM's inputs outside what it was trained on) and s the mean |y| of the history the model was
// fitted on (never of anything after it). Calendar features come from the series' start date: the
// backtest always fits y[0, origin), so period t of every fit is the same date.
import { DAY_MS, type Freq } from '../series';

/** The series' calendar: period t starts at `start` + t days or weeks. */
export interface Calendar {
  start: string;
  freq: Freq;
}

/** Window length W: eight weeks of days (four gave a far noisier weekday profile), or eight weeks. */
export const windowLength = (freq: Freq): number => (freq === 'day' ? 56 : 8);
/**
 * Segment length p, the periods per LSTM step: two weeks for daily series (4 steps; a multiple of 7
 * keeps the weekdays aligned, and half the steps halves the training time with the same accuracy),
 * one period otherwise.
 */
export const segmentLength = (freq: Freq): number => (freq === 'day' ? 14 : 2);
/** Season period q of the highway lags: the week for daily series; weekly series have no usable one in a short window. */
export const lagPeriod = (freq: Freq): number => (freq === 'day' ? 7 : 1);

/** Calendar columns: 7 day-of-week columns for daily series, then sin and cos of the month. */
const calendarWidth = (freq: Freq): number => (freq === 'day' ? 7 : 0) + 2;
/** Encoder width of one step of p periods: p scaled values, then their p promotion flags. */
export const encoderWidth = (p: number): number => 2 * p;
/** Decoder width: the calendar columns and the promotion flag. */
export const decoderWidth = (freq: Freq): number => calendarWidth(freq) + 1;

const startDay = (cal: Calendar): number => Math.floor(Date.parse(`${cal.start.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/**
 * Calendar rows of periods from … from + count − 1: day-of-week one-hot (Monday first; daily only),
 * then sin and cos of 2π·(month + fraction of the month elapsed)/12.
 */
export function calendarRows(cal: Calendar, from: number, count: number): Float32Array {
  const width = calendarWidth(cal.freq), first = startDay(cal), step = cal.freq === 'day' ? 1 : 7;
  const out = new Float32Array(count * width);
  for (let r = 0; r < count; r++) {
    const day = first + (from + r) * step;
    const date = new Date(day * DAY_MS);
    let c = r * width;
    if (cal.freq === 'day') {
      // Day 0 of the epoch (1970-01-01) was a Thursday, so Monday is 0 in (day + 3) mod 7.
      out[c + ((((day + 3) % 7) + 7) % 7)] = 1;
      c += 7;
    }
    const month = date.getUTCMonth(), days = new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate();
    const angle = (2 * Math.PI * (month + (date.getUTCDate() - 1) / days)) / 12;
    out[c] = Math.sin(angle);
    out[c + 1] = Math.cos(angle);
  }
  return out;
}

/** The scale s: mean |y| of the fitted history (1 for an all-zero one). */
export function fitScale(y: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 0; t < y.length; t++) sum += Math.abs(y[t] as number);
  return sum > 0 ? sum / y.length : 1;
}

/** ℓ_i: the mean of y[i − W, i). */
export function windowLevel(y: ArrayLike<number>, i: number, w: number): number {
  let sum = 0;
  for (let t = i - w; t < i; t++) sum += y[t] as number;
  return sum / w;
}

/** What every sample of one fit shares: the calendar, window W, horizon H, segment p, lag period q and scale s. */
export interface SampleSpec {
  cal: Calendar;
  w: number;
  h: number;
  p: number;
  q: number;
  scale: number;
}

/**
 * A batch as flat arrays: x [W/p, count, 2p] (step-major, so each step is one contiguous block),
 * xf [count, H, G], lags [count, H, W/q], and targets with their mask [count, H].
 */
export interface Batch {
  count: number;
  x: Float32Array;
  xf: Float32Array;
  lags: Float32Array;
  y: Float32Array;
  mask: Float32Array;
}

/**
 * Samples at `origins` from a history y (promo flags must cover y and, for forecasts, the horizon).
 * A target counts (mask 1) when its period lies in [targetFrom, targetTo) and inside y.
 */
export function buildBatch(y: ArrayLike<number>, promo: ArrayLike<number> | undefined, origins: readonly number[], spec: SampleSpec, targetFrom = 0, targetTo = y.length): Batch {
  const { cal, w, h, p, q, scale } = spec;
  const steps = w / p, nLags = w / q, fw = encoderWidth(p), gw = decoderWidth(cal.freq), cw = calendarWidth(cal.freq);
  const count = origins.length;
  const b: Batch = {
    count, x: new Float32Array(steps * count * fw), xf: new Float32Array(count * h * gw), lags: new Float32Array(count * h * nLags),
    y: new Float32Array(count * h), mask: new Float32Array(count * h),
  };
  origins.forEach((i, s) => {
    const level = windowLevel(y, i, w);
    for (let j = 0; j < steps; j++) {
      const c = (j * count + s) * fw;
      for (let r = 0; r < p; r++) {
        const t = i - w + j * p + r;
        b.x[c + r] = ((y[t] as number) - level) / scale;
        b.x[c + p + r] = promo?.[t] ?? 0;
      }
    }
    const future = calendarRows(cal, i, h);
    for (let k = 0; k < h; k++) {
      const t = i + k, row = s * h + k, c = row * gw;
      b.xf.set(future.subarray(k * cw, (k + 1) * cw), c);
      b.xf[c + cw] = promo?.[t] ?? 0;
      // W is a multiple of q, so i − W + j·q + (k mod q) has the season position of i + k.
      for (let j = 0; j < nLags; j++) b.lags[row * nLags + j] = (y[i - w + j * q + (k % q)] as number) / scale;
      if (t >= targetFrom && t < targetTo && t < y.length) {
        b.y[row] = (y[t] as number) / scale;
        b.mask[row] = 1;
      }
    }
  });
  return b;
}

/** Origins lo … hi (inclusive), empty when hi < lo. */
export const range = (lo: number, hi: number): number[] => Array.from({ length: Math.max(0, hi - lo + 1) }, (_, k) => lo + k);
