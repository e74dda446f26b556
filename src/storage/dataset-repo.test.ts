import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { beginImport, deleteDataset, finishImport, findByHashes, importingIds, listDatasets, loadChunks, putChunk, removeIfImporting } from './dataset-repo';

const mapping = { columns: { time: 0 }, timeFormat: 'iso' as const, typeMap: {}, defaultType: 'view' as const, decimalComma: false };

async function stored(db: ReturnType<typeof openDb>, id: string, complete: boolean, hash = id) {
  const files = [{ name: `${id}.csv`, size: 1, hash }];
  await beginImport(db, { id, name: id, createdAt: Date.now(), preset: 'x', mapping, header: ['t'] });
  await putChunk(db, { datasetId: id, index: 0, rows: 2, columns: { ts: new Float64Array([1, 2]).buffer } });
  await putChunk(db, { datasetId: id, index: 1, rows: 1, columns: { ts: new Float64Array([3]).buffer } });
  if (complete) {
    await finishImport(db, id, {
      files, dictionaries: { user: ['a'] }, rows: 3, timeRange: [1, 3], columns: ['ts'], chunkBytes: 24, rejections: [],
      summary: { rowsRead: 3, rowsRejected: 0, firstRejections: [], reasonCounts: {}, importMs: 1 },
    });
  }
}

describe('dataset repository', () => {
  it('lists only complete datasets and loads chunks in order', async () => {
    const db = openDb(`repo-${crypto.randomUUID()}`);
    await stored(db, 'done', true);
    await stored(db, 'partial', false);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['done']);
    const chunks = await loadChunks(db, 'done');
    expect(chunks.map((c) => c.index)).toEqual([0, 1]);
    expect((await listDatasets(db))[0]?.bytes).toBeGreaterThan(24);
  });

  it('removes interrupted imports with their chunks, and never a complete dataset', async () => {
    const db = openDb(`repo-${crypto.randomUUID()}`);
    await stored(db, 'keep', true);
    await stored(db, 'crashed', false);
    expect(await importingIds(db)).toEqual(['crashed']);
    expect(await removeIfImporting(db, 'crashed')).toBe(true);
    expect(await removeIfImporting(db, 'keep')).toBe(false);
    expect(await db.chunks.where('datasetId').equals('crashed').count()).toBe(0);
    expect(await db.chunks.where('datasetId').equals('keep').count()).toBe(2);
    expect(await importingIds(db)).toEqual([]);
  });

  it('deletes one dataset with its chunks and dictionaries, leaving others intact', async () => {
    const db = openDb(`repo-${crypto.randomUUID()}`);
    await stored(db, 'a', true);
    await stored(db, 'b', true);
    await deleteDataset(db, 'a');
    expect(await db.chunks.count()).toBe(2);
    expect(await db.dictionaries.where('datasetId').equals('a').count()).toBe(0);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['b']);
  });

  it('finds stored files by content hash, ignoring unfinished imports', async () => {
    const db = openDb(`repo-${crypto.randomUUID()}`);
    await stored(db, 'a', true, 'hash-a');
    await stored(db, 'b', false, 'hash-b');
    expect(await findByHashes(db, ['hash-a', 'hash-b', 'zzz'])).toEqual([{ hash: 'hash-a', datasetId: 'a', datasetName: 'a' }]);
  });
});
