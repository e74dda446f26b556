// What every sequence model shares: fitting a SequenceNet through the one pipeline and training
// loop, batched inference, and saving/loading as { topology, weights, config } for IndexedDB.
import { tidy, type Tensor } from '@tensorflow/tfjs';
import type { FitOptions, FitReport, Interactions, Metrics } from '../types';
import { ParamStore, unpackParams, type ParamSpec } from './params';
import { SequenceNet, type NetConfig } from './sequence-net';
import { runTraining, type TrainSettings } from './train-loop';
import { cutWindows, epochBatches, type HistoryBatch, type TargetKind } from './windows';

/** Most sequences per inference batch (larger batches gained < 10% on wasm). */
export const SCORE_BATCH = 256;
/** Cap on one inference batch's logits (floats): 2²³ floats = 32 MB, so a 200k-item catalogue scores 41 histories at a time. */
export const SCORE_MAX_FLOATS = 2 ** 23;
/** Marks the topology a SequenceNet writes; a later layout change gets a new version. */
export const TOPOLOGY_FORMAT = 'shoplens/sequence-net@1';

/** A saved model, as the app stores it (IndexedDB `models` table). */
export interface SavedModel {
  topology: unknown;
  weights: ArrayBuffer;
  config: unknown;
}

/** A model's architecture and training recipe, before it has seen data (numItems comes from fit). */
export interface ModelSpec {
  id: string;
  label: string;
  target: TargetKind;
  net: Omit<NetConfig, 'numItems'>;
  /** Window stride of the pipeline (windows.ts): L trains each target once with 0…L−1 events of context. */
  stride: number;
  train: TrainSettings;
  /** Validation cases scored after each epoch for early stopping (a seeded sample of FitOptions.valid). */
  validSample: number;
}

/** The config part of a saved model. */
interface SavedConfig {
  spec: ModelSpec;
  numItems: number;
  seed: number;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/** Checks a saved model's shape (it comes back from storage untyped) and returns its parts. */
function parseSaved(saved: SavedModel): { config: SavedConfig; specs: ParamSpec[] } {
  const { topology, config } = saved;
  if (!isRecord(topology) || topology['format'] !== TOPOLOGY_FORMAT || !Array.isArray(topology['params'])) {
    throw new Error(`Not a ${TOPOLOGY_FORMAT} model`);
  }
  const specs = topology['params'].map((p: unknown): ParamSpec => {
    if (!isRecord(p) || typeof p['name'] !== 'string' || !Array.isArray(p['shape']) || !p['shape'].every(Number.isInteger)) {
      throw new Error('Malformed parameter entry in saved topology');
    }
    return { name: p['name'], shape: p['shape'] as number[] };
  });
  if (!isRecord(config) || !isRecord(config['spec']) || !Number.isInteger(config['numItems']) || typeof config['seed'] !== 'number') {
    throw new Error('Malformed saved model config');
  }
  return { config: config as unknown as SavedConfig, specs };
}

/** Base of the sequence recommenders and the next-action model. */
export abstract class SequenceModel {
  protected net: SequenceNet | null = null;
  private seed = 0;

  constructor(readonly spec: ModelSpec) {}

  get id(): string {
    return this.spec.id;
  }

  get label(): string {
    return this.spec.label;
  }

  /** Validation metrics for early stopping, or undefined to train every epoch. */
  protected abstract validator(opts: FitOptions): (() => Promise<Partial<Metrics>>) | undefined;

  /** Builds a fresh network for `train` (seeded by opts.seed) and trains it. */
  async fit(train: Interactions, opts: FitOptions): Promise<FitReport> {
    this.net?.dispose();
    const { net: netSpec, target, stride, train: settings } = this.spec;
    const net = new SequenceNet({ ...netSpec, numItems: train.numItems }, new ParamStore(opts.seed), opts.seed);
    [this.net, this.seed] = [net, opts.seed];
    const windows = cutWindows(train, netSpec.maxLen, stride);
    const batchOpts = { kind: target, maxLen: netSpec.maxLen, batchSize: settings.batchSize, typed: netSpec.typed, seed: opts.seed };
    return runTraining({
      variables: net.store.variables,
      sequences: windows.count,
      batches: (epoch) => epochBatches(train, windows, { ...batchOpts, epoch }),
      loss: (batch) => net.loss(batch),
      flops: (batch) => net.flops(batch),
      validate: this.validator(opts),
      snapshot: () => net.store.snapshot(),
      restore: (s) => net.store.restore(s),
    }, opts, settings);
  }

  /** The trained network; throws before fit or load. */
  protected trained(): SequenceNet {
    if (!this.net) throw new Error(`${this.spec.label} has not been trained`);
    return this.net;
  }

  /**
   * Runs `run` over `count` inputs in batches of up to SCORE_BATCH (inputs [from, to) made into a batch by
   * `make`), reads each batch's tensors back and turns them into one result per input with `read`.
   */
  protected async mapBatches<T>(
    count: number,
    make: (from: number, to: number) => HistoryBatch,
    run: (net: SequenceNet, batch: HistoryBatch, from: number) => Tensor[],
    read: (values: Array<Float32Array | Int32Array>, row: number) => T,
  ): Promise<T[]> {
    const net = this.trained();
    const out: T[] = [];
    const step = Math.max(1, Math.min(SCORE_BATCH, Math.floor(SCORE_MAX_FLOATS / net.config.numItems)));
    for (let from = 0; from < count; from += step) {
      const to = Math.min(count, from + step);
      const batch = make(from, to);
      const tensors = tidy(() => run(net, batch, from));
      const values = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array | Int32Array>));
      tensors.forEach((t) => t.dispose());
      for (let row = 0; row < to - from; row++) out.push(read(values, row));
    }
    return out;
  }

  /** Topology (parameter names and shapes), weights (float32, in topology order) and config. */
  async save(): Promise<SavedModel> {
    const net = this.trained();
    const config: SavedConfig = { spec: this.spec, numItems: net.config.numItems, seed: this.seed };
    return { topology: { format: TOPOLOGY_FORMAT, params: net.store.specs() }, weights: await net.store.pack(), config };
  }

  /** Rebuilds the network of a saved model into this (fresh) instance. */
  protected attach(saved: SavedModel): void {
    const { config, specs } = parseSaved(saved);
    const store = new ParamStore(config.seed, unpackParams(specs, saved.weights));
    this.net?.dispose();
    this.net = new SequenceNet({ ...this.spec.net, numItems: config.numItems }, store, config.seed);
    this.seed = config.seed;
  }

  /** Frees the model's tensors; fit or load again before further use. */
  dispose(): void {
    this.net?.dispose();
    this.net = null;
  }
}

/** The spec inside a saved model, to pick the class that loads it. */
export function savedSpec(saved: SavedModel): ModelSpec {
  return parseSaved(saved).config.spec;
}
