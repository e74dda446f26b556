// The LSTM network of lstm.ts, written with TF.js ops rather than tf.layers. Weights live as plain
// Float32Arrays between calls, so no tensor outlives a train or predict call, and a fitted model
// can seed the next fit (warm start) without holding WASM/GPU memory.
//
// Encoder: one LSTM layer, U units, over the S window steps x_1 … x_S, h_0 = c_0 = 0:
//   [i_t, f_t, g_t, o_t] = W_x x_t + W_h h_{t−1} + b
//   c_t = σ(f_t) ⊙ c_{t−1} + σ(i_t) ⊙ tanh(g_t)
//   h_t = σ(o_t) ⊙ tanh(c_t)
// Op count, not FLOPs, bounds the speed at these sizes (each TF.js op costs 20–100 µs on WASM), so
// the window enters a few wide steps (two weeks per step for daily series; see lstm-features.ts).
// Direct multi-output head, one output per horizon step k, from h_S and the known features z_k of
// that period (calendar, promotion flag), weights shared across steps plus a per-step bias d_k:
//   a_k = elu(D_h h_S + D_f z_k + d_k)
//   r_k = w_oᵀ a_k + l_fᵀ z_k + b_o
//   ŷ_k = b_k (1 + r_k),   b_k = Σ_j α_j ℓag_{k,j}
// b_k is a linear highway as in LSTNet (Lai et al. 2018): a learned weighting of the window's values
// at the same season position as period k (the last 8 same weekdays), starting as their mean. The
// net learns the relative change r_k on top of it (l_fᵀ z_k: a promotion or weekday effect directly),
// so a weekday that is always 0 (a shop closed on Saturdays) stays exactly 0, the scale follows the
// data, and training starts from a sound baseline.
// Loss: masked mean absolute error (MASE, the score the backtest ranks by, is a scaled MAE).
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../lib/random';
import type { Batch } from './lstm-features';

/** Sizes: encoder steps S, highway lags L, horizon H, encoder step width F, decoder width G, LSTM units U and head width D. */
export interface NetShape {
  steps: number;
  lags: number;
  h: number;
  f: number;
  g: number;
  units: number;
  hidden: number;
}

const PARAMS = ['wx', 'wh', 'b', 'dh', 'df', 'ds', 'wo', 'lf', 'ar', 'bo'] as const;
type ParamName = (typeof PARAMS)[number];

/** The network's weights as plain arrays (row-major, shapes from `paramShape`). */
export type Weights = Record<ParamName, Float32Array>;

function paramShape(name: ParamName, s: NetShape): [number] | [number, number] {
  const u4 = 4 * s.units;
  const shapes: Record<ParamName, [number] | [number, number]> = {
    wx: [s.f, u4], wh: [s.units, u4], b: [u4],
    dh: [s.units, s.hidden], df: [s.g, s.hidden], ds: [s.h, s.hidden], wo: [s.hidden, 1], lf: [s.g, 1], ar: [s.lags, 1], bo: [1],
  };
  return shapes[name];
}

/**
 * Glorot-uniform kernels from a seeded stream, zero biases except the forget gate's (1, the usual
 * LSTM choice). The highway starts as the seasonal mean (α_j = 1/L) and w_o, l_f, b_o at 0, so the
 * first forecast is the seasonal mean and training learns corrections to it.
 */
export function initWeights(s: NetShape, seed: number): Weights {
  const rng = createRng(seed);
  const glorot = (rows: number, cols: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    return Float32Array.from({ length: rows * cols }, () => (2 * rng.next() - 1) * limit);
  };
  const b = new Float32Array(4 * s.units);
  b.fill(1, s.units, 2 * s.units);
  return {
    wx: glorot(s.f, 4 * s.units), wh: glorot(s.units, 4 * s.units), b,
    dh: glorot(s.units, s.hidden), df: glorot(s.g, s.hidden), ds: new Float32Array(s.h * s.hidden),
    wo: new Float32Array(s.hidden), lf: new Float32Array(s.g), ar: new Float32Array(s.lags).fill(1 / s.lags), bo: new Float32Array(1),
  };
}

type Params = Record<ParamName, tf.Tensor>;

/** Outputs [count, H] for the encoder steps xs[j] [count, F] and decoder features xf [count, H, G] (call inside tf.tidy or a gradient tape). */
function forward(p: Params, xs: tf.Tensor[], xf: tf.Tensor, lags: tf.Tensor, s: NetShape): tf.Tensor {
  const count = xf.shape[0] as number;
  // Per-gate kernels, sliced once per pass from the small weight matrices: slicing the [count, 4U]
  // activations at every step instead costs ~10× more on WASM, whose Slice kernel is slow.
  const [kxi, kxf, kxg, kxo] = tf.split(p.wx, 4, 1) as Quad;
  const [khi, khf, khg, kho] = tf.split(p.wh, 4, 1) as Quad;
  const [bi, bf, bg, bo] = tf.split(p.b, 4, 0) as Quad;
  const gate = (x: tf.Tensor, h: tf.Tensor, kx: tf.Tensor, kh: tf.Tensor, b: tf.Tensor) => tf.add(tf.add(tf.matMul(x, kx), tf.matMul(h, kh)), b);
  let h: tf.Tensor = tf.zeros([count, s.units]), c: tf.Tensor = tf.zeros([count, s.units]);
  for (const x of xs) {
    const i = tf.sigmoid(gate(x, h, kxi, khi, bi)), f = tf.sigmoid(gate(x, h, kxf, khf, bf));
    const g = tf.tanh(gate(x, h, kxg, khg, bg)), o = tf.sigmoid(gate(x, h, kxo, kho, bo));
    c = tf.add(tf.mul(f, c), tf.mul(i, g));
    h = tf.mul(o, tf.tanh(c));
  }
  const z = tf.reshape(xf, [count * s.h, s.g]);
  const pre = tf.add(tf.add(tf.reshape(tf.matMul(h, p.dh), [count, 1, s.hidden]), tf.reshape(tf.matMul(z, p.df), [count, s.h, s.hidden])), p.ds);
  const base = tf.reshape(tf.matMul(tf.reshape(lags, [count * s.h, s.lags]), p.ar), [count, s.h]);
  const rel = tf.add(tf.add(tf.matMul(tf.reshape(tf.elu(pre), [count * s.h, s.hidden]), p.wo), tf.matMul(z, p.lf)), p.bo);
  return tf.mul(base, tf.add(tf.reshape(rel, [count, s.h]), 1));
}

type Quad = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];

/** Σ mask·|ŷ − y| / Σ mask. */
function maskedMae(out: tf.Tensor, y: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  return tf.div(tf.sum(tf.mul(tf.abs(tf.sub(out, y)), mask)), tf.maximum(tf.sum(mask), 1));
}

/** The batch as tensors; the encoder as one tensor per step, cut from the step-major array in JS (no Slice kernel). */
function batchTensors(b: Batch, s: NetShape) {
  const block = b.count * s.f;
  return {
    xs: Array.from({ length: s.steps }, (_, j) => tf.tensor2d(b.x.subarray(j * block, (j + 1) * block), [b.count, s.f])),
    xf: tf.tensor3d(b.xf, [b.count, s.h, s.g]), lags: tf.tensor3d(b.lags, [b.count, s.h, s.lags]), y: tf.tensor2d(b.y, [b.count, s.h]), mask: tf.tensor2d(b.mask, [b.count, s.h]),
  };
}

/** How long to train: at most `epochs` full-batch Adam steps, stopping after `patience` without a better validation loss. */
export interface TrainOptions {
  epochs: number;
  patience: number;
  learningRate: number;
}

/** What training did: the weights of the best validation epoch (0: the initial weights) and its loss, in units of s. */
export interface TrainResult {
  weights: Weights;
  epochs: number;
  bestEpoch: number;
  valLoss: number;
}

/** Trains from `init` on the training batch, keeping the weights with the lowest validation loss (the initial ones included). */
export async function train(init: Weights, s: NetShape, trainBatch: Batch, valBatch: Batch, opts: TrainOptions): Promise<TrainResult> {
  // tidy disposes the initial tensors; variables are kept and hold their own reference.
  const vars = tf.tidy(() => Object.fromEntries(PARAMS.map((k) => [k, tf.variable(tf.tensor(init[k], paramShape(k, s)))]))) as Record<ParamName, tf.Variable>;
  const varList = PARAMS.map((k) => vars[k]);
  const tr = batchTensors(trainBatch, s), va = batchTensors(valBatch, s);
  const optimizer = tf.train.adam(opts.learningRate);
  const validate = async () => {
    const loss = tf.tidy(() => maskedMae(forward(vars, va.xs, va.xf, va.lags, s), va.y, va.mask));
    try {
      return (await loss.data())[0] ?? NaN;
    } finally {
      loss.dispose();
    }
  };
  let epoch = 0;
  try {
    let best = { weights: init, epoch: 0, val: await validate() };
    while (epoch < opts.epochs && epoch - best.epoch < opts.patience) {
      epoch++;
      optimizer.minimize(() => maskedMae(forward(vars, tr.xs, tr.xf, tr.lags, s), tr.y, tr.mask), false, varList);
      const val = await validate();
      if (val < best.val) best = { weights: await readWeights(vars), epoch, val };
    }
    return { weights: best.weights, epochs: epoch, bestEpoch: best.epoch, valLoss: best.val };
  } finally {
    tf.dispose([...varList, ...tr.xs, tr.xf, tr.lags, tr.y, tr.mask, ...va.xs, va.xf, va.lags, va.y, va.mask]);
    optimizer.dispose();
  }
}

async function readWeights(vars: Record<ParamName, tf.Variable>): Promise<Weights> {
  const values = await Promise.all(PARAMS.map((k) => vars[k].data()));
  return Object.fromEntries(PARAMS.map((k, i) => [k, Float32Array.from(values[i] as Float32Array)])) as Weights;
}

/** Scaled outputs [count × H] of the batch's samples. */
export async function predict(weights: Weights, s: NetShape, batch: Batch): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const p = Object.fromEntries(PARAMS.map((k) => [k, tf.tensor(weights[k], paramShape(k, s))])) as Params;
    const t = batchTensors(batch, s);
    return forward(p, t.xs, t.xf, t.lags, s);
  });
  try {
    return Float32Array.from(await out.data());
  } finally {
    out.dispose();
  }
}
