// Recurrent encoders written from basic ops (tf.layers' cells fall on WASM's slow transposed-matmul
// gradient path; see ops.ts). Seed formula: h_t = f(W_h h_{t−1} + W_x x_t + b_h). Each step does
// one x_t·W_x and one h_{t−1}·W_h for all gates together (the fused matmuls); recurrent-op.ts runs
// the loop and its hand-written backward pass, and the cells below give each step's maths both ways.
import { add, concat, mul, sigmoid, split, sub, tanh, tensor1d, zerosLike, type Tensor1D, type Tensor2D } from '@tensorflow/tfjs';
import type { RecurrentEncoder } from './encoder';
import { glorot, zerosInit, type Init, type ParamStore } from './params';
import { recurrentLayer, type Cell, type RecurrentWeights } from './recurrent-op';

/** 1 − x. */
const oneMinus = (x: Tensor2D): Tensor2D => sub(1, x);

function weights(store: ParamStore, prefix: string, input: number, hidden: number, gates: number, bias: Init = zerosInit): RecurrentWeights {
  return {
    wx: store.add(`${prefix}/Wx`, [input, gates * hidden], glorot) as Tensor2D,
    bx: store.add(`${prefix}/bx`, [gates * hidden], bias) as Tensor1D,
    wh: store.add(`${prefix}/Wh`, [hidden, gates * hidden], glorot) as Tensor2D,
    bh: store.add(`${prefix}/bh`, [gates * hidden], zerosInit) as Tensor1D,
  };
}

/**
 * GRU, in the "reset after" form of cuDNN and Keras 2 (it lets W_h cover all three gates):
 *   [a_z, a_r, a_n] = W_x x_t + b_x        [g_z, g_r, g_n] = W_h h_{t−1} + b_h
 *   z = σ(a_z + g_z)   r = σ(a_r + g_r)   n = tanh(a_n + r ⊙ g_n)
 *   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}   (computed as n + z ⊙ (h_{t−1} − n))
 * Backward: ∂n = ∂h (1 − z), ∂z = ∂h (h_{t−1} − n), ∂h_{t−1} ⊇ ∂h z, ∂ã_n = ∂n (1 − n²),
 *   ∂r = ∂ã_n g_n, ∂g_n = ∂ã_n r, ∂[ã_z, ã_r] = [∂z, ∂r] σ′ with σ′ = σ(1 − σ); ã = a + g.
 */
export const gruCell = (hidden: number): Cell => ({
  gates: 3, stateSize: 1, cacheSize: 4,
  step(a, g, [h]) {
    const [aZr, aN] = split(a, [2 * hidden, hidden], 1) as [Tensor2D, Tensor2D];
    const [gZr, gN] = split(g, [2 * hidden, hidden], 1) as [Tensor2D, Tensor2D];
    const zr: Tensor2D = sigmoid(add(aZr, gZr) as Tensor2D);
    const [z, r] = split(zr, 2, 1) as [Tensor2D, Tensor2D];
    const n: Tensor2D = tanh(add(aN, mul(r, gN)) as Tensor2D);
    const next: Tensor2D = add(n, mul(z, sub(h as Tensor2D, n)));
    return { h: next, state: [next], cache: [zr, r, n, gN] };
  },
  back(dh, _dState, [zr, r, n, gN], hPrev) {
    const [sZr, sR, sN, sGn] = [zr, r, n, gN] as [Tensor2D, Tensor2D, Tensor2D, Tensor2D];
    const [z] = split(sZr, 2, 1) as [Tensor2D, Tensor2D];
    const dpn: Tensor2D = mul(mul(dh, oneMinus(z)), oneMinus(mul(sN, sN)));
    const dz: Tensor2D = mul(dh, sub(hPrev, sN));
    const dzr: Tensor2D = mul(concat([dz, mul(dpn, sGn) as Tensor2D], 1), mul(sZr, oneMinus(sZr)));
    return { da: concat([dzr, dpn], 1), dg: concat([dzr, mul(dpn, sR) as Tensor2D], 1), dState: [mul(dh, z)] };
  },
});

/**
 * LSTM:
 *   [a_i, a_f, a_o, a_g] = W_x x_t + b_x + W_h h_{t−1} + b_h
 *   i, f, o = σ(a_i), σ(a_f), σ(a_o)    g = tanh(a_g)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g            h_t = o ⊙ tanh(c_t)
 * Backward: ∂o = ∂h tanh(c_t), ∂c_t += ∂h o (1 − tanh² c_t), ∂i = ∂c_t g, ∂f = ∂c_t c_{t−1},
 *   ∂g = ∂c_t i, ∂c_{t−1} = ∂c_t f, then through σ′ and tanh′ to ∂a (= ∂g_t: a and g enter as a sum).
 */
export const lstmCell = (hidden: number): Cell => ({
  gates: 4, stateSize: 2, cacheSize: 4,
  step(a, g, [, c]) {
    const [ifo, aG] = split(add(a, g) as Tensor2D, [3 * hidden, hidden], 1) as [Tensor2D, Tensor2D];
    const s: Tensor2D = sigmoid(ifo);
    const [i, f, o] = split(s, 3, 1) as [Tensor2D, Tensor2D, Tensor2D];
    const gg: Tensor2D = tanh(aG);
    const cNext: Tensor2D = add(mul(f, c as Tensor2D), mul(i, gg));
    const tc: Tensor2D = tanh(cNext);
    const h: Tensor2D = mul(o, tc);
    return { h, state: [h, cNext], cache: [s, gg, c as Tensor2D, tc] };
  },
  back(dh, [, dc], cache) {
    const [s, gg, cPrev, tc] = cache as [Tensor2D, Tensor2D, Tensor2D, Tensor2D];
    const [i, f, o] = split(s, 3, 1) as [Tensor2D, Tensor2D, Tensor2D];
    const dcNext: Tensor2D = add(dc as Tensor2D, mul(mul(dh, o), oneMinus(mul(tc, tc))));
    const difo: Tensor2D = mul(concat([mul(dcNext, gg) as Tensor2D, mul(dcNext, cPrev) as Tensor2D, mul(dh, tc) as Tensor2D], 1), mul(s, oneMinus(s)));
    const dag: Tensor2D = mul(mul(dcNext, i), oneMinus(mul(gg, gg)));
    const da: Tensor2D = concat([difo, dag], 1);
    return { da, dg: da, dState: [zerosLike(dh), mul(dcNext, f)] };
  },
});

/**
 * GRU4Rec-style encoder: one GRU layer over item embeddings. Forward matmul FLOPs per position:
 * 2·E·3H (W_x x_t) + 2·H·3H (W_h h_{t−1}).
 */
export function gruEncoder(store: ParamStore, input: number, hidden: number): RecurrentEncoder {
  const w = weights(store, 'gru0', input, hidden, 3);
  const cell = gruCell(hidden);
  return { layout: 'time-major', outDim: hidden, run: (x, len) => recurrentLayer(cell, x, len, w), flops: (b, l) => b * l * 6 * hidden * (input + hidden) };
}

/**
 * Stacked LSTM encoder (the method study's LSTM 128 → LSTM 64): each layer's states are the next
 * one's inputs. The forget-gate bias starts at 1, so early training keeps the cell state
 * (Jozefowicz et al. 2015). Forward matmul FLOPs per position, summed over layers: 2·in·4H + 2·H·4H.
 */
export function lstmEncoder(store: ParamStore, input: number, hidden: readonly number[]): RecurrentEncoder {
  const sizes = [input, ...hidden];
  const layers = hidden.map((h, k) => {
    const forgetOne: Init = (shape) => tensor1d(Float32Array.from({ length: shape[0] ?? 0 }, (_, j) => (j >= h && j < 2 * h ? 1 : 0)));
    return { w: weights(store, `lstm${k}`, sizes[k] ?? input, h, 4, forgetOne), cell: lstmCell(h) };
  });
  const perPosition = hidden.reduce((total, h, k) => total + 8 * h * ((sizes[k] ?? input) + h), 0);
  return {
    layout: 'time-major',
    outDim: hidden.at(-1) ?? input,
    run: (x, len) => layers.reduce((xs, { w, cell }) => recurrentLayer(cell, xs, len, w), x),
    flops: (b, l) => b * l * perPosition,
  };
}
