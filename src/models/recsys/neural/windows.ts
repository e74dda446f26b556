// The one data pipeline of the sequence models: windows over each user's time-ordered events, left-
// padded to L, cut into seeded-shuffled batches, and the same padding for histories at scoring time.
//
// Input position i (a global index into Interactions) is the event the model has just seen; its
// target is the next item (items[i+1], kind 'item') or the next action (kind 'action': the next
// event's type, or exit when the next event is in another session). A user with events [o, o+n)
// has inputs o … o+n−2: after the last event nothing is known (the data may simply end there, or
// hold out what came next), so it is no one's target. Windows are right-aligned: the newest window holds the last L inputs, the
// next one ends `stride` earlier, and so on. A window counts loss only on its last `stride`
// positions (targets no newer window covered), so every target is trained once per epoch, with
// at least L − stride events of context once the history is that long.
import { createRng, deriveSeed } from '../../../lib/random';
import { CANONICAL_TYPES } from '../../../lib/canonical';
import type { Interactions } from '../types';

/** What a position learns to predict. */
export type TargetKind = 'item' | 'action';

/** The next-action classes, in the order of the action head's outputs. */
export const ACTIONS = ['view', 'cart', 'purchase', 'exit'] as const;
/** One next-action class. */
export type NextAction = (typeof ACTIONS)[number];

const CART = CANONICAL_TYPES.indexOf('cart');
const PURCHASE = CANONICAL_TYPES.indexOf('purchase');
const [, ACTION_CART, ACTION_PURCHASE, ACTION_EXIT] = [0, 1, 2, 3] as const;

/** Event-type ids the input embedding knows: canonical codes 0…14 keep their own row, later codes share row 15. */
export const TYPE_VOCAB = 16;
/** The type id of padding positions (the type table has TYPE_VOCAB + 1 rows). */
export const TYPE_PAD = TYPE_VOCAB;

/** Windows as parallel arrays of global indices: inputs [start, end), loss counted from lossFrom. */
export interface WindowSet {
  start: Uint32Array;
  end: Uint32Array;
  lossFrom: Uint32Array;
  count: number;
}

/** One training batch, batch-major: position (b, t) is index b·len + t. */
export interface TrainBatch {
  size: number;
  len: number;
  /** Item ids, PAD (= numItems) before each window's first event. */
  items: Int32Array;
  /** Event-type ids (TYPE_PAD on padding), when the model reads types. */
  types: Int32Array | null;
  /** b·len + t of every position with a target. */
  positions: Int32Array;
  /** The target of each of those positions: an item id or an ACTIONS index. */
  labels: Int32Array;
}

/** Left-padded histories for scoring: positions as in TrainBatch, no targets. */
export type HistoryBatch = Omit<TrainBatch, 'positions' | 'labels'>;

/** Input type id of a canonical type code. */
export function typeId(code: number): number {
  return Math.min(Math.max(code, 0), TYPE_VOCAB - 1);
}

/** A position whose next action is unknown: the user's last event in the data at hand. */
export const ACTION_UNKNOWN = -1;

/**
 * The next-action class after input position i of a user whose events end at `userEnd` (exclusive),
 * or ACTION_UNKNOWN after the user's last event: that one's session may go on in data not seen here
 * (a split's held-out part, or days after the export), so calling it an exit would be a guess.
 */
export function nextAction(data: Interactions, i: number, userEnd: number): number {
  if (i + 1 >= userEnd) return ACTION_UNKNOWN;
  if (data.session[i + 1] !== data.session[i]) return ACTION_EXIT;
  const next = data.type[i + 1];
  // Checkout, wishlist and the like count as browsing: the head tells buying from looking.
  return next === CART ? ACTION_CART : next === PURCHASE ? ACTION_PURCHASE : 0;
}

/** Cuts every user's inputs into right-aligned windows of at most maxLen, `stride` apart. */
export function cutWindows(data: Interactions, maxLen: number, stride: number): WindowSet {
  if (!(stride >= 1 && stride <= maxLen)) throw new RangeError(`stride must be in [1, ${maxLen}]`);
  const start: number[] = [];
  const end: number[] = [];
  const lossFrom: number[] = [];
  for (let u = 0; u + 1 < data.offsets.length; u++) {
    const first = data.offsets[u] ?? 0;
    const inputsEnd = (data.offsets[u + 1] ?? 0) - 1;
    for (let e = inputsEnd; e > first; e -= stride) {
      start.push(Math.max(first, e - maxLen));
      end.push(e);
      lossFrom.push(Math.max(first, e - stride));
    }
  }
  return { start: Uint32Array.from(start), end: Uint32Array.from(end), lossFrom: Uint32Array.from(lossFrom), count: start.length };
}

/** Copies events [from, to) into row b, right-aligned, after padding. Ids outside the catalogue read as PAD. */
function fillRow(out: HistoryBatch, b: number, items: ArrayLike<number>, types: ArrayLike<number> | null, from: number, to: number, pad: number): number {
  const { len } = out;
  const shift = b * len + len - (to - from);
  out.items.fill(pad, b * len, shift);
  out.types?.fill(TYPE_PAD, b * len, shift);
  for (let i = from; i < to; i++) {
    const item = items[i] ?? -1;
    out.items[shift + i - from] = item >= 0 && item < pad ? item : pad;
    if (out.types) out.types[shift + i - from] = typeId(types?.[i] ?? 0);
  }
  return shift - from; // row index of global input i is i + this
}

/** The batches of one epoch, in an order shuffled by (seed, epoch). */
export function* epochBatches(
  data: Interactions, windows: WindowSet,
  opts: { kind: TargetKind; maxLen: number; batchSize: number; typed: boolean; seed: number; epoch: number },
): Generator<TrainBatch> {
  const order = createRng(deriveSeed(opts.seed, 1000 + opts.epoch)).shuffle(Array.from({ length: windows.count }, (_, i) => i));
  const userEnd = userEnds(data);
  for (let first = 0; first < order.length; first += opts.batchSize) {
    const ids = order.slice(first, first + opts.batchSize);
    const size = ids.length;
    const len = opts.maxLen;
    const batch: HistoryBatch = { size, len, items: new Int32Array(size * len), types: opts.typed ? new Int32Array(size * len) : null };
    const positions: number[] = [];
    const labels: number[] = [];
    ids.forEach((w, b) => {
      const [from, to, lossFrom] = [windows.start[w] ?? 0, windows.end[w] ?? 0, windows.lossFrom[w] ?? 0];
      const rowOf = fillRow(batch, b, data.items, opts.typed ? data.type : null, from, to, data.numItems);
      for (let i = lossFrom; i < to; i++) {
        const label = opts.kind === 'item' ? (data.items[i + 1] ?? -1) : nextAction(data, i, userEnd[i] ?? 0);
        if (label < 0 || (opts.kind === 'item' && label >= data.numItems)) continue;
        positions.push(i + rowOf);
        labels.push(label);
      }
    });
    yield { ...batch, positions: Int32Array.from(positions), labels: Int32Array.from(labels) };
  }
}

/** For each global index, the end (exclusive) of its user's events. */
function userEnds(data: Interactions): Uint32Array {
  const out = new Uint32Array(data.items.length);
  for (let u = 0; u + 1 < data.offsets.length; u++) out.fill(data.offsets[u + 1] ?? 0, data.offsets[u] ?? 0, data.offsets[u + 1] ?? 0);
  return out;
}

/** The last maxLen events of each history, left-padded; row b's newest event sits at t = len − 1. */
export function historyBatch(histories: readonly Int32Array[], types: readonly ArrayLike<number>[] | null, maxLen: number, pad: number): HistoryBatch {
  const size = histories.length;
  const out: HistoryBatch = { size, len: maxLen, items: new Int32Array(size * maxLen), types: types ? new Int32Array(size * maxLen) : null };
  histories.forEach((h, b) => {
    const from = Math.max(0, h.length - maxLen);
    fillRow(out, b, h, types?.[b] ?? null, from, h.length, pad);
  });
  return out;
}
