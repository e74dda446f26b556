// Training runs in the compute worker: build interactions, split by protocol, fit and evaluate each
// chosen model with the one evaluation module, compare, and save the run (neural weights included).
import type { Metrics, Split, TrainProgress } from '../models/recsys/types';
import { compareModels } from '../models/recsys/eval/compare';
import { evaluate } from '../models/recsys/eval/evaluate';
import { activitySegment } from '../models/recsys/eval/segments';
import { itemCounts } from '../models/recsys/interactions';
import { NeuralRecommender } from '../models/recsys/neural/neural-recommender';
import { BASELINES, createModel, isNeural, MODEL_LABELS, type Hyper, type ModelId } from '../models/recsys/registry';
import type { ShopLensDb } from '../storage/db';
import { putResult } from '../storage/result-repo';
import type { LoadedDataset } from './dataset-loader';
import { trainNextAction, type NextActionReport } from './next-action-run';
import { itemInteractionsFrom, splitByProtocol } from './recsys-data';
import { rfmAtEnd } from './analysis';
import { ensureRuntime } from './runtime';
import { SEGMENTS } from '../analytics/rfm';

/** What to train and how to evaluate it. */
export interface TrainRequest {
  protocol: 'loo' | 'time';
  /** Test window of the time protocol, in days. */
  testDays: number;
  models: ModelId[];
  hyper: Hyper;
  /** Rank against this many sampled negatives instead of the full catalogue (papers' protocol). */
  negatives?: number;
}

/** Live progress of a run. */
export interface TrainUpdate {
  model: ModelId | typeof NEXT_ACTION_ID;
  label: string;
  index: number;
  total: number;
  phase: 'fit' | 'evaluate';
  progress?: TrainProgress;
}

/** One evaluated model of a run. */
export interface ModelResult {
  id: ModelId;
  label: string;
  valid: Metrics;
  test: Metrics;
  /** Test HR@10 and NDCG@10 per user activity level and per RFM segment (at the dataset's end), with case counts. */
  breakdown: { activity: SegmentRow[]; rfm: SegmentRow[] };
  epochs: number;
  epochMs: number;
  seqPerSec: number;
  gflops: number;
  fitMs: number;
  losses: number[];
}

/** Test metrics of one user segment. */
export interface SegmentRow {
  segment: string;
  cases: number;
  hr10: number;
  ndcg10: number;
}

/** Joint labels `activity|rfm` → one breakdown per part, re-weighted by case counts (means only). */
function splitBreakdown(joint: Record<string, Metrics>): ModelResult['breakdown'] {
  const part = (i: 0 | 1): SegmentRow[] => {
    const acc = new Map<string, SegmentRow>();
    for (const [key, m] of Object.entries(joint)) {
      const name = key.split('|')[i] ?? key;
      const row = acc.get(name) ?? { segment: name, cases: 0, hr10: 0, ndcg10: 0 };
      row.hr10 += m.hr10 * m.cases;
      row.ndcg10 += m.ndcg10 * m.cases;
      row.cases += m.cases;
      acc.set(name, row);
    }
    return [...acc.values()].map((r) => ({ ...r, hr10: r.cases ? r.hr10 / r.cases : 0, ndcg10: r.cases ? r.ndcg10 / r.cases : 0 })).sort((a, b) => a.segment.localeCompare(b.segment));
  };
  return { activity: part(0), rfm: part(1) };
}

/** A finished run: the comparison table and what it was computed on. */
export interface TrainAnswer {
  runId: string;
  request: TrainRequest;
  backend: string;
  users: number;
  items: number;
  interactions: number;
  validCases: number;
  testCases: number;
  rows: ModelResult[];
  best: ModelId;
  notes: string[];
  createdAt: number;
  /** Held-out next-action metrics of the model and its baselines; absent without neural models (and in runs saved before it existed). */
  nextAction?: NextActionReport;
}

/** Suffix of the saved next-action model of a run. */
export const NEXT_ACTION_ID = 'next-action';

/** Key of a dataset's latest run in the results table. */
export const latestRunKey = (datasetId: string) => `recsys:${datasetId}:latest`;

/** The split a request asks for. */
export function splitFor(d: LoadedDataset, req: Pick<TrainRequest, 'protocol' | 'testDays'>): Split {
  return splitByProtocol(itemInteractionsFrom(d.table, d.byUser), req);
}

/** Trains and evaluates every requested model; saves the run and the neural models' weights. */
export async function trainAndEvaluate(db: ShopLensDb, datasetId: string, d: LoadedDataset, req: TrainRequest, onUpdate: (u: TrainUpdate) => void): Promise<TrainAnswer> {
  const backend = req.models.some(isNeural) ? (await ensureRuntime()).name : 'js';
  const split = splitFor(d, req);
  const rfm = rfmAtEnd(d);
  const popularity = itemCounts(split.train);
  const numItems = split.train.numItems;
  const rows: ModelResult[] = [];
  const runId = crypto.randomUUID();
  const saved: { id: string; weights: ArrayBuffer; topology: unknown; config: unknown; metrics: ModelResult | null }[] = [];
  for (const [index, id] of req.models.entries()) {
    const model = createModel(id, req.hyper);
    const label = MODEL_LABELS[id];
    const t0 = performance.now();
    const fit = await model.fit(split.train, {
      epochs: req.hyper.epochs, seed: req.hyper.seed, valid: split.valid,
      onProgress: (progress) => onUpdate({ model: id, label, index, total: req.models.length, phase: 'fit', progress }),
    });
    const fitMs = performance.now() - t0;
    onUpdate({ model: id, label, index, total: req.models.length, phase: 'evaluate' });
    const opts = { numItems, popularity, negatives: req.negatives, seed: req.hyper.seed };
    const valid = await evaluate(model, split.valid, opts);
    const test = await evaluate(model, split.test, { ...opts, segmentOf: (c) => `${activitySegment(c)}|${SEGMENTS[rfm.segment[split.train.userCodes[c.user] ?? -1] ?? -1] ?? 'not a customer'}` });
    const row: ModelResult = {
      id, label, valid: valid.overall, test: test.overall, breakdown: splitBreakdown(test.bySegment),
      epochs: fit.epochs, epochMs: fit.epochMs, seqPerSec: fit.seqPerSec, gflops: fit.gflops, fitMs, losses: fit.losses,
    };
    rows.push(row);
    if (model instanceof NeuralRecommender) {
      const s = await model.save();
      saved.push({ id: `${runId}:${id}`, weights: s.weights, topology: s.topology, config: s.config, metrics: row });
      model.dispose();
    }
  }
  let nextAction: NextActionReport | undefined;
  if (req.models.some(isNeural)) {
    // The next-action head (view / cart / purchase / exit) trains on typed events with repeats kept.
    const next = await trainNextAction(d, req, (phase, progress) => onUpdate({ model: NEXT_ACTION_ID, label: 'Next-action head', index: req.models.length - 1, total: req.models.length, phase, progress }));
    nextAction = next.report;
    saved.push({ id: `${runId}:${NEXT_ACTION_ID}`, weights: next.saved.weights, topology: next.saved.topology, config: next.saved.config, metrics: null });
  }
  const cmp = compareModels(rows, [...BASELINES]);
  const answer: TrainAnswer = {
    runId, request: req, backend, users: split.train.offsets.length - 1, items: numItems, interactions: split.train.items.length,
    validCases: split.valid.length, testCases: split.test.length, rows, best: cmp.best as ModelId, notes: cmp.notes, createdAt: Date.now(), nextAction,
  };
  await db.transaction('rw', [db.models, db.results], async () => {
    await db.models.where('datasetId').equals(datasetId).delete();
    await db.models.bulkPut(saved.map((s) => ({ id: s.id, datasetId, config: s.config, metrics: s.metrics, topology: s.topology, weights: s.weights, createdAt: answer.createdAt })));
    await putResult(db, latestRunKey(datasetId), datasetId, answer);
  });
  return answer;
}
