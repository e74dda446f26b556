// Options and defaults shared by the sequence models, turned into a ModelSpec.
import type { EncoderSpec } from './encoder';
import type { ModelSpec } from './sequence-model';
import { FULL_SOFTMAX_MAX_ITEMS, type NetConfig } from './sequence-net';
import { DEFAULT_TRAIN_SETTINGS } from './train-loop';
import type { TargetKind } from './windows';

/** Longest history an encoder reads (older events are dropped). */
export const DEFAULT_MAX_LEN = 50;
/** Item embedding size (and SASRec's model width). */
export const DEFAULT_EMB_DIM = 64;
/** Validation cases scored per epoch for early stopping: HR@10 on 500 cases has a standard error ≤ 2.3 points. */
export const DEFAULT_VALID_SAMPLE = 500;

/** Options shared by the neural recommenders; every one has a default. */
export interface SequenceOptions {
  maxLen?: number;
  embDim?: number;
  /** Window stride (1…maxLen); see windows.ts. */
  stride?: number;
  learningRate?: number;
  batchSize?: number;
  progressEvery?: number;
  patience?: number;
  validSample?: number;
  /** Catalogue size up to which training uses the full softmax (FULL_SOFTMAX_MAX_ITEMS). */
  fullSoftmaxMaxItems?: number;
  /** Output embeddings tied to the input item embeddings. */
  tied?: boolean;
}

/** The spec of a model from its options, with defaults filled in. */
export function modelSpec(id: string, label: string, target: TargetKind, net: Pick<NetConfig, 'encoder' | 'head' | 'typed'>, o: SequenceOptions): ModelSpec {
  const maxLen = o.maxLen ?? DEFAULT_MAX_LEN;
  const t = DEFAULT_TRAIN_SETTINGS;
  return {
    id, label, target,
    net: { ...net, maxLen, embDim: o.embDim ?? DEFAULT_EMB_DIM },
    stride: o.stride ?? maxLen,
    train: { learningRate: o.learningRate ?? t.learningRate, batchSize: o.batchSize ?? t.batchSize, progressEvery: o.progressEvery ?? t.progressEvery, patience: o.patience ?? t.patience },
    validSample: o.validSample ?? DEFAULT_VALID_SAMPLE,
  };
}

/** The spec of a next-item recommender: item targets, an item head (tied or separate output embeddings). */
export function itemSpec(id: string, label: string, encoder: EncoderSpec, o: SequenceOptions, tiedByDefault: boolean): ModelSpec {
  const head = { kind: 'items' as const, tied: o.tied ?? tiedByDefault, fullSoftmaxMaxItems: o.fullSoftmaxMaxItems ?? FULL_SOFTMAX_MAX_ITEMS };
  return modelSpec(id, label, 'item', { encoder, head, typed: false }, o);
}
