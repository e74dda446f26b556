// Datasets and their chunks: the only durable copy of imported events.
import type { ShopLensDb } from './db';
import type { ChunkRecord, DatasetRecord, ImportSummary, Rejection, SourceFile } from './schema';

/**
 * Starts an import: the record stays `importing` (and invisible) until finishImport, which also
 * records the files (their hashes may still be computing when the import starts).
 */
export async function beginImport(db: ShopLensDb, rec: Omit<DatasetRecord, 'status' | 'rows' | 'timeRange' | 'bytes' | 'columns' | 'summary' | 'files' | 'fileHashes'>): Promise<void> {
  await db.datasets.add({
    ...rec, status: 'importing', files: [], fileHashes: [],
    rows: 0, timeRange: null, bytes: 0, columns: [], summary: null,
  });
}

/** Writes one chunk of an import in progress. */
export async function putChunk(db: ShopLensDb, chunk: ChunkRecord): Promise<void> {
  await db.chunks.put(chunk);
}

/** What finishImport records besides the chunks already written. */
export interface ImportResult {
  /** The source files with their content hashes. */
  files: SourceFile[];
  dictionaries: Record<string, string[]>;
  rows: number;
  timeRange: [number, number] | null;
  columns: string[];
  chunkBytes: number;
  summary: ImportSummary;
  rejections: Rejection[];
}

/** Writes dictionaries and the report, then marks the dataset complete, all in one transaction. */
export async function finishImport(db: ShopLensDb, id: string, r: ImportResult): Promise<void> {
  const dictBytes = Object.values(r.dictionaries).reduce((s, v) => s + v.reduce((a, x) => a + 2 * x.length + 8, 0), 0);
  await db.transaction('rw', [db.datasets, db.dictionaries, db.reports], async () => {
    await db.dictionaries.bulkPut(Object.entries(r.dictionaries).map(([column, values]) => ({ datasetId: id, column, values })));
    await db.reports.put({ datasetId: id, rejections: r.rejections });
    await db.datasets.update(id, {
      files: r.files, fileHashes: r.files.map((f) => f.hash),
      status: 'complete', rows: r.rows, timeRange: r.timeRange, columns: r.columns,
      bytes: r.chunkBytes + dictBytes, summary: r.summary,
    });
  });
}

/** Deletes a dataset and everything derived from it. Other datasets are untouched. */
export async function deleteDataset(db: ShopLensDb, id: string): Promise<void> {
  await db.transaction('rw', [db.datasets, db.chunks, db.dictionaries, db.reports, db.results, db.models], async () => {
    await db.chunks.where('datasetId').equals(id).delete();
    await db.dictionaries.where('datasetId').equals(id).delete();
    await db.results.where('datasetId').equals(id).delete();
    await db.models.where('datasetId').equals(id).delete();
    await db.reports.delete(id);
    await db.datasets.delete(id);
  });
}

/** Ids of datasets still marked `importing`: running now, or left by a cancel, closed tab or crash. */
export function importingIds(db: ShopLensDb): Promise<string[]> {
  return db.datasets.where('status').equals('importing').primaryKeys();
}

/** Deletes a dataset only if it is still `importing`; call it while holding the import's lock. */
export async function removeIfImporting(db: ShopLensDb, id: string): Promise<boolean> {
  const d = await db.datasets.get(id);
  if (d?.status !== 'importing') return false;
  await deleteDataset(db, id);
  return true;
}

/** Complete datasets, newest first. */
export async function listDatasets(db: ShopLensDb): Promise<DatasetRecord[]> {
  const all = await db.datasets.where('status').equals('complete').toArray();
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** One complete dataset, or undefined. */
export async function getDataset(db: ShopLensDb, id: string): Promise<DatasetRecord | undefined> {
  const d = await db.datasets.get(id);
  return d?.status === 'complete' ? d : undefined;
}

/** Renames a dataset. */
export async function renameDataset(db: ShopLensDb, id: string, name: string): Promise<void> {
  await db.datasets.update(id, { name });
}

/** Stored datasets that already hold a file with one of these hashes. */
export async function findByHashes(db: ShopLensDb, hashes: string[]): Promise<{ hash: string; datasetId: string; datasetName: string }[]> {
  const found = await db.datasets.where('fileHashes').anyOf(hashes).toArray();
  return found
    .filter((d) => d.status === 'complete')
    .flatMap((d) => d.fileHashes.filter((h) => hashes.includes(h)).map((hash) => ({ hash, datasetId: d.id, datasetName: d.name })));
}

/** A dataset's chunks in order. */
export async function loadChunks(db: ShopLensDb, id: string): Promise<ChunkRecord[]> {
  return db.chunks.where('[datasetId+index]').between([id, 0], [id, Infinity]).toArray();
}

/** A dataset's dictionaries by column name. */
export async function loadDictionaries(db: ShopLensDb, id: string): Promise<Record<string, string[]>> {
  const rows = await db.dictionaries.where('datasetId').equals(id).toArray();
  return Object.fromEntries(rows.map((r) => [r.column, r.values]));
}

/** The full list of lines an import skipped. */
export async function loadRejections(db: ShopLensDb, id: string): Promise<Rejection[]> {
  return (await db.reports.get(id))?.rejections ?? [];
}
