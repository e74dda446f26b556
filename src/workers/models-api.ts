// The compute worker's model operations, composed from training and recommendation services.
import type { ShopLensDb } from '../storage/db';
import { getResult } from '../storage/result-repo';
import type { LoadedDataset } from './dataset-loader';
import type { RecommendAnswer } from './protocol';
import { forgetService, nextActionOf, recommendFor, service, similarTo, topNCsv } from './recommend';
import { latestRunKey, trainAndEvaluate, type TrainAnswer, type TrainRequest, type TrainUpdate } from './recsys-train';

/** Trains a run and makes its best model the one recommendations use. */
export async function train(db: ShopLensDb, id: string, d: LoadedDataset, req: TrainRequest, onUpdate: (u: TrainUpdate) => void): Promise<TrainAnswer> {
  const answer = await trainAndEvaluate(db, id, d, req, onUpdate);
  forgetService(d);
  return answer;
}

/** The dataset's latest run, or null. */
export async function latestRun(db: ShopLensDb, id: string): Promise<TrainAnswer | null> {
  return (await getResult<TrainAnswer>(db, latestRunKey(id)))?.value ?? null;
}

/** A user's recommendations from the best model of the latest run; null when none was trained. */
export async function recommend(db: ShopLensDb, id: string, d: LoadedDataset, userId: string, n: number, excludeSeen: boolean): Promise<RecommendAnswer | null> {
  const s = await service(db, id, d);
  if (!s) return null;
  const code = (d.table.dicts.user ?? []).indexOf(userId);
  const items = code < 0 ? [] : await recommendFor(s, d, code, n, excludeSeen);
  const firstItem = items[0] ? d.overview.itemLabels.indexOf(items[0].item) : -1;
  const label = s.run.rows.find((r) => r.id === s.run.best)?.label ?? s.run.best;
  return { model: label, items, similar: firstItem >= 0 ? similarTo(s, d, firstItem, 5) : [], nextAction: code < 0 ? null : await nextActionOf(s, code) };
}

/** The top-n of every user as CSV, or null when nothing was trained. */
export async function exportTopN(db: ShopLensDb, id: string, d: LoadedDataset, n: number, excludeSeen: boolean): Promise<{ csv: ArrayBuffer; rows: number } | null> {
  const s = await service(db, id, d);
  return s ? topNCsv(s, d, n, excludeSeen) : null;
}
