// Side-by-side comparison of evaluated models: the default model is the best on validation (never on
// test, which would overfit the choice), and every model that does not beat the strongest baseline
// says so, as ARCHITECTURE.md §3 asks.
import type { Metrics } from '../types';

/** One evaluated model. */
export interface ModelRow {
  id: string;
  label: string;
  valid: Metrics;
  test: Metrics;
}

/** The outcome of a comparison. */
export interface Comparison {
  /** Id of the model with the best validation NDCG@10 (the default to deploy). */
  best: string;
  /** Rows from best to worst validation NDCG@10. */
  ranking: ModelRow[];
  /** Plain-language findings, e.g. "GRU4Rec does not beat Item-kNN on validation NDCG@10 (0.041 vs 0.052)". */
  notes: string[];
}

const fmt = (x: number): string => x.toFixed(3);

/**
 * Ranks rows by validation NDCG@10 (ties keep input order) and notes each non-baseline model that
 * does not beat the strongest baseline (`baselines` are row ids), plus a best-on-test that differs.
 */
export function compareModels(rows: ModelRow[], baselines: string[]): Comparison {
  if (rows.length === 0) throw new Error('compareModels needs at least one evaluated model.');
  const ranking = [...rows].sort((a, b) => b.valid.ndcg10 - a.valid.ndcg10);
  const best = ranking[0] as ModelRow;
  const notes: string[] = [];
  const strongest = ranking.find((r) => baselines.includes(r.id));
  if (strongest) {
    for (const r of rows) {
      if (baselines.includes(r.id) || r.valid.ndcg10 > strongest.valid.ndcg10) continue;
      notes.push(`${r.label} does not beat ${strongest.label} on validation NDCG@10 (${fmt(r.valid.ndcg10)} vs ${fmt(strongest.valid.ndcg10)})`);
    }
  }
  const bestTest = [...rows].sort((a, b) => b.test.ndcg10 - a.test.ndcg10)[0] as ModelRow;
  if (bestTest.test.ndcg10 > best.test.ndcg10) {
    notes.push(`${best.label}, best on validation, is not the best on test: ${bestTest.label} scores NDCG@10 ${fmt(bestTest.test.ndcg10)} vs ${fmt(best.test.ndcg10)}`);
  }
  return { best: best.id, ranking, notes };
}
