import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { embed } from './embedding';

/** Plain JS reference for d/dtable Σ embed(table, ids) ⊙ r: rows of r summed into their id's row. */
function referenceGrad(ids: number[], r: number[][], vocab: number, dim: number): number[][] {
  const out = Array.from({ length: vocab }, () => new Array<number>(dim).fill(0));
  ids.forEach((id, p) => r[p]?.forEach((v, j) => {
    const row = out[id];
    if (row) row[j] = (row[j] ?? 0) + v;
  }));
  return out;
}

describe.each(['cpu', 'wasm'])('embed on %s', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
  });

  it('looks rows up and its table gradient is the segment sum of upstream gradients', async () => {
    const [vocab, dim] = [10, 4];
    const table = tf.randomNormal([vocab, dim], 0, 1, 'float32', 1) as tf.Tensor2D;
    const ids = tf.tensor2d([[1, 3, 3], [0, 9, 1]], [2, 3], 'int32');
    const r = tf.randomNormal([2, 3, dim], 0, 1, 'float32', 2);
    const out = embed(table, ids);
    expect(out.shape).toEqual([2, 3, dim]);
    expect(await out.array()).toEqual(await tf.gather(table, ids).array());
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(embed(t as tf.Tensor2D, ids), r)))(table);
    const want = referenceGrad(Array.from(await ids.data()), (await r.reshape([6, dim]).array()) as number[][], vocab, dim);
    const got = (await grad.array()) as number[][];
    expect(got.length).toBe(vocab);
    got.forEach((row, v) => row.forEach((x, j) => expect(x).toBeCloseTo(want[v]?.[j] ?? NaN, 5)));
  });

  it('trains: embeddings learn that the next item is always item + 1, without leaking tensors', () => {
    const [vocab, dim, steps] = [12, 8, 80];
    const table = tf.variable(tf.randomNormal([vocab, dim], 0, 0.1, 'float32', 3));
    const w = tf.variable(tf.randomNormal([dim, vocab], 0, 0.1, 'float32', 4));
    const ids = tf.range(0, vocab, 1, 'int32') as tf.Tensor1D;
    const target = tf.oneHot(tf.tensor1d(Array.from({ length: vocab }, (_, i) => (i + 1) % vocab), 'int32'), vocab);
    const optimizer = tf.train.adam(0.05);
    const losses: number[] = [];
    const counts: number[] = [];
    for (let step = 0; step < steps; step++) {
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(target, tf.matMul(embed(table, ids), w)), true);
      losses.push(loss?.dataSync()[0] ?? NaN);
      loss?.dispose();
      counts.push(tf.memory().numTensors);
    }
    const first = losses[0] ?? NaN;
    const last = losses.at(-1) ?? NaN;
    expect(first).toBeGreaterThan(2); // ≈ ln 12 at the start
    expect(last).toBeLessThan(first / 10);
    // Adam creates its slot variables on the first step; after that the count must not move.
    expect(new Set(counts.slice(1)).size).toBe(1);
    const predicted = tf.tidy(() => tf.argMax(tf.matMul(embed(table, ids), w), 1).arraySync() as number[]);
    expect(predicted).toEqual(Array.from({ length: vocab }, (_, i) => (i + 1) % vocab));
    optimizer.dispose();
    tf.dispose([table, w, ids, target]);
  });
});
