// Every supported layout through the real import path: sniff → guess → read → encode → store.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { overview } from '../analytics/overview';
import { openDb } from '../storage/db';
import { loadDataset } from './dataset-loader';
import { fileSource } from './file-source';
import { runImport } from './import-job';
import { inspectFiles } from './inspect';

/** Imports one file with the proposed mapping and returns its overview KPIs. */
async function importKpis(file: File) {
  const db = openDb(`fmt-${crypto.randomUUID()}`);
  const ins = await inspectFiles(db, [file]);
  await runImport(db, { datasetId: 'd', name: 'd', header: ins.info.header, mapping: ins.guess.mapping, preset: ins.guess.preset },
    [fileSource(file, ins.files[0]?.gzip ?? false, ins.info)], () => undefined);
  const d = await loadDataset(db, 'd');
  return { kpis: overview(d.table, d.overview).kpis, layout: ins.info.format, preset: ins.guess.preset };
}

const orders = [
  ['order_id', 'customer_id', 'order_date', 'sku', 'quantity', 'unit_price'],
  ['A1', 'c1', '2024-05-01 10:00:00', 'S1', '2', '3.50'],
  ['A1', 'c1', '2024-05-01 10:00:00', 'S2', '1', '10.00'],
  ['A2', 'c2', '2024-05-02 11:30:00', 'S1', '4', '3.50'],
];
const delimited = (sep: string, decimalComma = false) =>
  orders.map((r) => r.map((c) => (decimalComma ? c.replace(/^(\d+)\.(\d+)$/, '$1,$2') : c)).join(sep)).join('\r\n');

describe('layouts', () => {
  it.each([
    ['comma', delimited(',')],
    ['semicolon with decimal commas', delimited(';', true)],
    ['tab', delimited('\t')],
    ['pipe', delimited('|')],
    ['BOM and quotes', '\ufeff' + orders.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n')],
  ])('%s', async (_name, text) => {
    const { kpis } = await importKpis(new File([text], 'orders.csv'));
    expect(kpis).toMatchObject({ events: 3, users: 2, orders: 2, netRevenue: 31, items: 2 });
  });

  it('whitespace-aligned columns', async () => {
    const widths = [10, 13, 21, 6, 10, 12];
    const text = orders.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 10)).join('').trimEnd()).join('\n');
    const { kpis, layout } = await importKpis(new File([text], 'orders.txt'));
    expect(layout).toBe('aligned');
    expect(kpis).toMatchObject({ events: 3, orders: 2, netRevenue: 31 });
  });

  it('a JSON array of objects', async () => {
    const [head, ...rows] = orders as [string[], ...string[][]];
    const json = JSON.stringify(rows.map((r) => Object.fromEntries(head.map((h, i) => [h, i >= 4 ? Number(r[i]) : r[i]]))));
    const { kpis, layout } = await importKpis(new File([json], 'orders.json'));
    expect(layout).toBe('json');
    expect(kpis).toMatchObject({ events: 3, orders: 2, netRevenue: 31 });
  });

  it('gzipped JSON Lines with nested events', async () => {
    const lines = [
      { session: 7, events: [{ aid: 1, ts: 1_659_304_800_000, type: 'clicks' }, { aid: 2, ts: 1_659_304_900_000, type: 'carts' }] },
      { session: 8, events: [{ aid: 1, ts: 1_659_305_000_000, type: 'orders' }] },
    ].map((l) => JSON.stringify(l)).join('\n');
    const gz = await new Response(new Blob([lines]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
    const { kpis, preset } = await importKpis(new File([gz], 'sessions.jsonl.gz'));
    expect(preset).toBe('otto');
    expect(kpis).toMatchObject({ events: 3, users: 2, sessions: 2, purchasers: 1 });
  });

  it('a headerless Taobao UserBehavior file', async () => {
    const text = ['1,2268318,2520377,pv,1511544070', '1,2333346,2520771,cart,1511561733', '2,2576651,149192,buy,1511572885'].join('\n');
    const { kpis, preset } = await importKpis(new File([text], 'UserBehavior.csv'));
    expect(preset).toBe('taobao');
    expect(kpis).toMatchObject({ events: 3, users: 2, purchasers: 1 });
  });
});
