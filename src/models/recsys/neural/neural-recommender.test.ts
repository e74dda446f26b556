import { beforeAll, describe, expect, it } from 'vitest';
import { createGru4Rec, createLstmRec, createSasRec, NeuralRecommender } from './neural-recommender';
import { argmax, cyclicHistories, cyclicInteractions, TEST_BACKENDS, useBackend } from './synthetic.test-util';

const V = 20;
const small = { maxLen: 8, embDim: 16, batchSize: 32, progressEvery: 2 };
const models: Array<[string, () => NeuralRecommender]> = [
  ['GRU4Rec', () => createGru4Rec({ ...small, learningRate: 0.02 })],
  ['SASRec', () => createSasRec({ ...small, dropout: 0, learningRate: 0.01 })],
  ['LSTM', () => createLstmRec({ ...small, hidden: [32, 16], learningRate: 0.02 })],
];

describe.each(TEST_BACKENDS)('neural recommenders on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(models)('%s learns that the next item is always item + 1', async (_, make) => {
    const model = make();
    const data = cyclicInteractions(V, 60, 20, 1);
    const report = await model.fit(data, { epochs: 8, seed: 3 });
    const first = report.losses[0] ?? NaN;
    const last = report.losses.at(-1) ?? NaN;
    expect(first).toBeGreaterThan(1.5); // starts near ln 20 ≈ 3
    expect(last).toBeLessThan(first / 3);
    expect(report).toMatchObject({ epochs: 8 });
    expect(report.gflops).toBeGreaterThan(0);
    expect(report.seqPerSec).toBeGreaterThan(0);
    const scores = await model.score(cyclicHistories(V, 5));
    const right = scores.filter((s, end) => argmax(s) === (end + 1) % V).length;
    expect(right).toBeGreaterThanOrEqual(0.9 * V);
    const [top] = await model.recommend(cyclicHistories(V, 5).slice(3, 4), 3);
    expect(top?.items[0]).toBe(4);
    model.dispose();
  });
});
