// A chunk write failing in the middle of an import, after other chunks were stored, leaves nothing behind.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { CHUNK_ROWS } from '../ingest/encoder';
import { openDb } from '../storage/db';
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

describe('chunk writes', () => {
  const rows = CHUNK_ROWS * 7 + 5;

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
