// A big file read in parts (part workers, run in this thread here) must store exactly what one
// sequential read stores: the same rows in the same order, the same rejections at the same lines.
import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDatasets, loadRejections } from '../storage/dataset-repo';
import { openDb } from '../storage/db';
import { loadDataset } from './dataset-loader';
import { minPartBytes } from './file-parts';
import { fileSource } from './file-source';
import { EventEncoder } from '../ingest/encoder';
import { runImport } from './import-job';
import { CutInsideQuotes, readParts, type PartRunner } from './read-parts';
import { inspectFiles } from './inspect';
import { expected, importFile, inThread } from './real-data.test-util';

type Db = ReturnType<typeof openDb>;

/** Every stored row, decoded: time, type and the dictionary columns as strings. */
async function decodedRows(db: Db, id: string): Promise<string[]> {
  const { table } = await loadDataset(db, id);
  const dicts = Object.fromEntries((await db.dictionaries.where('datasetId').equals(id).toArray()).map((d) => [d.column, d.values]));
  const cols = Object.keys(dicts).filter((c) => c !== 'type' && c !== 'session');
  const codes = await db.chunks.where('datasetId').equals(id).sortBy('index');
  return codes.flatMap((chunk) => Array.from({ length: chunk.rows }, (_, i) => {
    const dict = (c: string) => dicts[c]?.[new Int32Array(chunk.columns[c] as ArrayBuffer)[i] as number] ?? '∅';
    const ts = new Float64Array(chunk.columns.ts as ArrayBuffer)[i];
    const type = dicts.type?.[new Uint8Array(chunk.columns.type as ArrayBuffer)[i] as number];
    const rev = new Float64Array(chunk.columns.revenue as ArrayBuffer)[i];
    return [ts, type, rev, ...cols.map(dict)].join('|');
  })).concat(`n=${table.n}`);
}

/** The first row where two decoded datasets differ, or null (a plain toEqual would diff 500k rows). */
function firstDifference(a: string[], b: string[]): { at: number; a?: string; b?: string } | null {
  const at = a.findIndex((row, i) => row !== b[i]);
  if (at < 0 && a.length === b.length) return null;
  const i = at < 0 ? a.length : at;
  return { at: i, a: a[i], b: b[i] };
}

/** A CSV over 3 × 8 MB (so it is cut into 4 parts) with bad lines and quoted newlines throughout. */
function bigCsv(): File {
  const lines = ['event_time,user_id,product_id,name,price'];
  for (let i = 0; i < 440_000; i++) {
    const name = i % 1000 === 3 ? '"two\nlines, one name"' : `item ${i % 997}`;
    const price = i % 40_000 === 11 ? 'cheap' : (i % 300) / 4;
    const time = i % 60_000 === 17 ? 'never' : `2020-01-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`;
    lines.push(`${time},u${i % 7919},p${i % 997},${name},${price}`);
  }
  return new File([`${lines.join('\n')}\n`], 'big.csv');
}

/** A small CSV whose middle byte lies inside a quoted field of many lines. */
function quotedMiddle(): File {
  const line = (i: number, name: string) => `2020-01-01 10:00:${String(i % 60).padStart(2, '0')},u${i % 7},p${i},${name},${i === 70 ? 'cheap' : 1.5}\n`;
  const rows = Array.from({ length: 100 }, (_, i) => line(i, i === 50 ? `"${'a long\n'.repeat(150)}name"` : `item ${i}`));
  return new File(['event_time,user_id,product_id,name,price\n', ...rows], 'quoted.csv');
}

describe('a big file read in parts', () => {
  it('a cut inside a quoted field is told by the part before it, and the import reads the file whole instead', async () => {
    const file = quotedMiddle();
    const db = openDb(`parts-${crypto.randomUUID()}`);
    const ins = await inspectFiles(db, [file]);
    const mapping = { ...ins.guess.mapping, columns: { ...ins.guess.mapping.columns, price: 4 } };
    const { first, rest } = await (fileSource(file, false, ins.info).split?.(2, 1) ?? Promise.reject(new Error('no split')));
    expect(rest).toHaveLength(1);
    const read = { enc: new EventEncoder(mapping, ins.info.header), mapping, fields: 5, keyBase: 0, write: async () => undefined, reject: () => undefined, progress: () => undefined, judge: () => undefined };
    await expect(readParts(first, rest, inThread, read)).rejects.toBeInstanceOf(CutInsideQuotes);
    for (const [id, parallel] of [['one', undefined], ['two', { parts: 2, run: inThread, minPart: 1 }]] as const) {
      const spec = { datasetId: id, name: id, header: ins.info.header, mapping, preset: ins.guess.preset };
      await runImport(db, spec, [fileSource(file, false, ins.info)], () => undefined, { parallel });
    }
    expect(firstDifference(await decodedRows(db, 'two'), await decodedRows(db, 'one'))).toBeNull();
    expect((await listDatasets(db)).map((d) => d.rows)).toEqual([99, 99]);
    // The report numbers records (as papaparse does): row 70 comes after the header and rows 0-69.
    expect(await loadRejections(db, 'two')).toEqual([{ file: 'quoted.csv', line: 72, reason: "non-numeric price 'cheap'" }]);
  });

  it('online-retail in 4 parts stores the rows of a sequential read and the expected figures', async () => {
    const file = new File([gunzipSync(readFileSync(resolve(import.meta.dirname, '../../../shared/datasets/online-retail.csv.gz')))], 'online-retail.csv');
    const db = openDb(`parts-${crypto.randomUUID()}`);
    const one = await importFile(db, file, 'one');
    const four = await importFile(db, file, 'four', {}, 4);
    const chunks = await db.chunks.where('datasetId').equals('four').primaryKeys();
    expect(new Set(chunks.map(([, index]) => Math.floor(index / 2 ** 24))).size).toBe(4);
    expect(firstDifference(await decodedRows(db, four.id), await decodedRows(db, one.id))).toBeNull();
    const e = expected('online-retail');
    const stored = (await listDatasets(db)).find((d) => d.id === 'four');
    expect(stored?.rows).toBe(e.events);
    expect(stored?.timeRange?.[0]).toBe(Date.parse(e.firstEvent));
    // On two cores a 48 MB file is read whole; on four, in four parts; an 88 MB one in two on two cores.
    const parts = async (f: File, cores: number) => (await fileSource(f, false, one.ins.info).split?.(cores, minPartBytes(cores)))?.rest.length;
    expect([await parts(file, 2), await parts(file, 4)]).toEqual([0, 3]);
    expect(await parts(new File([file, file.slice(0, 40 * 2 ** 20)], 'longer.csv'), 2)).toBe(1);
  }, 120_000);

  it('numbers rejected lines from the top of the file, whichever part read them', async () => {
    const file = bigCsv();
    const db = openDb(`parts-${crypto.randomUUID()}`);
    await importFile(db, file, 'one', { price: 4 });
    await importFile(db, file, 'four', { price: 4 }, 4);
    const one = await loadRejections(db, 'one');
    expect(one.length).toBeGreaterThan(15);
    expect(await loadRejections(db, 'four')).toEqual(one);
    // Line 2 + 11 holds the first 'cheap' price (the header is line 1).
    expect(one[0]).toEqual({ file: 'big.csv', line: 13, reason: "non-numeric price 'cheap'" });
    expect(firstDifference(await decodedRows(db, 'four'), await decodedRows(db, 'one'))).toBeNull();
  }, 120_000);

  it('keeps file order and line numbers when big and small files share a dataset', async () => {
    const db = openDb(`parts-${crypto.randomUUID()}`);
    const small = new File(['event_time,user_id,product_id,name,price\n2020-02-01 10:00:00,u1,p1,x,oops\n2020-02-01 10:00:00,u1,p1,x,2\n'], 'small.csv');
    const files = [small, bigCsv(), small];
    const ins = await inspectFiles(db, files);
    const mapping = { ...ins.guess.mapping, columns: { ...ins.guess.mapping.columns, price: 4 } };
    for (const [id, parallel] of [['one', undefined], ['three', { parts: 3, run: inThread }]] as const) {
      const spec = { datasetId: id, name: id, header: ins.info.header, mapping, preset: ins.guess.preset };
      await runImport(db, spec, files.map((f) => fileSource(f, false, ins.info)), () => undefined, { parallel });
    }
    const one = await loadRejections(db, 'one');
    expect(one.filter((r) => r.file === 'small.csv')).toEqual([{ file: 'small.csv', line: 2, reason: "non-numeric price 'oops'" }, { file: 'small.csv', line: 2, reason: "non-numeric price 'oops'" }]);
    expect(await loadRejections(db, 'three')).toEqual(one);
    expect(firstDifference(await decodedRows(db, 'three'), await decodedRows(db, 'one'))).toBeNull();
  }, 120_000);

  it('a failing part stops the import and leaves nothing behind', async () => {
    const db = openDb(`parts-${crypto.randomUUID()}`);
    await importFile(db, bigCsv(), 'keep', { price: 4 });
    let sent = 0;
    const failing: PartRunner = (part, mapping, send, signal) => inThread(part, mapping, async (c) => {
      if (part.start > 0 && ++sent === 2) throw new Error('part worker crashed');
      await send(c);
    }, signal);
    const err = await importFile(db, bigCsv(), 'lost', { price: 4 }, 3, failing).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/part worker crashed.*Nothing was imported/);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['keep']);
    expect(await db.chunks.where('datasetId').equals('lost').count()).toBe(0);
  }, 120_000);
});
