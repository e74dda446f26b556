// The hand-written GRU and LSTM against plain-JS references of their formulas (rnn-encoders.ts).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParamStore } from './params';
import { gruCell, gruEncoder, lstmCell, lstmEncoder } from './rnn-encoders';
import { recurrentLayer, type Cell } from './recurrent-op';
import { TEST_BACKENDS, useBackend } from './synthetic.test-util';

type Matrix = number[][];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** x·W + b for one row x. */
const affine = (x: number[], w: Matrix, b: number[]) => b.map((bj, j) => x.reduce((s, xi, i) => s + xi * (w[i]?.[j] ?? NaN), bj));

function params(store: ParamStore, prefix: string) {
  const named = new Map(store.specs().map((s, i) => [s.name, store.variables[i]]));
  const get = (n: string) => named.get(`${prefix}/${n}`)?.arraySync();
  return { wx: get('Wx') as Matrix, wh: get('Wh') as Matrix, bx: get('bx') as number[], bh: get('bh') as number[] };
}

/** Biases start at 0 (or 1): give them random values so the references check them too. */
function randomBiases(store: ParamStore): void {
  store.specs().forEach((s, i) => {
    if (/\/b[xh]$/.test(s.name)) store.variables[i]?.assign(tf.randomNormal(s.shape, 0, 0.5, 'float32', i));
  });
}

/** One batch row through the GRU: z = σ(a_z + g_z), r = σ(a_r + g_r), n = tanh(a_n + r·g_n), h = (1 − z)·n + z·h. */
function gruReference(xs: number[][], p: ReturnType<typeof params>, hidden: number): number[][] {
  let h = new Array<number>(hidden).fill(0);
  return xs.map((x) => {
    const a = affine(x, p.wx, p.bx);
    const g = affine(h, p.wh, p.bh);
    h = h.map((hj, j) => {
      const z = sigmoid((a[j] ?? 0) + (g[j] ?? 0));
      const r = sigmoid((a[hidden + j] ?? 0) + (g[hidden + j] ?? 0));
      const n = Math.tanh((a[2 * hidden + j] ?? 0) + r * (g[2 * hidden + j] ?? 0));
      return (1 - z) * n + z * hj;
    });
    return h;
  });
}

/** One batch row through an LSTM layer with gates [i, f, o, g]. */
function lstmReference(xs: number[][], p: ReturnType<typeof params>, hidden: number): number[][] {
  let [h, c] = [new Array<number>(hidden).fill(0), new Array<number>(hidden).fill(0)];
  return xs.map((x) => {
    const a = affine(x, p.wx, p.bx).map((v, j) => v + (affine(h, p.wh, p.bh)[j] ?? 0));
    const gate = (k: number, j: number) => a[k * hidden + j] ?? 0;
    c = c.map((cj, j) => sigmoid(gate(1, j)) * cj + sigmoid(gate(0, j)) * Math.tanh(gate(3, j)));
    h = h.map((_, j) => sigmoid(gate(2, j)) * Math.tanh(c[j] ?? 0));
    return h;
  });
}

describe.each(TEST_BACKENDS)('RNN encoders on %s', (backend) => {
  beforeAll(() => useBackend(backend));
  const [B, T, E] = [2, 4, 3];
  const steps = () => Array.from({ length: T }, (_, t) => tf.randomNormal([B, E], 0, 1, 'float32', 10 + t) as tf.Tensor2D);
  /** Runs an encoder on per-step inputs (joined time-major) and returns each step's [B, H] rows. */
  const runSteps = (run: (x: tf.Tensor2D, len: number) => tf.Tensor2D, xs: tf.Tensor2D[]) =>
    tf.tidy(() => tf.split(run(tf.concat(xs, 0), T), T, 0).map((h) => h.arraySync() as Matrix));

  it('GRU follows h_t = (1 − z) ⊙ n + z ⊙ h_{t−1} with reset-after gates', () => {
    const store = new ParamStore(1);
    const encoder = gruEncoder(store, E, 5);
    randomBiases(store);
    const xs = steps();
    const out = runSteps(encoder.run, xs);
    const p = params(store, 'gru0');
    for (let b = 0; b < B; b++) {
      gruReference(xs.map((x) => (x.arraySync() as Matrix)[b] ?? []), p, 5).forEach((h, t) => h.forEach((v, j) => expect(out[t]?.[b]?.[j]).toBeCloseTo(v, 5)));
    }
    expect(encoder.flops(B, T)).toBe(B * T * 6 * 5 * (E + 5));
    tf.dispose(xs);
    store.dispose();
  });

  /** The same layer through TF.js autodiff: the cell's forward steps, taped, with no custom gradient. */
  const taped = (cell: Cell, x: tf.Tensor2D, wx: tf.Tensor2D, bx: tf.Tensor1D, wh: tf.Tensor2D, bh: tf.Tensor1D) => {
    let state = Array.from({ length: cell.stateSize }, () => tf.zeros([B, wh.shape[0]]) as tf.Tensor2D);
    const hs = tf.split(x, T, 0).map((xt) => {
      const step = cell.step(tf.add(tf.matMul(xt as tf.Tensor2D, wx), bx), tf.add(tf.matMul(state[0] as tf.Tensor2D, wh), bh), state);
      state = step.state;
      return step.h;
    });
    return tf.concat(hs, 0);
  };

  it.each([['GRU', gruCell(5), 3], ['LSTM', lstmCell(5), 4]] as const)('%s backward pass (hand-written BPTT) equals autodiff', (_, cell, gates) => {
    tf.tidy(() => {
      const seeded = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 0.5, 'float32', seed);
      const args = [seeded([T * B, E], 1), seeded([E, gates * 5], 2), seeded([gates * 5], 3), seeded([5, gates * 5], 4), seeded([gates * 5], 5)];
      const r = seeded([T * B, 5], 6);
      const loss = (run: (...t: tf.Tensor[]) => tf.Tensor) => (...t: tf.Tensor[]) => tf.sum(tf.mul(run(...t), r));
      const ours = loss((x, wx, bx, wh, bh) => recurrentLayer(cell, x as tf.Tensor2D, T, { wx: wx as tf.Tensor2D, bx: bx as tf.Tensor1D, wh: wh as tf.Tensor2D, bh: bh as tf.Tensor1D }));
      const reference = loss((x, wx, bx, wh, bh) => taped(cell, x as tf.Tensor2D, wx as tf.Tensor2D, bx as tf.Tensor1D, wh as tf.Tensor2D, bh as tf.Tensor1D));
      expect(ours(...args).dataSync()[0]).toBeCloseTo(reference(...args).dataSync()[0] ?? NaN, 4);
      const [got, want] = [tf.grads(ours)(args), tf.grads(reference)(args)];
      got.forEach((g, i) => {
        const w = want[i]?.dataSync() ?? [];
        g.dataSync().forEach((v, j) => expect(v).toBeCloseTo(w[j] ?? NaN, 4));
      });
    });
  });

  it('stacked LSTM follows c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t), layer by layer, with forget bias 1', () => {
    const store = new ParamStore(2);
    const encoder = lstmEncoder(store, E, [4, 3]);
    expect(params(store, 'lstm0').bx.slice(0, 9)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0]);
    randomBiases(store);
    const xs = steps();
    const out = runSteps(encoder.run, xs);
    const [p0, p1] = [params(store, 'lstm0'), params(store, 'lstm1')];
    for (let b = 0; b < B; b++) {
      const h1 = lstmReference(xs.map((x) => (x.arraySync() as Matrix)[b] ?? []), p0, 4);
      lstmReference(h1, p1, 3).forEach((h, t) => h.forEach((v, j) => expect(out[t]?.[b]?.[j]).toBeCloseTo(v, 5)));
    }
    expect(encoder.outDim).toBe(3);
    tf.dispose(xs);
    store.dispose();
  });
});
