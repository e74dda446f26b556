// The next-action head of a training run: its own interactions (every typed event, repeats kept),
// split under the run's protocol, fitted on the training part and evaluated on the held-out cases
// next to two baselines fitted on the same training labels (models/recsys/eval/next-action-eval.ts).
import { EVAL_BATCH } from '../models/recsys/eval/evaluate';
import { actionCases, actionMetrics, lastTypeBaseline, priorBaseline, type ActionCase, type ActionMetrics, type ActionPredictor } from '../models/recsys/eval/next-action-eval';
import { createNextActionModel, type NextActionModel } from '../models/recsys/neural/next-action';
import type { SavedModel } from '../models/recsys/neural/sequence-model';
import { ACTIONS } from '../models/recsys/neural/windows';
import type { TrainProgress } from '../models/recsys/types';
import type { LoadedDataset } from './dataset-loader';
import { actionInteractionsFrom, splitByProtocol } from './recsys-data';
import type { TrainRequest } from './recsys-train';

/** One predictor's held-out next-action metrics. */
export interface NextActionRow {
  id: 'model' | 'last-type' | 'prior';
  label: string;
  metrics: ActionMetrics;
}

/** The next-action evaluation of a run: the model, then the last-type and class-frequency baselines. */
export interface NextActionReport {
  cases: number;
  rows: NextActionRow[];
}

/** Probabilities of the model for every case, predicted EVAL_BATCH histories at a time. */
async function modelProbs(model: NextActionModel, cases: readonly ActionCase[]): Promise<number[][]> {
  const out: number[][] = [];
  for (let from = 0; from < cases.length; from += EVAL_BATCH) {
    const probs = await model.predictNextActions(cases.slice(from, from + EVAL_BATCH));
    for (const p of probs) out.push(ACTIONS.map((a) => p[a]));
  }
  return out;
}

/**
 * Fits the next-action head for `req` and evaluates it; `onUpdate` hears its fit progress, then
 * the start of its evaluation. Resolves to the report and the saved model (the network is freed).
 */
export async function trainNextAction(d: Pick<LoadedDataset, 'table' | 'byUser'>, req: TrainRequest, onUpdate: (phase: 'fit' | 'evaluate', progress?: TrainProgress) => void): Promise<{ report: NextActionReport; saved: SavedModel }> {
  const data = actionInteractionsFrom(d.table, d.byUser);
  const split = splitByProtocol(data, req);
  const model = createNextActionModel({ embDim: req.hyper.dim });
  try {
    await model.fit(split.train, { epochs: req.hyper.epochs, seed: req.hyper.seed, onProgress: (p) => onUpdate('fit', p) });
    onUpdate('evaluate');
    const cases = actionCases(data, split);
    const targets = cases.map((c) => c.target);
    const baseline = (f: ActionPredictor) => actionMetrics(cases.map(f), targets);
    const rows: NextActionRow[] = [
      { id: 'model', label: model.label, metrics: actionMetrics(await modelProbs(model, cases), targets) },
      { id: 'last-type', label: 'By last event type (baseline)', metrics: baseline(lastTypeBaseline(split.train)) },
      { id: 'prior', label: 'Class frequencies (baseline)', metrics: baseline(priorBaseline(split.train)) },
    ];
    return { report: { cases: cases.length, rows }, saved: await model.save() };
  } finally {
    model.dispose();
  }
}
