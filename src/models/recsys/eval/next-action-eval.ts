// Held-out evaluation of the next-action head (view / cart / purchase / exit): the cases a split
// holds out, classification metrics, and two baselines fitted on the same training labels, so the
// model's figures mean something. Labels everywhere are windows.ts nextAction: the next event's type
// in the same session (cart, purchase, anything else = view) or exit.
import { userCount } from '../interactions';
import { ACTION_UNKNOWN, ACTIONS, nextAction, typeId, TYPE_VOCAB, type NextAction } from '../neural/windows';
import type { Interactions, Split } from '../types';
import { LOO_MIN_INTERACTIONS } from './split';

/** Probabilities are clipped to [LOG_LOSS_EPS, 1] in the log loss, so one confident miss costs at most −ln 1e-7 ≈ 16. */
export const LOG_LOSS_EPS = 1e-7;

/** "What does the user do after event i?": the user's events up to and including i, and the answer. */
export interface ActionCase {
  /** Index of the user group in the Interactions. */
  user: number;
  /** Items of the user's events from the first up to and including i, oldest first. */
  items: Int32Array;
  /** Canonical type codes of those events. */
  types: Uint8Array;
  /** ACTIONS index of what came next. */
  target: number;
}

/** Maps a case to one probability per ACTIONS entry, in that order. */
export type ActionPredictor = (c: ActionCase) => readonly number[];

/** Metrics of one class (one-vs-rest over the argmax predictions). */
export interface ClassMetrics {
  action: NextAction;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Classification metrics of next-action predictions. */
export interface ActionMetrics {
  cases: number;
  accuracy: number;
  macroF1: number;
  logLoss: number;
  perClass: ClassMetrics[];
}

/**
 * The held-out next-action cases of `split`, computed on `full` (the data the split was made from).
 * Time protocol: every event at or after testFrom but each user's last (what follows it is unknown).
 * Leave-last-out: for each user with at least LOO_MIN_INTERACTIONS events, the validation event
 * (b − 2): its target depends on the last event, which training never sees. Histories are views
 * into `full`, not copies.
 */
export function actionCases(full: Interactions, split: Split): ActionCase[] {
  const out: ActionCase[] = [];
  const add = (u: number, first: number, i: number, end: number) => {
    const target = nextAction(full, i, end);
    if (target !== ACTION_UNKNOWN) out.push({ user: u, items: full.items.subarray(first, i + 1), types: full.type.subarray(first, i + 1), target });
  };
  for (let u = 0; u < userCount(full); u++) {
    const a = full.offsets[u] as number, b = full.offsets[u + 1] as number;
    if (split.protocol === 'loo') {
      if (b - a >= LOO_MIN_INTERACTIONS) add(u, a, b - 2, b);
      continue;
    }
    const testFrom = split.testFrom ?? Infinity;
    for (let i = a; i < b; i++) if ((full.ts[i] as number) >= testFrom) add(u, a, i, b);
  }
  return out;
}

/** Index of the largest value; ties go to the lowest index. */
function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < p.length; j++) if ((p[j] as number) > (p[best] as number)) best = j;
  return best;
}

/**
 * Accuracy, macro-F1 and log loss of `probs` (one array of ACTIONS.length probabilities per case)
 * against `targets` (ACTIONS indices). The prediction is the argmax (ties → lowest index). Macro-F1
 * averages the classes that occur as a target or a prediction: a class absent from both has no
 * defined F1 and is left out, while one predicted but never true (or true but never predicted)
 * counts with F1 = 0. Precision of a never-predicted class is 0. With no cases every figure is NaN.
 */
export function actionMetrics(probs: readonly ArrayLike<number>[], targets: ArrayLike<number>): ActionMetrics {
  const k = ACTIONS.length;
  if (probs.length !== targets.length) throw new RangeError(`${probs.length} predictions for ${targets.length} targets`);
  const support = new Array<number>(k).fill(0), predicted = new Array<number>(k).fill(0), hits = new Array<number>(k).fill(0);
  let loss = 0;
  probs.forEach((p, n) => {
    const t = targets[n] as number;
    if (p.length !== k) throw new RangeError(`case ${n} has ${p.length} probabilities, not ${k}`);
    if (!(t >= 0 && t < k)) throw new RangeError(`case ${n} has target ${t}`);
    const guess = argmax(p);
    support[t] = (support[t] as number) + 1;
    predicted[guess] = (predicted[guess] as number) + 1;
    if (guess === t) hits[t] = (hits[t] as number) + 1;
    loss -= Math.log(Math.min(1, Math.max(LOG_LOSS_EPS, p[t] as number)));
  });
  const cases = probs.length;
  const perClass = ACTIONS.map((action, j): ClassMetrics => {
    const [s, q, h] = [support[j] as number, predicted[j] as number, hits[j] as number];
    const precision = q ? h / q : 0, recall = s ? h / s : 0;
    return { action, support: s, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
  const counted = perClass.filter((c, j) => c.support > 0 || (predicted[j] as number) > 0);
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  return {
    cases,
    accuracy: cases ? sum(hits) / cases : NaN,
    macroF1: counted.length ? sum(counted.map((c) => c.f1)) / counted.length : NaN,
    logLoss: cases ? loss / cases : NaN,
    perClass,
  };
}

/** Calls visit(i, label) for every training position: each event of each user but the last, labelled as the model's training labels it. */
function forEachLabel(train: Interactions, visit: (i: number, label: number) => void): void {
  for (let u = 0; u < userCount(train); u++) {
    const b = train.offsets[u + 1] as number;
    for (let i = train.offsets[u] as number; i + 1 < b; i++) visit(i, nextAction(train, i, b));
  }
}

/** Counts normalised to probabilities after adding `smoothing` to each; uniform when there is nothing at all. */
function normalise(counts: readonly number[], smoothing: number): number[] {
  const total = counts.reduce((x, y) => x + y + smoothing, 0);
  return counts.map((c) => (total > 0 ? (c + smoothing) / total : 1 / counts.length));
}

/** Baseline: the training label frequencies, the same for every case. */
export function priorBaseline(train: Interactions): ActionPredictor {
  const counts = new Array<number>(ACTIONS.length).fill(0);
  forEachLabel(train, (_, label) => (counts[label] = (counts[label] as number) + 1));
  const probs = normalise(counts, 0);
  return () => probs;
}

/** Baseline: P(next action | type of the case's latest event), add-one smoothed, from the training labels. */
export function lastTypeBaseline(train: Interactions): ActionPredictor {
  const counts = Array.from({ length: TYPE_VOCAB }, () => new Array<number>(ACTIONS.length).fill(0));
  forEachLabel(train, (i, label) => {
    const row = counts[typeId(train.type[i] as number)] as number[];
    row[label] = (row[label] as number) + 1;
  });
  const table = counts.map((row) => normalise(row, 1));
  return (c) => table[typeId(c.types[c.types.length - 1] ?? 0)] as readonly number[];
}
