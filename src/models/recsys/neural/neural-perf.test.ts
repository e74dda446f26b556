// Throughput report on a problem shaped like online-retail purchase sequences (≈4,000 items,
// ≈4,300 users, ≈400k interactions), wasm backend. It reports and asserts nothing about speed;
// run it with NEURAL_PERF=1 npx vitest run src/models/recsys/neural/neural-perf.test.ts
// (NEURAL_PERF=all adds SASRec and the LSTM).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { cdfSampler, createRng, zipfSampler } from '../../../lib/random';
import { runtimeSelfTest } from '../../runtime/self-test';
import type { Interactions } from '../types';
import { createGru4Rec, createLstmRec, createSasRec, type NeuralRecommender } from './neural-recommender';
import { interactionsOf, useBackend } from './synthetic.test-util';

const PERF = process.env['NEURAL_PERF'];

/** Users with log-normal history lengths (median ≈ 45, mean ≈ 93), moving between 100 interest clusters. */
function retailLike(numItems: number, users: number, seed: number): Interactions {
  const rng = createRng(seed);
  const popular = zipfSampler(40, 1, rng);
  const lengths = Array.from({ length: users }, () => Math.max(2, Math.round(rng.logNormal(Math.log(45), 1.2))));
  const clusters = cdfSampler(Array.from({ length: 100 }, (_, k) => 1 / (k + 1) ** 0.7), rng);
  return interactionsOf(numItems, lengths.map((n) => {
    let cluster = clusters();
    const seen: number[] = [];
    return Array.from({ length: n }, (_, t) => {
      if (rng.chance(0.1)) cluster = clusters();
      const item = seen.length > 0 && rng.chance(0.25) ? rng.pick(seen) : (cluster * 40 + popular()) % numItems;
      seen.push(item);
      return { item, type: 5, session: Math.floor(t / 20) };
    });
  }));
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await run();
  return [out, performance.now() - t0];
}

/** CPU seconds this process used: other jobs on a shared machine inflate wall time, much less CPU time. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

describe.skipIf(!PERF)('neural recommenders: throughput on a retail-shaped problem (wasm)', () => {
  it('reports epoch time, seq/s, GFLOP/s against a 512×512 matmul, and top-10 time for every user', async () => {
    await useBackend('wasm');
    const data = retailLike(4000, 4300, 11);
    const histories = Array.from({ length: data.offsets.length - 1 }, (_, u) => data.items.subarray(data.offsets[u], data.offsets[u + 1]));
    const peak = (await runtimeSelfTest()).matmulGflops;
    console.info(`data: ${data.numItems} items, ${histories.length} users, ${data.items.length} interactions; 512×512 matmul ${peak.toFixed(1)} GFLOP/s`);
    const models: Array<[string, () => NeuralRecommender]> = [
      ['GRU4Rec', () => createGru4Rec({ progressEvery: 20 })],
      ['GRU4Rec, in-batch negatives', () => createGru4Rec({ progressEvery: 20, fullSoftmaxMaxItems: 0 })],
    ];
    if (PERF === 'all') models.push(['SASRec', () => createSasRec({ progressEvery: 20 })], ['LSTM 128 → 64', () => createLstmRec({ progressEvery: 20 })]);
    for (const [name, make] of models) {
      const model = make();
      const before = tf.memory().numTensors;
      const cpu0 = cpuSeconds();
      const report = await model.fit(data, { epochs: 1, seed: 1, onProgress: (p) => void (p.fraction === 1 || console.info(`  ${name} ${(p.fraction * 100).toFixed(0)}% loss ${p.loss.toFixed(3)}`)) });
      const cpu = cpuSeconds() - cpu0;
      const [, topMs] = await timed(() => model.recommend(histories, 10));
      const [, scoreMs] = await timed(() => model.score(histories));
      console.info(`${name}: epoch ${(report.epochMs / 1000).toFixed(1)} s (${cpu.toFixed(1)} CPU s), ${report.seqPerSec.toFixed(0)} seq/s, ` +
        `${report.gflops.toFixed(1)} GFLOP/s (${((100 * report.gflops) / peak).toFixed(0)}% of the matmul), loss ${report.losses[0]?.toFixed(3)}; ` +
        `top-10 for ${histories.length} users ${(topMs / 1000).toFixed(2)} s, all scores ${(scoreMs / 1000).toFixed(2)} s`);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  }, 900_000);
});
