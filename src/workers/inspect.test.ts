import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../storage/db';
import { listDatasets } from '../storage/dataset-repo';
import { fileSource } from './file-source';
import { runImport } from './import-job';
import { inspectFiles } from './inspect';

const day = (d: number) => ['ts,visitor_id,product_id,action', `2024-03-0${d} 09:00:00,v1,p1,pv`, `2024-03-0${d} 09:05:00,v2,p2,buy`].join('\n');

describe('inspect and multi-file import', () => {
  it('imports several daily files of one export into a single dataset', async () => {
    const db = openDb(`ins-${crypto.randomUUID()}`);
    const files = [1, 2, 3].map((d) => new File([day(d)], `day-${d}.csv`));
    const ins = await inspectFiles(db, files);
    expect(ins.files).toHaveLength(3);
    expect(ins.distinct[3]).toEqual(['pv', 'buy']);
    const sources = files.map((f) => fileSource(f, false, ins.info));
    await runImport(db, { datasetId: 'd', name: 'days', header: ins.info.header, mapping: ins.guess.mapping, preset: ins.guess.preset, signature: ins.signature }, sources, () => undefined);
    const [d] = await listDatasets(db);
    expect(d?.rows).toBe(6);
    expect(d?.files.map((f) => f.name)).toEqual(['day-1.csv', 'day-2.csv', 'day-3.csv']);
    expect(d?.timeRange).toEqual([Date.UTC(2024, 2, 1, 9), Date.UTC(2024, 2, 3, 9, 5)]);
  });

  it('remembers a confirmed mapping for the next file with the same header', async () => {
    const db = openDb(`ins-${crypto.randomUUID()}`);
    const first = new File([day(1)], 'a.csv');
    const ins = await inspectFiles(db, [first]);
    expect(ins.remembered).toBe(false);
    const edited = { ...ins.guess.mapping, typeMap: { ...ins.guess.mapping.typeMap, pv: 'wishlist' } };
    await runImport(db, { datasetId: 'a', name: 'a', header: ins.info.header, mapping: edited, preset: ins.guess.preset, signature: ins.signature },
      [fileSource(first, false, ins.info)], () => undefined);
    const next = await inspectFiles(db, [new File([day(2)], 'b.csv')]);
    expect(next.remembered).toBe(true);
    expect(next.guess.mapping.typeMap.pv).toBe('wishlist');
  });

  it('refuses files of different layouts in one dataset', async () => {
    const db = openDb(`ins-${crypto.randomUUID()}`);
    const other = new File(['when,who\n2024-01-01,x\n'], 'other.csv');
    await expect(inspectFiles(db, [new File([day(1)], 'a.csv'), other])).rejects.toThrow('other.csv has different columns from a.csv');
  });

  it('reads gzipped files', async () => {
    const db = openDb(`ins-${crypto.randomUUID()}`);
    const gz = await new Response(new Blob([day(1)]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
    const ins = await inspectFiles(db, [new File([gz], 'a.csv.gz')]);
    expect(ins.files[0]?.gzip).toBe(true);
    expect(ins.info.header).toEqual(['ts', 'visitor_id', 'product_id', 'action']);
  });
});
