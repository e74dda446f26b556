// Chunk writes: through another connection (the app's writer worker), and a write failing in the
// middle of an import, after other chunks were stored, leaves nothing behind.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { CHUNK_ROWS, type EncodedChunk } from '../ingest/encoder';
import { loadChunks, putChunk } from '../storage/dataset-repo';
import { openDb } from '../storage/db';
import type { ChunkRecord } from '../storage/schema';
import { fileSource } from './file-source';
import { runImport } from './import-job';
import { inspectFiles } from './inspect';
import { importFile } from './real-data.test-util';

/** A click log of `rows` rows: about `rows / CHUNK_ROWS` chunks. */
function clickLog(rows: number): File {
  const lines = ['user_id,item_id,timestamp'];
  for (let i = 0; i < rows; i++) lines.push(`u${i % 997},i${i % 89},${1_600_000_000 + i}`);
  return new File([lines.join('\n')], 'clicks.csv');
}

type Db = ReturnType<typeof openDb>;

/** Replaces the chunk table's put (Dexie's own promise type aside). */
function spyPut(db: Db, put: (...args: Parameters<Db['chunks']['put']>) => Promise<unknown>) {
  vi.spyOn(db.chunks, 'put').mockImplementation(put as Db['chunks']['put']);
}

/** Imports `file` with its chunks stored by `store`, as the ingest worker does through its writer. */
async function importStoring(db: Db, file: File, store: (chunk: ChunkRecord) => Promise<EncodedChunk>): Promise<number> {
  const ins = await inspectFiles(db, [file]);
  const spec = { datasetId: 'd', name: file.name, header: ins.info.header, mapping: ins.guess.mapping, preset: ins.guess.preset };
  return runImport(db, spec, [fileSource(file, false, ins.info)], () => undefined, { store });
}

describe('chunk writes', () => {
  const rows = CHUNK_ROWS * 7 + 5;

  it('go through the store the import is given, on a connection of its own, every chunk once', async () => {
    const name = `writes-${crypto.randomUUID()}`;
    const db = openDb(name);
    const writerDb = openDb(name);
    const indexes: number[] = [];
    const n = await importStoring(db, clickLog(rows), async (chunk) => {
      indexes.push(chunk.index);
      await putChunk(writerDb, chunk);
      return chunk;
    });
    expect(n).toBe(rows);
    const stored = await loadChunks(db, 'd');
    expect(stored.map((c) => c.index)).toEqual(indexes);
    expect(stored.reduce((s, c) => s + c.rows, 0)).toBe(rows);
    expect((await db.datasets.get('d'))?.status).toBe('complete');
  });

  it('a store failing mid-import, as the writer reports it, leaves no chunk and no dataset', async () => {
    const db = openDb(`writes-${crypto.randomUUID()}`);
    let calls = 0;
    const err = await importStoring(db, clickLog(rows), async (chunk) => {
      // The writer's error arrives as a plain Error with the name of the one it caught.
      if (++calls === 3) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      await putChunk(db, chunk);
      return chunk;
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/ran out of storage space/);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
  });

  it('a write failing mid-import leaves no chunk and no dataset', async () => {
    const db = openDb(`writes-${crypto.randomUUID()}`);
    const put = db.chunks.put.bind(db.chunks);
    let calls = 0;
    let stored = 0;
    spyPut(db, async (...args) => {
      if (++calls === 3) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      const key = await put(...args);
      stored++;
      return key;
    });
    const err = await importFile(db, clickLog(rows)).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/ran out of storage space/);
    expect(stored).toBeGreaterThanOrEqual(2);
    expect(await db.chunks.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
  });
});
