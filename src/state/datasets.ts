// Datasets as the UI sees them: live lists from IndexedDB and the actions on them.
import { useLiveQuery } from 'dexie-react-hooks';
import { toCsv } from '../lib/csv';
import { importLockName, withLock } from '../lib/locks';
import { getDb } from '../storage/db';
import * as repo from '../storage/dataset-repo';
import type { DatasetRecord } from '../storage/schema';
import { evictDataset } from '../workers/compute-client';

export type { DatasetRecord, ImportSummary, Rejection } from '../storage/schema';

/** Complete datasets, newest first; undefined while loading. */
export function useDatasets(): DatasetRecord[] | undefined {
  return useLiveQuery(() => repo.listDatasets(getDb()), []);
}

/** One dataset; undefined while loading, null when it does not exist. */
export function useDataset(id: string): DatasetRecord | null | undefined {
  return useLiveQuery(async () => (await repo.getDataset(getDb(), id)) ?? null, [id]);
}

/** Renames a dataset. */
export function renameDataset(id: string, name: string): Promise<void> {
  return repo.renameDataset(getDb(), id, name.trim() || 'Untitled dataset');
}

/** Deletes a dataset and frees its memory in the compute worker. */
export async function deleteDataset(id: string): Promise<void> {
  await repo.deleteDataset(getDb(), id);
  await evictDataset(id);
}

/**
 * Removes imports that a cancel, closed tab or crash left behind. Each waits for its import's lock:
 * a dying worker of the previous page releases it soon; an import running in another tab finishes
 * first, and is then complete and kept.
 */
export async function cleanupInterruptedImports(): Promise<void> {
  const db = getDb();
  const ids = await repo.importingIds(db);
  await Promise.all(ids.map((id) => withLock(importLockName(id), () => repo.removeIfImporting(db, id))));
}

/** Asks the browser not to evict our data under storage pressure; true when granted. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}

/** The full list of skipped lines of an import, as CSV. */
export async function rejectionsCsv(id: string): Promise<string> {
  const rows = await repo.loadRejections(getDb(), id);
  return toCsv(['file', 'line', 'reason'], rows.map((r) => [r.file, r.line, r.reason]));
}
