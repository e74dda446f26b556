import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSegmentSumKernels } from './segment-sum';

/** Plain JS reference: out[s] = Σ rows whose id is s; ids outside [0, numSegments) are dropped. */
function reference(rows: number[][], ids: number[], numSegments: number): number[][] {
  const dim = rows[0]?.length ?? 0;
  const out = Array.from({ length: numSegments }, () => new Array<number>(dim).fill(0));
  ids.forEach((id, i) => {
    const target = out[id];
    if (target) rows[i]?.forEach((v, j) => (target[j] = (target[j] ?? 0) + v));
  });
  return out;
}

function randomRows(n: number, dim: number, seed: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: n }, () => Array.from({ length: dim }, next));
}

// Taken before anything registers ours: the kernels TF.js itself ships.
const stock = new Map(['cpu', 'wasm'].map((b) => [b, tf.getKernel('UnsortedSegmentSum', b) as tf.KernelConfig | undefined]));

describe.each(['cpu', 'wasm'])('UnsortedSegmentSum on %s', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    registerSegmentSumKernels();
  });

  it('sums rows by id, repeated ids accumulating', async () => {
    const rows = randomRows(50, 7, 3);
    const ids = rows.map((_, i) => (i * 7) % 11); // every id repeats
    const out = tf.unsortedSegmentSum(tf.tensor2d(rows), tf.tensor1d(ids, 'int32'), 13);
    expect(out.shape).toEqual([13, 7]);
    const got = (await out.array()) as number[][];
    const want = reference(rows, ids, 13);
    got.forEach((row, s) => row.forEach((v, j) => expect(v).toBeCloseTo(want[s]?.[j] ?? NaN, 4)));
  });

  it('drops negative and out-of-range ids', async () => {
    const rows = randomRows(6, 3, 9);
    const ids = [0, -1, 2, 5, 2, -7];
    const got = (await tf.unsortedSegmentSum(tf.tensor2d(rows), tf.tensor1d(ids, 'int32'), 4).array()) as number[][];
    const want = reference(rows, ids, 4);
    expect(got.flat().map((v) => Math.round(v * 1e4))).toEqual(want.flat().map((v) => Math.round(v * 1e4)));
  });

  it('returns zeros when no id is in range, and handles 2-D ids with int32 values', async () => {
    const none = tf.unsortedSegmentSum(tf.ones([3, 2]), tf.tensor1d([-1, 9, 4], 'int32'), 4);
    expect(await none.array()).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
    const x = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [2, 2, 2], 'int32');
    // The op's types say 1-D ids, but TF semantics (and this kernel) take ids shaped like x's leading dims.
    const ids2d = tf.tensor2d([[1, 0], [1, 1]], [2, 2], 'int32') as tf.Tensor as tf.Tensor1D;
    const out = tf.unsortedSegmentSum(x, ids2d, 3);
    expect(out.dtype).toBe('int32');
    expect(await out.array()).toEqual([[3, 4], [13, 16], [0, 0]]);
  });

  it('replaces the stock kernel (none on wasm), and re-registering is harmless', () => {
    expect(stock.get(backend) === undefined).toBe(backend === 'wasm');
    const ours = tf.getKernel('UnsortedSegmentSum', backend);
    expect(ours).toBeDefined();
    expect(ours).not.toBe(stock.get(backend));
    registerSegmentSumKernels();
    expect(tf.getKernel('UnsortedSegmentSum', backend)).toBe(ours);
  });

  it('keeps up with a 5k vocabulary', async () => {
    const grads = tf.randomNormal([128 * 20, 64]);
    const ids = tf.randomUniform([128 * 20], 0, 5000, 'int32');
    const t0 = performance.now();
    await tf.unsortedSegmentSum(grads, ids as tf.Tensor1D, 5000).data();
    expect(performance.now() - t0).toBeLessThan(2000); // the stock CPU kernel takes ~50 s here
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.unsortedSegmentSum(tf.ones([4, 2]), tf.tensor1d([0, 1, 1, 1], 'int32'), 2); // the ScatterNd path
      tf.unsortedSegmentSum(tf.ones([4, 2]), tf.tensor1d([0, 1, -1, 1], 'int32'), 2); // the filtered path
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
