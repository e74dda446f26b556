// Recommendations in the product, from the latest training run's best model: per user top-N with a
// "because you …" explanation, similar items, and the top-N of every user as CSV. Neural models load
// their saved weights (no retraining); baselines refit on the run's training split (deterministic,
// about a second).
import { explain, ItemKnn, similarItems } from '../models/recsys/baselines/item-knn';
import { NeuralRecommender } from '../models/recsys/neural/neural-recommender';
import { NextActionModel, type NextActionProbs } from '../models/recsys/neural/next-action';
import { createModel, isNeural } from '../models/recsys/registry';
import { topK } from '../models/recsys/top-k';
import type { Interactions, Recommender } from '../models/recsys/types';
import { toCsv } from '../lib/csv';
import type { ShopLensDb } from '../storage/db';
import { getResult } from '../storage/result-repo';
import type { LoadedDataset } from './dataset-loader';
import { actionInteractionsFrom, itemInteractionsFrom } from './recsys-data';
import { latestRunKey, NEXT_ACTION_ID, splitFor, type TrainAnswer } from './recsys-train';
import { ensureRuntime } from './runtime';

/** One recommended item with its score and the history items behind it. */
export interface Recommendation {
  item: string;
  score: number;
  because: string[];
  /** Where `because` comes from: the model's own attention (SASRec) or item neighbours (co-purchases). */
  basis: 'attention' | 'neighbours';
}

/** Interactions with the group index of each user code. */
interface Indexed {
  data: Interactions;
  groupOf: Map<number, number>;
}

/** A ready recommender for one dataset. */
interface Service {
  run: TrainAnswer;
  model: Recommender;
  /** The next-action model and what it reads: every typed event, repeats kept, as it was trained. */
  nextAction: { model: NextActionModel; events: Indexed } | null;
  knn: ItemKnn;
  all: Interactions;
  groupOf: Map<number, number>;
}

const services = new WeakMap<LoadedDataset, Promise<Service | null>>();

/** The latest run's best model, loaded once per dataset; null when nothing was trained yet. */
export function service(db: ShopLensDb, datasetId: string, d: LoadedDataset): Promise<Service | null> {
  let s = services.get(d);
  if (!s) {
    s = build(db, datasetId, d);
    services.set(d, s);
  }
  return s;
}

/** Forgets the loaded model (after a new training run). */
export function forgetService(d: LoadedDataset): void {
  services.delete(d);
}

async function build(db: ShopLensDb, datasetId: string, d: LoadedDataset): Promise<Service | null> {
  const run = (await getResult<TrainAnswer>(db, latestRunKey(datasetId)))?.value;
  if (!run) return null;
  const split = splitFor(d, run.request);
  let model: Recommender;
  const saved = isNeural(run.best) ? await db.models.get(`${run.runId}:${run.best}`) : undefined;
  if (saved || isNeural(run.best)) await ensureRuntime();
  if (saved) {
    model = NeuralRecommender.load({ topology: saved.topology, weights: saved.weights, config: saved.config } as Parameters<typeof NeuralRecommender.load>[0]);
  } else {
    model = createModel(isNeural(run.best) ? 'itemknn' : run.best, run.request.hyper);
    await model.fit(split.train, { epochs: run.request.hyper.epochs, seed: run.request.hyper.seed });
  }
  const nextSaved = await db.models.get(`${run.runId}:${NEXT_ACTION_ID}`);
  const nextAction = nextSaved ? { model: NextActionModel.load(nextSaved as unknown as Parameters<typeof NextActionModel.load>[0]), events: indexed(actionInteractionsFrom(d.table, d.byUser)) } : null;
  const knn = new ItemKnn();
  await knn.fit(split.train, { epochs: 1, seed: run.request.hyper.seed });
  const { data: all, groupOf } = indexed(itemInteractionsFrom(d.table, d.byUser));
  return { run, model, nextAction, knn, all, groupOf };
}

/** `data` with a map from user code to its group index. */
function indexed(data: Interactions): Indexed {
  const groupOf = new Map<number, number>();
  data.userCodes.forEach((code, g) => groupOf.set(code, g));
  return { data, groupOf };
}

/** A user's full interaction history (item codes, oldest first). */
function historyOf(s: Service, userCode: number): Int32Array {
  const g = s.groupOf.get(userCode);
  return g === undefined ? new Int32Array(0) : s.all.items.slice(s.all.offsets[g], s.all.offsets[g + 1]);
}

/** Top-n items of many histories, optionally without items already in the history. */
async function topItems(s: Service, histories: Int32Array[], n: number, excludeSeen: boolean): Promise<{ items: Int32Array; scores: number[] }[]> {
  const scores = await s.model.score(histories);
  return scores.map((sc, i) => {
    const mask = excludeSeen ? new Uint8Array(sc.length) : undefined;
    if (mask) for (const it of histories[i] ?? []) mask[it] = 1;
    const items = topK(sc, n, mask).filter((it) => it >= 0);
    return { items, scores: Array.from(items, (it) => sc[it] ?? 0) };
  });
}

/** Top-n recommendations for a user with explanations; null when the dataset has no trained model. */
export async function recommendFor(s: Service, d: LoadedDataset, userCode: number, n: number, excludeSeen: boolean): Promise<Recommendation[]> {
  const history = historyOf(s, userCode);
  if (history.length === 0) return [];
  const [top] = await topItems(s, [history], n, excludeSeen);
  const label = (it: number) => d.overview.itemLabels[it] ?? `#${it}`;
  const attention = s.model instanceof NeuralRecommender && s.model.id === 'sasrec' ? await s.model.explain(history, 2) : null;
  return Array.from(top?.items ?? [], (it, k) => ({
    item: label(it),
    score: top?.scores[k] ?? 0,
    because: (attention ?? explain(s.knn, history, it, 2)).map((w) => label(w.item)),
    basis: attention ? 'attention' : 'neighbours',
  }));
}

/** Probabilities of the user's next action (null without a trained next-action model or history). */
export async function nextActionOf(s: Service, userCode: number): Promise<NextActionProbs | null> {
  if (!s.nextAction) return null;
  const { model, events } = s.nextAction;
  const g = events.groupOf.get(userCode);
  if (g === undefined) return null;
  const from = events.data.offsets[g] as number, to = events.data.offsets[g + 1] as number;
  return model.predictNextAction(events.data.items.slice(from, to), events.data.type.slice(from, to));
}

/** Items most often bought or viewed by the same customers as `item`. */
export function similarTo(s: Service, d: LoadedDataset, item: number, n: number): { item: string; similarity: number }[] {
  return similarItems(s.knn, item, n).map((w) => ({ item: d.overview.itemLabels[w.item] ?? `#${w.item}`, similarity: w.weight }));
}

/** CSV of the top-n items of every user with history; no cap. */
export async function topNCsv(s: Service, d: LoadedDataset, n: number, excludeSeen: boolean): Promise<{ csv: ArrayBuffer; rows: number }> {
  const ids = d.table.dicts.user ?? [];
  const itemIds = d.table.dicts.item ?? [];
  const rows: (string | number)[][] = [];
  const users = s.all.userCodes.length;
  for (let from = 0; from < users; from += 256) {
    const codes = Array.from(s.all.userCodes.subarray(from, Math.min(users, from + 256)));
    const tops = await topItems(s, codes.map((c) => historyOf(s, c)), n, excludeSeen);
    tops.forEach((t, i) => t.items.forEach((it, r) => rows.push([ids[codes[i] ?? -1] ?? '', r + 1, itemIds[it] ?? '', d.overview.itemLabels[it] ?? '', Math.round((t.scores[r] ?? 0) * 1e4) / 1e4])));
  }
  const text = toCsv(['user_id', 'rank', 'item_id', 'item', 'score'], rows);
  return { csv: new TextEncoder().encode(text).buffer as ArrayBuffer, rows: rows.length };
}
