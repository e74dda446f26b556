// The one evaluation every recommender goes through, so figures are comparable across models.
// Defaults: full ranking over the whole catalogue, pessimistic ties, items already in the history
// stay candidates (retail customers re-buy: 30% of Online Retail's leave-last-out test targets are
// already in the customer's history, and hiding them would punish the models that learned it).
import { createRng, deriveSeed } from '../../../lib/random';
import type { EvalCase, Metrics, Recommender } from '../types';
import { topK } from '../top-k';
import { MetricSums, rankAmong, rankFull, sampleNegatives, TOP_N } from './metrics';

/** Histories scored per call: bounds memory at batchSize × numItems floats (256 × 4k ≈ 4 MB). */
export const EVAL_BATCH = 256;

/** How to evaluate. */
export interface EvalOptions {
  numItems: number;
  /** Training interaction count per item (interactions.ts itemCounts(split.train)). */
  popularity: Float64Array;
  /** Rank against this many sampled negatives (e.g. 100, as papers do) instead of the whole catalogue. */
  negatives?: number;
  /** Seed of the negative sampling; each case draws from its own stream, so batching never changes results. */
  seed?: number;
  /** Segment label of a case (activity bucket, RFM segment …) for per-segment metrics. */
  segmentOf?: (c: EvalCase) => string;
  batchSize?: number;
  /**
   * Remove history items from the candidates (and from the top-10 lists). A target the user already
   * had then cannot be recommended at all and counts as a miss: that is what a shop that hides past
   * purchases would show.
   */
  excludeHistory?: boolean;
  /** Stops between batches (Cancel). */
  signal?: AbortSignal;
}

/** Metrics over all cases and per segment. */
export interface EvalResult {
  overall: Metrics;
  bySegment: Record<string, Metrics>;
}

/** Scores the cases in batches with `model` and returns the ranking metrics (metrics.ts). */
export async function evaluate(model: Recommender, cases: EvalCase[], opts: EvalOptions): Promise<EvalResult> {
  const { numItems, popularity } = opts;
  const batch = opts.batchSize ?? EVAL_BATCH;
  const overall = new MetricSums(numItems);
  const segments = new Map<string, MetricSums>();
  // mask[j] = 1: item j is in the current case's history (kept set only while excludeHistory).
  const mask = new Uint8Array(numItems);
  for (let from = 0; from < cases.length; from += batch) {
    opts.signal?.throwIfAborted();
    const chunk = cases.slice(from, from + batch);
    const scores = await model.score(chunk.map((c) => c.history));
    chunk.forEach((c, k) => {
      const s = scores[k];
      if (!s || s.length !== numItems) throw new Error(`${model.label} returned ${s?.length ?? 0} scores for a catalogue of ${numItems} items.`);
      if (opts.excludeHistory) for (const item of c.history) mask[item] = 1;
      const rank = rankOf(s, c, from + k, mask, opts);
      const top = topK(s, TOP_N, opts.excludeHistory ? mask : undefined);
      overall.add(rank, top, popularity);
      if (opts.segmentOf) {
        const label = opts.segmentOf(c);
        let seg = segments.get(label);
        if (!seg) segments.set(label, (seg = new MetricSums(numItems)));
        seg.add(rank, top, popularity);
      }
      if (opts.excludeHistory) for (const item of c.history) mask[item] = 0;
    });
  }
  const bySegment: Record<string, Metrics> = {};
  for (const [label, seg] of [...segments].sort((x, y) => x[0].localeCompare(y[0]))) bySegment[label] = seg.result();
  return { overall: overall.result(), bySegment };
}

/** The case's rank under the chosen protocol; a masked-out target is a miss (rank Infinity). */
function rankOf(s: Float32Array, c: EvalCase, index: number, mask: Uint8Array, opts: EvalOptions): number {
  const exclude = opts.excludeHistory === true;
  if (exclude && mask[c.target]) return Infinity;
  if (opts.negatives === undefined) return rankFull(s, c.target, exclude ? mask : undefined);
  // Negatives avoid the user's history whether or not history is excluded from full ranking.
  if (!exclude) for (const item of c.history) mask[item] = 1;
  const negatives = sampleNegatives(opts.numItems, c.target, mask, opts.negatives, createRng(deriveSeed(opts.seed ?? 0, index)));
  if (!exclude) for (const item of c.history) mask[item] = 0;
  return rankAmong(s, c.target, negatives);
}
