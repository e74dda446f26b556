// Next-action prediction: after a user's latest event, how likely is the next one a view, an add to
// cart, a purchase, or the end of the session? The same sequence network as the recommenders, over
// typed events (x_t = E[item_t] + T[type_t]), with a 4-way softmax head: p = softmax(h_t·Cᵀ + b).
// Targets come from the pipeline (windows.ts, nextAction): the next event's type, or exit when the
// next event is in another session. After a user's last event nothing is known, so it is no target.
import { softmax } from '@tensorflow/tfjs';
import type { FitOptions, Metrics } from '../types';
import type { EncoderSpec } from './encoder';
import { DEFAULT_EMB_DIM, modelSpec, type SequenceOptions } from './model-options';
import { SequenceModel, savedSpec, type SavedModel } from './sequence-model';
import { ACTIONS, historyBatch, type NextAction } from './windows';

/** Probability of each next action; they sum to 1. */
export type NextActionProbs = Record<NextAction, number>;

/** A user's events, oldest first: item ids and canonical type codes (0 view, 1 cart, 5 purchase, …). */
export interface TypedHistory {
  items: Int32Array;
  types: ArrayLike<number>;
}

/** Options of the next-action model: its encoder (GRU by default) and the shared sequence options. */
export interface NextActionOptions extends Omit<SequenceOptions, 'tied' | 'fullSoftmaxMaxItems'> {
  encoder?: 'gru' | 'lstm' | 'sasrec';
  /** GRU state size (or the LSTM's top layer; SASRec uses embDim). */
  hidden?: number;
}

/** Predicts the next action from a user's typed event sequence. */
export class NextActionModel extends SequenceModel {
  /** Restores a model written by save(); its predictions equal the saved model's. */
  static load(saved: SavedModel): NextActionModel {
    const model = new NextActionModel(savedSpec(saved));
    model.attach(saved);
    return model;
  }

  // FitOptions.valid holds next-item cases, which say nothing about actions: train every epoch.
  protected validator(_opts: FitOptions): (() => Promise<Partial<Metrics>>) | undefined {
    return undefined;
  }

  /** Next-action probabilities after each history (its last maxLen events). */
  predictNextActions(histories: readonly TypedHistory[]): Promise<NextActionProbs[]> {
    const { maxLen } = this.spec.net;
    const pad = this.trained().config.numItems;
    return this.mapBatches(histories.length, (from, to) => {
      const part = histories.slice(from, to);
      return historyBatch(part.map((h) => h.items), part.map((h) => h.types), maxLen, pad);
    }, (net, batch) => [softmax(net.lastLogits(batch))], ([p], row) => {
      const probs = {} as NextActionProbs;
      ACTIONS.forEach((a, j) => (probs[a] = p?.[row * ACTIONS.length + j] ?? NaN));
      return probs;
    });
  }

  /** Next-action probabilities after one history: `items` and `types` are parallel, oldest first. */
  async predictNextAction(items: Int32Array, types: ArrayLike<number>): Promise<NextActionProbs> {
    if (items.length !== types.length) throw new RangeError('items and types must have the same length');
    const [probs] = await this.predictNextActions([{ items, types }]);
    if (!probs) throw new Error('no prediction');
    return probs;
  }
}

/** A next-action model: GRU(64) over item + event-type embeddings by default. */
export function createNextActionModel(o: NextActionOptions = {}): NextActionModel {
  const kind = o.encoder ?? 'gru';
  const hidden = o.hidden ?? o.embDim ?? DEFAULT_EMB_DIM;
  const encoder: EncoderSpec = kind === 'gru' ? { kind, hidden } : kind === 'lstm' ? { kind, hidden: [2 * hidden, hidden] } : { kind, blocks: 2, heads: 1, dropout: 0.2 };
  const head = { kind: 'classes' as const, classes: ACTIONS.length };
  return new NextActionModel(modelSpec(`next-action-${kind}`, `Next action (${kind.toUpperCase()})`, 'action', { encoder, head, typed: true }, o));
}
