import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { overview } from '../analytics/overview';
import { openDb } from '../storage/db';
import { loadChunks, loadDictionaries } from '../storage/dataset-repo';
import { loadDataset } from './dataset-loader';
import { fileSource } from './file-source';
import { handOverSender, receiveHandOver } from './hand-over';
import { runImport } from './import-job';
import { inspectFiles } from './inspect';
import { dataFile } from './real-data.test-util';

/** Imports a file with its chunks handed over on a port; returns what the receiving side got. */
async function importHandingOver(db: ReturnType<typeof openDb>, file: File, id: string) {
  const { port1, port2 } = new MessageChannel();
  const received = receiveHandOver(port1);
  const ins = await inspectFiles(db, [file]);
  const spec = { datasetId: id, name: file.name, header: ins.info.header, mapping: ins.guess.mapping, preset: ins.guess.preset };
  const imported = runImport(db, spec, [fileSource(file, ins.files[0]?.gzip ?? false, ins.info)], () => undefined, { handOver: handOverSender(port2) });
  return { imported, received };
}

describe('chunk hand-over to the compute worker', () => {
  it('hands over exactly the stored chunks and dictionaries, and the dataset loads from them with the same figures', async () => {
    const db = openDb(`handover-${crypto.randomUUID()}`);
    const { imported, received } = await importHandingOver(db, dataFile('rees46-2019-oct-head.csv'), 'r');
    await imported;
    const handed = await received;
    const stored = await loadChunks(db, 'r');
    expect(handed?.chunks.map((c) => c.index)).toEqual(stored.map((c) => c.index));
    expect(handed?.dictionaries).toEqual(await loadDictionaries(db, 'r'));
    handed?.chunks.forEach((c, i) => {
      for (const [name, buf] of Object.entries(stored[i]?.columns ?? {})) expect(Buffer.from(c.columns[name] as ArrayBuffer).equals(Buffer.from(buf)), name).toBe(true);
    });
    const fromStore = overview(...tableAndIndex(await loadDataset(db, 'r')));
    // A hand-over that misses a chunk is not trusted: the dataset is read back from storage.
    expect(overview(...tableAndIndex(await loadDataset(db, 'r', Promise.resolve(handed && { ...handed, chunks: handed.chunks.slice(1) }))))).toEqual(fromStore);
    // A whole one is used as it is: with the stored chunks and dictionaries gone, and the dataset's
    // record not yet complete (it ends before the import writes it), the figures are still the same.
    await db.chunks.clear();
    await db.dictionaries.clear();
    await db.datasets.update('r', { status: 'importing' });
    expect(overview(...tableAndIndex(await loadDataset(db, 'r', Promise.resolve(handed))))).toEqual(fromStore);
  });

  it('ends with nothing when the import fails', async () => {
    const db = openDb(`handover-${crypto.randomUUID()}`);
    const good = '2019-10-01 00:00:00 UTC,view,1,2.5,5\n'.repeat(30);
    const bad = new File([`event_time,event_type,product_id,price,user_id\n${good}${'2019-10-01 00:00:00 UTC,view\n'.repeat(2000)}`], 'bad.csv');
    const { imported, received } = await importHandingOver(db, bad, 'b');
    await expect(imported).rejects.toThrow(/could not be read/);
    expect(await received).toBeNull();
  });
});

function tableAndIndex(d: Awaited<ReturnType<typeof loadDataset>>) {
  return [d.table, d.overview] as const;
}
