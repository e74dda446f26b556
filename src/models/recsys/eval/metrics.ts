// Ranking metrics with one target per case. rank is 1-based and pessimistic on ties:
//   rank = 1 + #{j ≠ t : s_j > s_t} + #{j ≠ t : s_j = s_t}
// so a model that scores everything equally ranks the target last, never first.
//   HR@K   = 1[rank ≤ K]                  (= Recall@K with one relevant item)
//   NDCG@K = 1[rank ≤ K] / log2(rank + 1) (IDCG = 1 with one relevant item)
//   MRR@K  = 1[rank ≤ K] / rank
import type { Rng } from '../../../lib/random';
import type { Metrics } from '../types';

/** Length of the recommendation list that coverage and average popularity look at. */
export const TOP_N = 10;

/** Pessimistic rank of `target` over all items not masked out (mask[j] = 1: not a candidate). NaN scores rank last. */
export function rankFull(scores: Float32Array, target: number, mask?: Uint8Array): number {
  const st = scores[target] as number;
  if (Number.isNaN(st)) return scores.length;
  let rank = 1;
  for (let j = 0; j < scores.length; j++) {
    if (j !== target && (scores[j] as number) >= st && !(mask && mask[j])) rank++;
  }
  return rank;
}

/** Pessimistic rank of `target` among itself and the given negatives. */
export function rankAmong(scores: Float32Array, target: number, negatives: Int32Array): number {
  const st = scores[target] as number;
  if (Number.isNaN(st)) return negatives.length + 1;
  let rank = 1;
  for (let k = 0; k < negatives.length; k++) if ((scores[negatives[k] as number] as number) >= st) rank++;
  return rank;
}

/**
 * `n` distinct items drawn uniformly from those that are neither the target nor masked (the user's
 * history, as in the SASRec paper's 100 negatives). Fewer when the catalogue runs out.
 */
export function sampleNegatives(numItems: number, target: number, mask: Uint8Array, n: number, rng: Rng): Int32Array {
  let free = 0;
  for (let j = 0; j < numItems; j++) if (j !== target && !mask[j]) free++;
  const want = Math.min(n, free);
  const picked = new Set<number>();
  while (picked.size < want) {
    const j = rng.int(numItems);
    if (j !== target && !mask[j]) picked.add(j);
  }
  return Int32Array.from(picked);
}

/** Running sums of the metrics over cases; `result()` averages them. */
export class MetricSums {
  private n = 0;
  private hr10 = 0;
  private ndcg10 = 0;
  private mrr10 = 0;
  private hr20 = 0;
  private ndcg20 = 0;
  private mrr20 = 0;
  private popSum = 0;
  private popCount = 0;
  private covered = 0;
  private readonly seen: Uint8Array;

  constructor(private readonly numItems: number) {
    this.seen = new Uint8Array(numItems);
  }

  /** Adds one case: the target's rank and the items recommended to it (for coverage and popularity). */
  add(rank: number, top: Int32Array, popularity: Float64Array): void {
    this.n++;
    if (rank <= 20) {
      const gain = 1 / Math.log2(rank + 1);
      this.hr20++;
      this.ndcg20 += gain;
      this.mrr20 += 1 / rank;
      if (rank <= 10) {
        this.hr10++;
        this.ndcg10 += gain;
        this.mrr10 += 1 / rank;
      }
    }
    for (let k = 0; k < top.length; k++) {
      const item = top[k] as number;
      if (!this.seen[item]) {
        this.seen[item] = 1;
        this.covered++;
      }
      this.popSum += popularity[item] as number;
      this.popCount++;
    }
  }

  /** Means over the cases added (all 0 with cases = 0 when none were). */
  result(): Metrics {
    const m = (x: number) => (this.n > 0 ? x / this.n : 0);
    return {
      hr10: m(this.hr10), ndcg10: m(this.ndcg10), mrr10: m(this.mrr10),
      hr20: m(this.hr20), ndcg20: m(this.ndcg20), mrr20: m(this.mrr20),
      coverage: this.numItems > 0 ? this.covered / this.numItems : 0,
      avgPopularity: this.popCount > 0 ? this.popSum / this.popCount : 0,
      cases: this.n,
    };
  }
}
