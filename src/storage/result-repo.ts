// Cached analysis outputs (forecasts, later segments and recommendations), keyed by dataset and params.
import type { ShopLensDb } from './db';

/** The stored value under `key`, if any. */
export async function getResult<T>(db: ShopLensDb, key: string): Promise<{ value: T; createdAt: number } | undefined> {
  const r = await db.results.get(key);
  return r ? { value: r.value as T, createdAt: r.createdAt } : undefined;
}

/** Stores `value` under `key` for a dataset (deleted with the dataset). */
export async function putResult(db: ShopLensDb, key: string, datasetId: string, value: unknown): Promise<void> {
  await db.results.put({ key, datasetId, value, createdAt: Date.now() });
}
