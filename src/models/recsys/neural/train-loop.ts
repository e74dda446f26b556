// The one training loop of the sequence models: Adam over seeded-shuffled batches, progress every
// few batches and after each epoch, early stopping on a validation score with the best epoch's
// weights restored, and throughput figures (epoch time, sequences/s, achieved GFLOP/s).
import { add, mul, tidy, train, type Scalar, type Tensor, type Variable } from '@tensorflow/tfjs';
import type { FitOptions, FitReport, Metrics, TrainProgress } from '../types';
import type { TrainBatch } from './windows';

/** How the loop runs; stored with a saved model's config. */
export interface TrainSettings {
  learningRate: number;
  batchSize: number;
  /** onProgress within an epoch after every this many batches. */
  progressEvery: number;
  /** Epochs without a better validation HR@10 before training stops. */
  patience: number;
}

/** Loop settings used when a model does not set its own. */
export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { learningRate: 1e-3, batchSize: 128, progressEvery: 10, patience: 2 };

/** What the loop trains; the model supplies the data, the loss, its FLOP count and validation. */
export interface TrainTask {
  variables: Variable[];
  /** Sequences (windows) in one epoch. */
  sequences: number;
  /** One epoch's batches, in that epoch's shuffled order. */
  batches(epoch: number): Iterable<TrainBatch>;
  /** Mean loss of a batch; runs inside the optimizer's gradient tape. */
  loss(batch: TrainBatch): Scalar;
  /** Matmul FLOPs of one step on this batch, forward and backward. */
  flops(batch: TrainBatch): number;
  /** Validation metrics after an epoch (hr10 is the early-stopping score); absent: train every epoch. */
  validate?: () => Promise<Partial<Metrics>>;
  snapshot(): Tensor[];
  restore(snapshot: readonly Tensor[]): void;
}

/**
 * The end-of-epoch report: TrainProgress plus the epoch's achieved GFLOP/s (counted matmul FLOPs ÷
 * training time), which the shared TrainProgress type has no field for yet.
 */
export type EpochProgress = TrainProgress & { gflops: number };

/** Lets messages (progress, cancel) through between batches of a long synchronous fit. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Trains `task` for up to opts.epochs epochs; see the header. Leaves no tensors behind but the variables. */
export async function runTraining(task: TrainTask, opts: FitOptions, settings: TrainSettings): Promise<FitReport> {
  const optimizer = train.adam(settings.learningRate);
  const losses: number[] = [];
  const totals = { ms: 0, sequences: 0, flops: 0, epochMs: 0 };
  const best = { score: -Infinity, snapshot: null as Tensor[] | null, current: true, stale: 0 };
  const report = (p: TrainProgress) => opts.onProgress?.(p) === 'stop';
  const numBatches = Math.ceil(task.sequences / settings.batchSize);
  let stopped = false;
  let lossSum: Tensor | null = null; // Σ batch mean × targets over the epoch, kept on the device until read
  try {
    for (let epoch = 1; epoch <= opts.epochs && !stopped; epoch++) {
      const t0 = performance.now();
      lossSum = null;
      let [targets, seen, done, flops] = [0, 0, 0, 0];
      const meanLoss = async () => (lossSum ? ((await lossSum.data())[0] ?? NaN) / Math.max(targets, 1) : NaN);
      for (const batch of task.batches(epoch)) {
        const n = batch.labels.length;
        const previous: Tensor | null = lossSum;
        lossSum = tidy(() => {
          const loss = optimizer.minimize(() => task.loss(batch), true, task.variables);
          if (!loss) throw new Error('optimizer returned no loss');
          return previous ? add(previous, mul(loss, n)) : mul(loss, n);
        });
        previous?.dispose();
        best.current = false;
        targets += n;
        seen += batch.size;
        flops += task.flops(batch);
        done++;
        if (done % settings.progressEvery === 0 && done < numBatches) {
          stopped = report({ epoch, epochs: opts.epochs, fraction: done / numBatches, loss: await meanLoss() });
          if (stopped) break;
          await yieldToEventLoop();
        }
      }
      const loss = await meanLoss();
      (lossSum as Tensor | null)?.dispose();
      lossSum = null;
      const ms = performance.now() - t0;
      totals.ms += ms;
      totals.sequences += seen;
      totals.flops += flops;
      if (stopped) break; // a cancelled epoch is not a finished one
      totals.epochMs += ms;
      losses.push(loss);
      const valid = task.validate ? await task.validate() : undefined;
      const score = valid?.hr10;
      if (score !== undefined && score > best.score) {
        best.snapshot?.forEach((t) => t.dispose());
        Object.assign(best, { score, snapshot: task.snapshot(), current: true, stale: 0 });
      } else if (score !== undefined) best.stale++;
      const progress: EpochProgress = { epoch, epochs: opts.epochs, fraction: 1, loss, valid, epochMs: ms, seqPerSec: (seen / ms) * 1000, gflops: flops / ms / 1e6 };
      stopped = report(progress) || best.stale >= settings.patience;
      await yieldToEventLoop();
    }
  } finally {
    (lossSum as Tensor | null)?.dispose(); // only when a batch threw
    if (best.snapshot && !best.current) task.restore(best.snapshot);
    best.snapshot?.forEach((t) => t.dispose());
    optimizer.dispose();
  }
  const epochs = losses.length;
  return {
    epochs,
    epochMs: epochs > 0 ? totals.epochMs / epochs : 0,
    seqPerSec: totals.ms > 0 ? (totals.sequences / totals.ms) * 1000 : 0,
    gflops: totals.ms > 0 ? totals.flops / totals.ms / 1e6 : 0,
    losses,
  };
}
