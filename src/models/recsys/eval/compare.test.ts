import { describe, expect, it } from 'vitest';
import type { Metrics } from '../types';
import { compareModels } from './compare';

const m = (ndcg10: number): Metrics => ({ hr10: 0, ndcg10, mrr10: 0, hr20: 0, ndcg20: 0, mrr20: 0, coverage: 0, avgPopularity: 0, cases: 100 });
const row = (id: string, label: string, valid: number, test: number) => ({ id, label, valid: m(valid), test: m(test) });

describe('compareModels', () => {
  it('picks the best on validation and says which models do not beat the strongest baseline', () => {
    const c = compareModels([
      row('pop', 'Popularity', 0.02, 0.02),
      row('itemknn', 'Item-kNN', 0.052, 0.06),
      row('gru4rec', 'GRU4Rec', 0.041, 0.05),
      row('sasrec', 'SASRec', 0.07, 0.055),
    ], ['pop', 'itemknn']);
    expect(c.best).toBe('sasrec');
    expect(c.ranking.map((r) => r.id)).toEqual(['sasrec', 'itemknn', 'gru4rec', 'pop']);
    expect(c.notes).toEqual([
      'GRU4Rec does not beat Item-kNN on validation NDCG@10 (0.041 vs 0.052)',
      'SASRec, best on validation, is not the best on test: Item-kNN scores NDCG@10 0.060 vs 0.055',
    ]);
  });

  it('counts a tie as not beating, and has nothing to say when the best is clear', () => {
    expect(compareModels([row('itemknn', 'Item-kNN', 0.05, 0.05), row('gru4rec', 'GRU4Rec', 0.05, 0.04)], ['itemknn']).notes)
      .toEqual(['GRU4Rec does not beat Item-kNN on validation NDCG@10 (0.050 vs 0.050)']);
    expect(compareModels([row('itemknn', 'Item-kNN', 0.05, 0.05), row('sasrec', 'SASRec', 0.06, 0.06)], ['itemknn']).notes).toEqual([]);
    expect(() => compareModels([], [])).toThrow();
  });
});
