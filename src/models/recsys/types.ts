// The contract shared by every recommender, the data pipeline and the evaluation module.

/** One interaction: a user's event on an item at a time, within a session. */
export interface Interactions {
  /** Number of items in the catalogue; item codes are 0 … numItems − 1. */
  numItems: number;
  /** Per user (CSR): the user's interactions in time order are offsets[u] … offsets[u+1]. */
  offsets: Uint32Array;
  /** Dictionary code of each user group (index into the dataset's user dictionary). */
  userCodes: Int32Array;
  items: Int32Array;
  ts: Float64Array;
  session: Int32Array;
  /** Canonical type code of each interaction (0 view, 1 cart, 5 purchase, …). */
  type: Uint8Array;
}

/** A prediction task: rank all items for a user given the items before, and hit `target`. */
export interface EvalCase {
  /** Index of the user group in Interactions (not the dictionary code). */
  user: number;
  /** The items the model may see, oldest first (the prefix before the target). */
  history: Int32Array;
  target: number;
  /** The target's time: nothing at or after it may be used in training. */
  ts: number;
}

/** A train / validation / test split. Training data holds only interactions before every case it serves. */
export interface Split {
  protocol: 'loo' | 'time';
  train: Interactions;
  valid: EvalCase[];
  test: EvalCase[];
  /** Cut-off times (time protocol): validation starts at validFrom, test at testFrom. */
  validFrom?: number;
  testFrom?: number;
}

/** Progress of a training run, reported after each epoch (and within long epochs). */
export interface TrainProgress {
  epoch: number;
  epochs: number;
  /** Share of the current epoch done, 0 … 1. */
  fraction: number;
  loss: number;
  /** Validation metrics after each full epoch, when computed. */
  valid?: Partial<Metrics>;
  epochMs?: number;
  seqPerSec?: number;
}

/** Options every fit accepts. */
export interface FitOptions {
  epochs: number;
  seed: number;
  /** Called with progress; returning 'stop' ends training early (early stopping or Cancel). */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a listener that returns nothing means "go on"
  onProgress?: (p: TrainProgress) => void | 'stop';
  /** Validation cases for early stopping and per-epoch metrics. */
  valid?: EvalCase[];
}

/** What a fit reports. */
export interface FitReport {
  epochs: number;
  epochMs: number;
  seqPerSec: number;
  /** Floating-point operations per second achieved in training (0 for non-neural models). */
  gflops: number;
  losses: number[];
}

/** A trained (or trainable) recommender. */
export interface Recommender {
  id: string;
  label: string;
  fit(train: Interactions, opts: FitOptions): Promise<FitReport>;
  /** Scores of every item (length numItems) for each history; higher is better. */
  score(histories: Int32Array[]): Promise<Float32Array[]>;
}

/** Ranking metrics at K = 10 and 20, catalogue coverage and the mean popularity of recommended items. */
export interface Metrics {
  hr10: number;
  ndcg10: number;
  mrr10: number;
  hr20: number;
  ndcg20: number;
  mrr20: number;
  /** Share of the catalogue appearing in anyone's top 10. */
  coverage: number;
  /** Mean training-set popularity (interaction count) of the recommended top-10 items. */
  avgPopularity: number;
  cases: number;
}
