// Persistence, tensor hygiene, explanations and the large-catalogue path of the neural recommenders.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalCase } from '../types';
import { createGru4Rec, createLstmRec, createSasRec, NeuralRecommender } from './neural-recommender';
import { argmax, cyclicHistories, cyclicInteractions, TEST_BACKENDS, useBackend } from './synthetic.test-util';

const V = 20;
const small = { maxLen: 8, embDim: 16, batchSize: 32, learningRate: 0.02 };
const data = cyclicInteractions(V, 60, 20, 1);
const histories = cyclicHistories(V, 5);
const valid: EvalCase[] = histories.map((history, end) => ({ user: 0, history, target: (end + 1) % V, ts: 0 }));

describe.each(TEST_BACKENDS)('neural recommenders on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each([
    ['GRU4Rec', () => createGru4Rec(small)],
    ['SASRec', () => createSasRec({ ...small, heads: 2 })],
    ['LSTM', () => createLstmRec({ ...small, hidden: [24, 16] })],
  ])('%s saves and reloads with identical scores', async (_, make) => {
    const model = make();
    await model.fit(data, { epochs: 1, seed: 2 });
    // What IndexedDB hands back is a structured clone.
    const loaded = NeuralRecommender.load(structuredClone(await model.save()));
    expect(loaded.id).toBe(model.id);
    expect(await loaded.score(histories)).toEqual(await model.score(histories));
    model.dispose();
    loaded.dispose();
  });

  it('rejects a saved model whose weights do not match its topology', async () => {
    const model = createGru4Rec(small);
    await model.fit(data, { epochs: 1, seed: 2 });
    const saved = await model.save();
    expect(() => NeuralRecommender.load({ ...saved, weights: saved.weights.slice(4) })).toThrow(/too short|claims/);
    expect(() => NeuralRecommender.load({ ...saved, topology: { format: 'other' } })).toThrow(/Not a/);
    model.dispose();
  });

  it('keeps the tensor count steady across epochs, reports validation HR@10, and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const model = createGru4Rec(small);
    const counts: number[] = [];
    const hr: number[] = [];
    await model.fit(data, { epochs: 4, seed: 3, valid, onProgress: (p) => {
      if (p.fraction < 1) return;
      counts.push(tf.memory().numTensors);
      hr.push(p.valid?.hr10 ?? NaN);
    } });
    expect(new Set(counts).size).toBe(1);
    expect(hr.at(-1)).toBeGreaterThan(0.5); // the walk is learnable: most targets land in the top 10
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('repeats a fit exactly with the same seed', async () => {
    const [a, b] = [createSasRec({ ...small, dropout: 0.2 }), createSasRec({ ...small, dropout: 0.2 })];
    await a.fit(data, { epochs: 1, seed: 4 });
    await b.fit(data, { epochs: 1, seed: 4 });
    expect(await a.score(histories.slice(0, 3))).toEqual(await b.score(histories.slice(0, 3)));
    a.dispose();
    b.dispose();
  });

  it('SASRec explains a recommendation by the history events the newest position attends to', async () => {
    const model = createSasRec({ ...small, dropout: 0 });
    await model.fit(data, { epochs: 2, seed: 5 });
    const history = Int32Array.of(3, 4, 5);
    const weights = await model.attention(history);
    expect(weights).toHaveLength(3);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
    const reasons = await model.explain(history, 2);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]?.weight).toBeGreaterThanOrEqual(reasons[1]?.weight ?? Infinity);
    reasons.forEach((r) => expect(r.item).toBe(history[r.index]));
    const long = Int32Array.from({ length: 12 }, (_, i) => i);
    expect(await model.attention(long)).toHaveLength(8); // the window the encoder reads
    await expect(createGru4Rec(small).explain(history)).rejects.toThrow(/not been trained/);
    model.dispose();
  });

  it('trains with in-batch negatives when the catalogue is above the full-softmax threshold', async () => {
    const model = createGru4Rec({ ...small, fullSoftmaxMaxItems: V - 1 });
    const report = await model.fit(data, { epochs: 8, seed: 6 });
    expect(report.losses.at(-1)).toBeLessThan((report.losses[0] ?? 0) / 3);
    const scores = await model.score(histories);
    expect(scores.filter((s, end) => argmax(s) === (end + 1) % V).length).toBeGreaterThanOrEqual(0.9 * V);
    model.dispose();
  });
});
