import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParamStore } from './params';
import { sasrecEncoder } from './sasrec-encoder';
import { TEST_BACKENDS, useBackend } from './synthetic.test-util';

const [B, L, D] = [3, 6, 8];

describe.each(TEST_BACKENDS)('SASRec encoder on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  const setup = () => {
    const store = new ParamStore(5);
    const encoder = sasrecEncoder(store, { dim: D, maxLen: L, blocks: 2, heads: 2, dropout: 0.3 });
    return { store, encoder };
  };
  // Inputs as if embedded: random rows, with the first two positions of sequence 0 marked as padding.
  const inputs = (seed: number) => tf.randomNormal([B, L, D], 0, 1, 'float32', seed) as tf.Tensor3D;
  const padRows = [[1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]];
  const pad = () => tf.tensor2d(padRows);

  it('is causal: the output at position t ignores every input after t', () => {
    const { store, encoder } = setup();
    const t = 3;
    const [before = [], after = []] = [false, true].map((change) => tf.tidy(() => {
      const x = inputs(1);
      // Second run: positions after t replaced by other values.
      const changed = change ? tf.concat([tf.slice(x, [0, 0, 0], [B, t + 1, D]), tf.randomNormal([B, L - t - 1, D], 0, 1, 'float32', 9)], 1) : x;
      return encoder.run(changed as tf.Tensor3D, pad(), false, () => 1).hidden.reshape([B, L, D]).arraySync() as number[][][];
    }));
    for (let b = 0; b < B; b++) {
      for (let p = 0; p <= t; p++) after[b]?.[p]?.forEach((v, j) => expect(v).toBeCloseTo(before[b]?.[p]?.[j] ?? NaN, 5));
      // …and the later positions do see the change (the test can fail).
      expect(after[b]?.[L - 1]?.[0]).not.toBeCloseTo(before[b]?.[L - 1]?.[0] ?? NaN, 3);
    }
    store.dispose();
  });

  it('gives attention rows that sum to 1, with no weight on padding or future keys', () => {
    const { store, encoder } = setup();
    const attention = tf.tidy(() => encoder.run(inputs(2), pad(), false, () => 1).attention);
    const weights = attention.map((a) => a.arraySync() as number[][][]);
    tf.dispose(attention);
    expect(weights).toHaveLength(2); // one per head, from the last block
    const padded = padRows;
    for (const head of weights) {
      head.forEach((rows, b) => rows.forEach((row, q) => {
        expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
        const firstReal = padded[b]?.indexOf(0) ?? 0;
        if (q < firstReal) return; // a padding query attends over padding only; its output is never used
        row.forEach((w, k) => { if (k > q || padded[b]?.[k] === 1) expect(w).toBeLessThan(1e-6); });
      }));
    }
    store.dispose();
  });

  it('uses seeded dropout only in training', () => {
    const { store, encoder } = setup();
    const run = (training: boolean, seed: number) => tf.tidy(() => encoder.run(inputs(3), pad(), training, () => seed).hidden.arraySync() as number[][]);
    expect(run(false, 1)).toEqual(run(false, 2));
    expect(run(true, 1)).toEqual(run(true, 1));
    expect(run(true, 1)).not.toEqual(run(true, 2));
    store.dispose();
  });
});
