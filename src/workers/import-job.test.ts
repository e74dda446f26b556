// The whole import path (sniff → guess → read → encode → store → load → overview) on the real
// exports, checked against the independently computed figures in shared/datasets.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { funnel } from '../analytics/funnel';
import { overview } from '../analytics/overview';
import { periodSeries } from '../analytics/series';
import { openDb } from '../storage/db';
import { listDatasets } from '../storage/dataset-repo';
import { loadDataset } from './dataset-loader';
import { hashFile, readHead, sniffText } from './file-source';
import { ImportError } from './import-job';
import { findDuplicates, inspectFiles } from './inspect';
import { dataFile, expected, importFile } from './real-data.test-util';

describe('import of real exports', () => {
  it('online-retail.csv.gz reproduces the expected figures', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    const { id, ins } = await importFile(db, dataFile('online-retail.csv.gz'));
    expect(ins.guess.preset).toBe('online-retail');
    const e = expected('online-retail');
    const d = await loadDataset(db, id);
    const o = overview(d.table, d.overview);
    expect(o.kpis.events).toBe(e.events);
    expect(o.kpis.users).toBe(e.users);
    expect(o.kpis.items).toBe(e.items);
    expect(o.kpis.orders).toBe(e.orders);
    expect(o.kpis.netRevenue).toBe(e.netRevenue);
    expect(o.daily.filter((p) => p.revenue !== 0).length).toBe(e.daysWithRevenue);
    for (const [day, rev] of Object.entries({ ...e.dailyNetRevenueFirst5, ...e.dailyNetRevenueLast5 })) {
      expect(o.daily.find((p) => p.day === day)?.revenue).toBe(rev);
    }
    expect(Object.fromEntries(o.types.map((t) => [t.type, t.count]))).toEqual(e.byType);
    expect(new Date(d.table.ts[0] as number).toISOString()).toBe(e.firstEvent.replace('+00:00', '.000Z'));
    // The forecasting series: every UTC day present, zeros where nothing sold (2010-12-04 was a Saturday).
    const s = periodSeries(d.table, d.overview.byDay, d.overview.firstDay, 'revenue', 'day');
    expect([...s.values.slice(0, 6)]).toEqual([...Object.values(e.dailyNetRevenueFirst5).slice(0, 3), 0, ...Object.values(e.dailyNetRevenueFirst5).slice(3)]);
    expect([...s.values.slice(-5)]).toEqual(Object.values(e.dailyNetRevenueLast5));
  }, 120_000);

  it('rees46 head reproduces the expected figures', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    const { id } = await importFile(db, dataFile('rees46-2019-oct-head.csv'));
    const e = expected('rees46-2019-oct-head');
    const d = await loadDataset(db, id);
    const o = overview(d.table, d.overview);
    expect(o.kpis).toMatchObject({ events: e.events, users: e.users, items: e.items, sessions: e.sessions, purchasers: e.purchasers, netRevenue: e.netRevenue });
    expect(Object.fromEntries(o.types.map((t) => [t.type, t.count]))).toEqual(e.byType);
    // Funnels in a 1-day window, "this order" (type codes: view 0, cart 1, purchase 5).
    const f = (types: number[]) => funnel(d.table, d.byUser, { steps: types.map((type) => ({ type })), windowMs: 86_400_000, order: 'ordered' }).result.steps.map((s) => s.users);
    expect(f([0, 1, 5])).toEqual(e.funnelViewCartPurchase1d);
    expect(f([0, 5])).toEqual(e.funnelViewPurchase1d);
  });

  it('otto sessions become one event per nested element, each session its own visitor', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    const { id } = await importFile(db, dataFile('otto-sessions.jsonl'));
    const o = overview((await loadDataset(db, id)).table, (await loadDataset(db, id)).overview);
    expect(o.kpis.events).toBe(862);
    expect(o.kpis.users).toBe(20);
    expect(o.kpis.sessions).toBe(20);
  });

  it('re-importing a stored file is detected by content hash', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    const file = dataFile('otto-sessions.jsonl');
    await importFile(db, file);
    expect(await findDuplicates(db, [file, dataFile('rees46-2019-oct-head.csv')])).toEqual([{ file: 'otto-sessions.jsonl', datasetName: 'otto-sessions.jsonl' }]);
    // The same content under another name is the same file.
    const renamed = new File([await file.arrayBuffer()], 'renamed.jsonl');
    expect(await findDuplicates(db, [renamed])).toEqual([{ file: 'renamed.jsonl', datasetName: 'otto-sessions.jsonl' }]);
  });

  it('a re-import is found in a dataset stored by an earlier version, whose files carry SHA-256s', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    const file = dataFile('otto-sessions.jsonl');
    const { id } = await importFile(db, file);
    const sha = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('');
    await db.datasets.update(id, { files: [{ name: file.name, size: file.size, hash: sha }], fileHashes: [sha] });
    expect(await findDuplicates(db, [dataFile('rees46-2019-oct-head.csv'), file])).toEqual([{ file: 'otto-sessions.jsonl', datasetName: 'otto-sessions.jsonl' }]);
    // A file of the same size but other bytes is not that file.
    const bytes = new Uint8Array(await file.arrayBuffer());
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(await findDuplicates(db, [new File([bytes], 'other.jsonl')])).toEqual([]);
  });
});

describe('bad input never costs stored data', () => {
  const csv = (text: string, name = 'bad.csv') => new File([text], name);

  it('refuses a file where most lines fail, stores nothing, and names file, line and reason', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    await importFile(db, dataFile('otto-sessions.jsonl'), 'keep');
    const rows = ['event_time,user_id,product_id,price', '2020-01-01 10:00:00,u1,p1,1.5'];
    for (let i = 0; i < 30; i++) rows.push(`2020-01-01 10:00:00,u${i},p1,not-a-price`);
    // The user maps the garbage column as the price; the import must then refuse the file.
    const err = await importFile(db, csv(rows.join('\n')), undefined, { price: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/bad\.csv: 30 of 31 lines .*line 3: non-numeric price 'not-a-price'/);
    expect((await listDatasets(db)).map((d) => d.id)).toEqual(['keep']);
    expect(await db.datasets.count()).toBe(1);
  });

  it('skips and reports malformed lines with their line numbers', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    const good = Array.from({ length: 8 }, (_, i) => `2020-01-0${i + 1} 10:00:00,u${i},p1,1.5`);
    const text = ['event_time,user_id,product_id,price', good[0], '2020-13-45 10:00:00,u2,p1,2', '2020-01-02 10:00:00,u3', ...good.slice(1)].join('\n');
    const { id } = await importFile(db, csv(text));
    const d = (await listDatasets(db))[0];
    expect(d?.rows).toBe(8);
    expect(d?.summary?.firstRejections).toEqual([
      { file: 'bad.csv', line: 3, reason: "unparsable time '2020-13-45 10:00:00'" },
      { file: 'bad.csv', line: 4, reason: 'expected 4 fields, found 2' },
    ]);
    expect(id).toBe(d?.id);
  });

  it('a full disk mid-import removes the partial dataset and says so', async () => {
    const db = openDb(`job-${crypto.randomUUID()}`);
    await importFile(db, dataFile('otto-sessions.jsonl'), 'keep');
    vi.spyOn(db.chunks, 'put').mockRejectedValueOnce(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    const err = await importFile(db, dataFile('rees46-2019-oct-head.csv')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/ran out of storage space/);
    expect(await db.datasets.count()).toBe(1);
    expect(await db.chunks.where('datasetId').notEqual('keep').count()).toBe(0);
  });

  it('explains files that are not exports at all', async () => {
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'photo.png');
    expect((await readHead(png)).problem).toMatch(/PNG/);
    expect(sniffText('   \n').problem).toBe('is empty');
    const db = openDb(`job-${crypto.randomUUID()}`);
    await expect(inspectFiles(db, [new File([], 'empty.csv')])).rejects.toThrow('empty.csv is empty');
  });

  it('names a file by the XXH3-128 of its bytes, or by the SHA-256 earlier versions stored', async () => {
    // Reference digests: the xxHash library's (python3-xxhash 3.2) and FIPS 180-2's "abc" example.
    expect(await hashFile(new File(['abc'], 'a'))).toBe('xxh128:06b05ab6733a618578af5f94892f3950');
    const big = new File([new Uint8Array(300_000).map((_, i) => i * 7)], 'big.bin');
    expect(await hashFile(big)).toBe('xxh128:4af1e63c1a6a3df12c9f5a6f6e250a6b');
    expect(await hashFile(new File(['abc'], 'a'), 'sha256')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
