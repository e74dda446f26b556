// Ops with hand-written gradients, because the stock ones are slow on WASM (TF.js 4.22, measured in
// node on our 2-core machine, SIMD, 1 thread):
// - matMul: [512,512]·[512,512] runs at 27–30 GFLOP/s untransposed but 1–2.3 GFLOP/s with transposeA
//   or transposeB (and ~2 GFLOP/s for any rank-3 batch): only rank-2 untransposed products take
//   XNNPACK's fast path. The stock gradient (dA = dC·Bᵀ, dB = Aᵀ·dC) uses the transpose flags, so
//   here the small operand is transposed explicitly instead (a [k,n] weight or [m,k] activations:
//   cheap), and dC, which can be [positions × catalogue], is never transposed.
// - Slice copies its whole input before cutting (blocks × size to split a tensor into blocks), and
//   Gather moves ~20 M floats/s (0.4 ms for 128 rows of 64). Where tensors live in CPU memory (cpu,
//   wasm), reading one back is a memcpy, so row blocks and row picks are cut on the host instead
//   (50 blocks of [128, 64]: 1.3 ms against 20 ms gathering, 47 ms slicing); GPU backends keep
//   their device kernels, since a read-back would stall them.
// - Softmax cross-entropy over a catalogue: logSumExp and exp run at ~0.1 G elements/s, Softmax (XNNPACK)
//   ~3× faster; the fused op below needs one softmax and no one-hot [N, U] matrix, and it never keeps
//   the [N, U] probabilities (customGrad's save() copies what it keeps: 40 ms for N = 5k, U = 4k).
import {
  add, concat, customGrad, gather, getBackend, log, matMul, maximum, mean, mul, neg, range, reshape, scalar, softmax,
  split, sub, tensor1d, tensor2d, transpose, unsortedSegmentSum, zeros,
  type GradSaveFunc, type Scalar, type Tensor, type Tensor1D, type Tensor2D,
} from '@tensorflow/tfjs';
import { registerSegmentSumKernels } from '../../runtime/segment-sum';

/** Smallest probability the loss takes the log of: caps one position's loss at −ln(1e-30) ≈ 69. */
export const MIN_PROBABILITY = 1e-30;

const fastMatmul = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
  const [a, b, save] = args as [Tensor2D, Tensor2D, GradSaveFunc];
  save([a, b]);
  return {
    value: matMul(a, b),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [sa, sb] = saved as [Tensor2D, Tensor2D];
      // dA = dC·Bᵀ, dB = Aᵀ·dC, with explicit transposes of the small operands (see header).
      return [matMul(dy as Tensor2D, transpose(sb)), matMul(transpose(sa), dy as Tensor2D)];
    },
  };
});

/** Whether the running backend keeps tensors in CPU memory, where a read-back costs a copy, not a GPU sync. */
function hostBacked(): boolean {
  const backend = getBackend();
  return backend === 'cpu' || backend === 'wasm';
}

/**
 * Splits x along its first axis into blocks of `sizes` rows (or `sizes` equal blocks), like tf.split.
 * No gradient: for use inside custom gradients.
 */
export function rowBlocks<T extends Tensor1D | Tensor2D>(x: T, sizes: number | number[]): T[] {
  const rows = x.shape[0];
  const counts = typeof sizes === 'number' ? new Array<number>(sizes).fill(rows / sizes) : sizes;
  if (!hostBacked()) return split(x, counts, 0) as T[];
  const width = x.shape[1] ?? 1;
  const values = x.dataSync() as Float32Array | Int32Array;
  let offset = 0;
  return counts.map((m) => {
    const part = values.subarray(offset * width, (offset += m) * width);
    return (x.rank === 1 ? tensor1d(part, x.dtype as 'int32' | 'float32') : tensor2d(part, [m, width], x.dtype as 'int32' | 'float32')) as T;
  });
}

/** Rows `ids` of x ([ids.length, n]). No gradient: for use inside custom gradients. */
export function pickRows(x: Tensor2D, rows: Int32Array | Tensor1D): Tensor2D {
  if (!hostBacked()) return gather(x, rows instanceof Int32Array ? tensor1d(rows, 'int32') : rows);
  const ids = rows instanceof Int32Array ? rows : (rows.dataSync() as Int32Array);
  const n = x.shape[1];
  const values = x.dataSync() as Float32Array;
  const out = new Float32Array(ids.length * n);
  ids.forEach((id, k) => out.set(values.subarray(id * n, (id + 1) * n), k * n));
  return tensor2d(out, [ids.length, n]);
}

/** Rows `ids` of x, differentiable in x: the gradient adds each dy row into row ids[k] (a segment sum). */
export function takeRows(x: Tensor2D, ids: Int32Array): Tensor2D {
  registerSegmentSumKernels();
  const take = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    const [xs] = args as [Tensor2D];
    return { value: pickRows(xs, ids), gradFunc: (dy: Tensor) => [unsortedSegmentSum(dy, tensor1d(ids, 'int32'), xs.shape[0])] };
  });
  return take(x) as Tensor2D;
}

/** a·b for rank-2 tensors, with a gradient that stays on WASM's fast (untransposed) matmul path. */
export function matmul(a: Tensor2D, b: Tensor2D): Tensor2D {
  return fastMatmul(a, b) as Tensor2D;
}

/** x·W + b, the affine map every layer here is made of. */
export function dense(x: Tensor2D, w: Tensor2D, b: Tensor1D): Tensor2D {
  return add(matmul(x, w), b);
}

/** Rows per chunk of the cross-entropy: a [256, 4k] probability block (4 MB) stays in cache while it is used. */
export const CE_CHUNK_ROWS = 256;

const crossEntropy = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
  const [h, c, labels, save] = args as [Tensor2D, Tensor2D, Tensor1D, GradSaveFunc];
  const [n] = h.shape;
  const [u] = c.shape;
  // Per row chunk k: P_k = softmax(h_k·cᵀ); loss_i = −log P[i, label_i]. The gradient needs only P, so it
  // is computed here while P_k is in cache, and P (N × U floats) is never stored:
  //   ∂h_k = P_k·c − c[labels_k],   ∂c = Σ_k P_kᵀ·h_k − Σ_{i: label_i = j} h_i   (then × dy/N backward).
  // Pᵀ_k·h_k, not (hᵀ·P)ᵀ: XNNPACK streams its right operand once per few rows of the left one.
  const cT = transpose(c);
  const chunks = Math.ceil(n / CE_CHUNK_ROWS);
  const sizes = Array.from({ length: chunks }, (_, k) => Math.min(CE_CHUNK_ROWS, n - k * CE_CHUNK_ROWS));
  const hs = chunks === 1 ? [h] : rowBlocks(h, sizes);
  const ls = chunks === 1 ? [labels] : rowBlocks(labels, sizes);
  const picked: Tensor[] = [];
  const dhs: Tensor2D[] = [];
  let dcSum = zeros([u, c.shape[1]]) as Tensor2D;
  hs.forEach((hk, k) => {
    const p = softmax(matMul(hk, cT));
    const rows = sizes[k] ?? 0;
    picked.push(gather(reshape(p, [-1]), add(mul(range(0, rows, 1, 'int32'), scalar(u, 'int32')), ls[k] as Tensor1D)));
    dhs.push(matMul(p, c));
    dcSum = add(dcSum, matMul(transpose(p), hk));
  });
  const dh = sub(concat(dhs, 0), pickRows(c, labels));
  const dc = sub(dcSum, unsortedSegmentSum(h, labels, u));
  save([dh, dc]);
  return {
    value: neg(mean(log(maximum(concat(picked, 0), MIN_PROBABILITY)))) as Scalar,
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [sdh, sdc] = saved as [Tensor2D, Tensor2D];
      const s = mul(dy, scalar(1 / n));
      return [mul(sdh, s), mul(sdc, s), zeros([n])];
    },
  };
});

/**
 * Mean softmax cross-entropy of rows h [N, k] against candidates c [U, k]: logits = h·cᵀ, and row i's
 * right answer is candidate labels[i] (int32, in [0, U)). A bias is a column of ones in h and the
 * bias values as the matching column of c. Full softmax: c is the catalogue; in-batch: c is the
 * batch's distinct targets.
 */
export function softmaxCrossEntropy(h: Tensor2D, c: Tensor2D, labels: Tensor1D): Scalar {
  registerSegmentSumKernels(); // the gradient's segment sum must exist on cpu and wasm
  return crossEntropy(h, c, labels) as Scalar;
}
