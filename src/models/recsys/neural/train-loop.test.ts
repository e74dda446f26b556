import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainProgress } from '../types';
import { runTraining, type EpochProgress, type TrainSettings, type TrainTask } from './train-loop';
import { TEST_BACKENDS, useBackend } from './synthetic.test-util';
import type { TrainBatch } from './windows';

const settings: TrainSettings = { learningRate: 0.1, batchSize: 4, progressEvery: 2, patience: 2 };

/** Fits w to 3 by least squares; 5 batches of 4 "sequences" per epoch; validation scores are scripted. */
function quadraticTask(scores: number[] = []): TrainTask & { w: tf.Variable; seenAtValidation: number[] } {
  const w = tf.variable(tf.scalar(0));
  const batch: TrainBatch = { size: 4, len: 1, items: new Int32Array(4), types: null, positions: Int32Array.of(0, 1), labels: Int32Array.of(0, 0) };
  const seenAtValidation: number[] = [];
  let epoch = 0;
  return {
    w, seenAtValidation,
    variables: [w],
    sequences: 20,
    batches: () => Array.from({ length: 5 }, () => batch),
    loss: () => tf.square(tf.sub(w, 3)) as tf.Scalar,
    flops: () => 1e6,
    validate: scores.length ? async () => {
      seenAtValidation.push(w.dataSync()[0] ?? NaN);
      return { hr10: scores[epoch++] ?? 0 };
    } : undefined,
    snapshot: () => [tf.keep(tf.clone(w))],
    restore: ([s]) => { if (s) w.assign(s as tf.Scalar); },
  };
}

describe.each(TEST_BACKENDS)('runTraining on %s', (backend) => {
  beforeAll(() => useBackend(backend));

  it('reduces the loss, reports progress within and after epochs, and measures throughput', async () => {
    const task = quadraticTask();
    const seen: TrainProgress[] = [];
    const report = await runTraining(task, { epochs: 3, seed: 1, onProgress: (p) => void seen.push(p) }, settings);
    expect(report.epochs).toBe(3);
    expect(report.losses).toHaveLength(3);
    expect(report.losses[2]).toBeLessThan(report.losses[0] ?? 0);
    expect(report.seqPerSec).toBeGreaterThan(0);
    expect(report.gflops).toBeGreaterThan(0);
    // Batches 2 and 4 of 5, then the epoch's end, three times.
    expect(seen.map((p) => [p.epoch, p.fraction])).toEqual([1, 2, 3].flatMap((e) => [[e, 0.4], [e, 0.8], [e, 1]]));
    const ends = seen.filter((p) => p.fraction === 1) as EpochProgress[];
    expect(ends.every((p) => (p.epochMs ?? 0) > 0 && (p.seqPerSec ?? 0) > 0 && p.gflops > 0)).toBe(true);
    task.w.dispose();
  });

  it("stops when onProgress says 'stop', mid-epoch (cancel) or after an epoch", async () => {
    const cancel = quadraticTask();
    const mid = await runTraining(cancel, { epochs: 5, seed: 1, onProgress: (p) => (p.fraction < 1 ? 'stop' : undefined) }, settings);
    expect(mid.epochs).toBe(0);
    const after = quadraticTask();
    const stopped = await runTraining(after, { epochs: 5, seed: 1, onProgress: (p) => (p.epoch === 2 && p.fraction === 1 ? 'stop' : undefined) }, settings);
    expect(stopped.epochs).toBe(2);
    tf.dispose([cancel.w, after.w]);
  });

  it('stops early after `patience` epochs without a better HR@10 and restores the best epoch', async () => {
    const task = quadraticTask([0.1, 0.3, 0.2, 0.25, 0.9]);
    const counts: number[] = [];
    const report = await runTraining(task, { epochs: 5, seed: 1, onProgress: (p) => void (p.fraction === 1 && counts.push(tf.memory().numTensors)) }, settings);
    expect(report.epochs).toBe(4); // epochs 3 and 4 did not beat epoch 2
    expect(task.w.dataSync()[0]).toBe(task.seenAtValidation[1]);
    expect(new Set(counts).size).toBe(1); // no tensor leaks from epoch to epoch
    task.w.dispose();
  });
});
