// The recommender baselines on the real Online Retail export, imported through the app's own path
// (purchases only): prints the leave-last-out and time-split tables and checks only robust facts.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BPR_EPOCHS, BprMf } from '../models/recsys/baselines/bpr-mf';
import { ItemKnn } from '../models/recsys/baselines/item-knn';
import { popularity, recentPopularity } from '../models/recsys/baselines/pop';
import { compareModels, type ModelRow } from '../models/recsys/eval/compare';
import { evaluate } from '../models/recsys/eval/evaluate';
import { activitySegment } from '../models/recsys/eval/segments';
import { splitLoo, splitTime } from '../models/recsys/eval/split';
import { itemCounts } from '../models/recsys/interactions';
import type { Metrics, Recommender, Split } from '../models/recsys/types';
import { openDb } from '../storage/db';
import { loadDataset } from './dataset-loader';
import { dataFile, importFile } from './real-data.test-util';
import { defaultInteractionTypes, interactionsFrom } from './recsys-data';

type Row = ModelRow & { fitMs: number; evalMs: number; bySegment: Record<string, Metrics> };

const all = (): Recommender[] => [popularity(), recentPopularity(), new ItemKnn(), new BprMf()];

/** Fits the models on the split's training part, evaluates its cases and prints the table. */
async function table(name: string, split: Split, numItems: number, models = all()): Promise<Record<string, Row>> {
  const opts = { numItems, popularity: itemCounts(split.train), segmentOf: activitySegment };
  const rows: Record<string, Row> = {};
  for (const m of models) {
    const t0 = performance.now();
    await m.fit(split.train, { epochs: BPR_EPOCHS, seed: 1 });
    const t1 = performance.now();
    const valid = (await evaluate(m, split.valid, opts)).overall;
    const test = await evaluate(m, split.test, opts);
    rows[m.id] = { id: m.id, label: m.label, valid, test: test.overall, bySegment: test.bySegment, fitMs: t1 - t0, evalMs: performance.now() - t1 };
  }
  const f = (x: number) => x.toFixed(4);
  console.log(`${name}: ${split.test.length} test cases, ${split.valid.length} validation cases`);
  console.table(Object.fromEntries(Object.values(rows).map((r) => [r.id, {
    'HR@10': f(r.test.hr10), 'NDCG@10': f(r.test.ndcg10), 'MRR@10': f(r.test.mrr10), 'HR@20': f(r.test.hr20), coverage: f(r.test.coverage),
    avgPop: Math.round(r.test.avgPopularity), 'valid NDCG@10': f(r.valid.ndcg10), fitMs: Math.round(r.fitMs), evalMs: Math.round(r.evalMs),
  }])));
  return rows;
}

describe('recommender baselines on online-retail', () => {
  it('item-kNN and BPR-MF beat popularity; the time split evaluates next items in sessions', async () => {
    const db = openDb(`rs-${crypto.randomUUID()}`);
    const { id } = await importFile(db, dataFile('online-retail.csv.gz'));
    const d = await loadDataset(db, id);
    expect(defaultInteractionTypes(d.table)).toEqual([5]);
    const data = interactionsFrom(d.table, d.byUser, { types: defaultInteractionTypes(d.table) });
    expect(data.numItems).toBe(4070);
    console.log(`purchases: ${data.offsets.length - 1} customers with ≥ 2, ${data.items.length} interactions`);

    const loo = await table('leave-last-out', splitLoo(data), data.numItems);
    const [pop, knn, mf] = [loo.pop, loo.itemknn, loo.mf] as [Row, Row, Row];
    expect(knn.test.hr10).toBeGreaterThan(1.5 * pop.test.hr10);
    expect(mf.test.hr10).toBeGreaterThan(pop.test.hr10);
    expect(knn.test.coverage).toBeGreaterThan(10 * pop.test.coverage);
    console.table(Object.fromEntries(Object.entries(knn.bySegment).map(([s, m]) => [s, { 'HR@10': m.hr10.toFixed(4), cases: m.cases }])));
    console.log(compareModels(Object.values(loo), ['pop', 'pop-recent', 'itemknn']).notes.join('\n'));

    // A test window only (train = everything before it), and no BPR (8 s here), to stay near 15 s.
    const time = await table('time split, last 7 days', splitTime(data, 7, { validDays: 0 }), data.numItems, all().slice(0, 3));
    expect(time.itemknn?.test.hr10).toBeGreaterThan(time.pop?.test.hr10 ?? 1);
  }, 120_000);
});
