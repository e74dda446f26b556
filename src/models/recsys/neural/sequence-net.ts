// One network shape for every sequence model here: embeddings → encoder → head.
//   input x_t = E[item_t] (+ T[type_t] for typed models), PAD = numItems has its own row
//   encoder   = GRU, stacked LSTM or causal Transformer (encoder.ts)
//   head      = softmax over candidates c_j: logits_j = h·c_j + b_j, with c the item table (tied),
//               a separate output table, or a small class table (next action).
// Training loss: cross-entropy of the next target at every position that has one (GRU4Rec/SASRec
// style). Over the full catalogue while it has at most fullSoftmaxMaxItems items; past that the
// candidates are the distinct targets of the batch (in-batch negatives), so a step costs
// O(N·U·d) with U ≤ N targets rather than O(N·V·d).
import {
  add, cast, concat, equal, matMul, mean, mul, ones, reshape, slice, stack, tensor1d, tensor2d, transpose,
  type Scalar, type Tensor, type Tensor2D, type Tensor3D, type Variable,
} from '@tensorflow/tfjs';
import { deriveSeed } from '../../../lib/random';
import { embed } from '../../runtime/embedding';
import type { EncoderSpec, SequenceEncoder } from './encoder';
import { softmaxCrossEntropy, takeRows } from './ops';
import { glorot, zerosInit, ParamStore } from './params';
import { gruEncoder, lstmEncoder } from './rnn-encoders';
import { sasrecEncoder } from './sasrec-encoder';
import { TYPE_VOCAB, type HistoryBatch, type TrainBatch } from './windows';

/** Catalogue size up to which training uses the full softmax; larger catalogues use in-batch negatives. */
export const FULL_SOFTMAX_MAX_ITEMS = 20_000;

/** Which head: next item over the catalogue, or a small classifier (next action). */
export type HeadSpec = { kind: 'items'; tied: boolean; fullSoftmaxMaxItems: number } | { kind: 'classes'; classes: number };

/** Everything needed to rebuild the network; a saved model's config. */
export interface NetConfig {
  numItems: number;
  maxLen: number;
  embDim: number;
  /** Whether inputs add an event-type embedding to the item embedding. */
  typed: boolean;
  encoder: EncoderSpec;
  head: HeadSpec;
}

interface Encoded {
  rows: Tensor2D;
  /** Row of `rows` holding batch position b·L + t. */
  rowOf: (position: number) => number;
  attention: Tensor3D[];
}

function buildEncoder(store: ParamStore, c: NetConfig): SequenceEncoder {
  const e = c.encoder;
  if (e.kind === 'gru') return gruEncoder(store, c.embDim, e.hidden);
  if (e.kind === 'lstm') return lstmEncoder(store, c.embDim, e.hidden);
  return sasrecEncoder(store, { dim: c.embDim, maxLen: c.maxLen, blocks: e.blocks, heads: e.heads, dropout: e.dropout });
}

/** Embeddings, encoder and head of one model, with its parameters in one store. */
export class SequenceNet {
  private readonly items: Variable;
  private readonly types: Variable | null;
  private readonly encoder: SequenceEncoder;
  /** Output vectors [U, d] (null: tied to the item table) and biases [U, 1]. */
  private readonly out: Variable | null;
  private readonly bias: Variable;
  private dropoutCalls = 0;

  /**
   * Creates (or, from a store holding saved values, restores) the parameters. `seed` drives dropout:
   * call k of a network's life gets mask seed (seed, k), so a fit with the same seed repeats.
   */
  constructor(readonly config: NetConfig, readonly store: ParamStore, private readonly seed: number) {
    const { numItems, embDim, head } = config;
    this.items = store.add('items', [numItems + 1, embDim], glorot);
    this.types = config.typed ? store.add('types', [TYPE_VOCAB + 1, embDim], glorot) : null;
    this.encoder = buildEncoder(store, config);
    const dim = this.encoder.outDim;
    const outputs = head.kind === 'items' ? numItems : head.classes;
    if (head.kind === 'items' && head.tied && dim !== embDim) throw new RangeError(`tied output needs hidden size ${dim} = embedding size ${embDim}`);
    this.out = head.kind === 'items' && head.tied ? null : store.add('out', [outputs, dim], glorot);
    this.bias = store.add('out/bias', [outputs, 1], zerosInit);
  }

  private encode(batch: HistoryBatch, training: boolean): Encoded {
    const { size, len, items, types } = batch;
    const pad = this.config.numItems;
    const input = (ids: Int32Array, typeIds: Int32Array | null, shape: number[]): Tensor => {
      const x = embed(this.items, (shape.length === 1 ? tensor1d(ids, 'int32') : tensor2d(ids, [size, len], 'int32')) as Tensor2D);
      if (!this.types || !typeIds) return x;
      return add(x, embed(this.types, (shape.length === 1 ? tensor1d(typeIds, 'int32') : tensor2d(typeIds, [size, len], 'int32')) as Tensor2D));
    };
    if (this.encoder.layout === 'time-major') {
      // Row t·B + b holds sequence b's event t: each time step is one contiguous block.
      const major = (src: Int32Array) => Int32Array.from({ length: size * len }, (_, k) => src[(k % size) * len + Math.floor(k / size)] ?? pad);
      const x = input(major(items), types && major(types), [size * len]) as Tensor2D;
      return { rows: this.encoder.run(x, len), rowOf: (p) => (p % len) * size + Math.floor(p / len), attention: [] };
    }
    const x = input(items, types, [size, len]) as Tensor3D;
    const padMask = cast(equal(tensor2d(items, [size, len], 'int32'), pad), 'float32') as Tensor2D;
    const seeds = () => deriveSeed(this.seed, 1_000_000 + this.dropoutCalls++);
    const { hidden, attention } = this.encoder.run(x, padMask, training, seeds);
    return { rows: hidden, rowOf: (p) => p, attention };
  }

  /** Hidden rows at the given batch positions, with a column of ones for the bias: [N, d + 1]. */
  private select(enc: Encoded, positions: ArrayLike<number>): Tensor2D {
    const rows = Int32Array.from(positions, (p) => enc.rowOf(p));
    return concat([takeRows(enc.rows, rows), ones([rows.length, 1])], 1);
  }

  /** Candidate vectors with their bias column: [U, d + 1], all outputs or just `ids`. */
  private candidates(ids?: Int32Array): Tensor2D {
    const table = (this.out ?? slice(this.items, [0, 0], [this.config.numItems, this.config.embDim])) as Tensor2D;
    if (!ids) return concat([table, this.bias], 1) as Tensor2D;
    const idx = tensor1d(ids, 'int32');
    return concat([embed(this.out ?? this.items, idx), embed(this.bias, idx)], 1) as Tensor2D;
  }

  private inBatch(): boolean {
    const { head, numItems } = this.config;
    return head.kind === 'items' && numItems > head.fullSoftmaxMaxItems;
  }

  /** Mean cross-entropy of the batch's targets (see the header for full vs in-batch candidates). */
  loss(batch: TrainBatch): Scalar {
    if (batch.labels.length === 0) return mul(mean(this.bias), 0) as Scalar; // no targets: a zero with a gradient path
    const h = this.select(this.encode(batch, true), batch.positions);
    if (!this.inBatch()) return softmaxCrossEntropy(h, this.candidates(), tensor1d(batch.labels, 'int32'));
    const distinct = Int32Array.from(new Set(batch.labels));
    const index = new Map(Array.from(distinct, (id, j) => [id, j]));
    const labels = Int32Array.from(batch.labels, (id) => index.get(id) ?? 0);
    return softmaxCrossEntropy(h, this.candidates(distinct), tensor1d(labels, 'int32'));
  }

  /** Logits of every output (items or classes) after each history's newest event: [B, U]. */
  lastLogits(batch: HistoryBatch): Tensor2D {
    const last = Array.from({ length: batch.size }, (_, b) => b * batch.len + batch.len - 1);
    return matMul(this.select(this.encode(batch, false), last), transpose(this.candidates()));
  }

  /** Attention of the newest position over the window in the last block, averaged over heads: [B, L]; null for RNNs. */
  lastAttention(batch: HistoryBatch): Tensor2D | null {
    const { attention } = this.encode(batch, false);
    if (attention.length === 0) return null;
    const { size, len } = batch;
    const rows = attention.map((a) => reshape(slice(a, [0, len - 1, 0], [size, 1, len]), [size, len]));
    return mean(stack(rows), 0) as Tensor2D;
  }

  /**
   * Matmul FLOPs of one training step, forward and backward: 3 × (encoder + head). Every product
   * A[m,k]·B[k,n] costs 2mkn forward and twice that backward (dA and dB); the head's is
   * h[N, d+1]·cᵀ with N targets and U candidates (the catalogue, the batch's distinct targets or
   * the classes). Element-wise work and lookups are not counted.
   */
  flops(batch: TrainBatch): number {
    const n = batch.labels.length;
    const { head, numItems } = this.config;
    const u = head.kind === 'classes' ? head.classes : this.inBatch() ? new Set(batch.labels).size : numItems;
    return 3 * (this.encoder.flops(batch.size, batch.len) + 2 * n * (this.encoder.outDim + 1) * u);
  }

  /** Frees every parameter. */
  dispose(): void {
    this.store.dispose();
  }
}

