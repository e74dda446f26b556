import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1 } from './db';

describe('schema migrations', () => {
  it('upgrades a version-1 database to version 2 without losing data', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('datasets').put({ id: 'a', name: 'Old', status: 'complete', createdAt: 1, files: [{ name: 'f.csv', size: 3, hash: 'h1' }, { name: 'g.csv', size: 4, hash: 'h2' }] });
    await v1.table('chunks').put({ datasetId: 'a', index: 0, rows: 1, columns: { ts: new Float64Array([5]).buffer } });
    v1.close();

    const db = openDb(name);
    const d = await db.datasets.get('a');
    expect(d?.name).toBe('Old');
    expect(d?.fileHashes).toEqual(['h1', 'h2']);
    expect(await db.datasets.where('fileHashes').equals('h2').count()).toBe(1);
    const chunk = await db.chunks.get(['a', 0]);
    expect(new Float64Array(chunk?.columns.ts as ArrayBuffer)[0]).toBe(5);
    await db.mappings.put({ signature: 's', preset: 'p', mapping: { columns: {}, timeFormat: 'iso', typeMap: {}, defaultType: 'view', decimalComma: false }, savedAt: 1 });
    expect((await db.mappings.get('s'))?.preset).toBe('p');
    db.close();
  });
});
