// Item-kNN (Sarwar et al. 2001; the strong simple baseline of Dacrema et al. 2019). Two items are
// similar when the same baskets hold them; a history scores the neighbours of its recent items.
//   sim(i, j)   = c_ij / √(n_i · n_j)        cosine of binary basket vectors; c_ij = baskets with
//                                            both, n_i = baskets with i; top KNN_NEIGHBOURS kept per i
//   score(H, j) = Σ_{a=0}^{L−1} decay^a · sim(h_a, j)   h_0 = latest distinct history item
// A basket is a user's whole training history by default: purchase exports have few events per
// session (one invoice), and "bought by the same customers" is the signal shoppers know. Session
// baskets ('session') suit clickstreams with long sessions.
import { itemCounts, recentDistinct } from '../interactions';
import { topK } from '../top-k';
import type { FitOptions, FitReport, Interactions, Recommender } from '../types';
import { onePassReport } from './fit-report';
import { baskets, invert } from './baskets';

/** Neighbours kept per item (K): enough for a 10-item list from a few history items, small to store. */
export const KNN_NEIGHBOURS = 100;
/** Distinct recent history items that vote (L). */
export const KNN_HISTORY = 20;
/**
 * Weight ratio between consecutive distinct history items (1 = all L count equally). Chosen on
 * Online Retail's leave-last-out validation NDCG@10: 0.197 at 0.5 (0.3 the same), 0.151 at 0.8,
 * 0.119 at 0.9, 0.075 at 1: the next purchase follows the last few items, not the whole past.
 */
export const KNN_DECAY = 0.5;

/** Item-kNN settings. */
export interface ItemKnnOptions {
  neighbours?: number;
  history?: number;
  decay?: number;
  basket?: 'user' | 'session';
}

/** One neighbour, or one history item's share of a recommendation. */
export interface Weighted {
  item: number;
  weight: number;
}

/** Item-kNN recommender: fit builds the neighbour lists, score sums them over the recent history. */
export class ItemKnn implements Recommender {
  readonly id = 'itemknn';
  readonly label = 'Item-kNN';
  /** Neighbours of item i: nbrItems/nbrSims[nbrOffsets[i] … nbrOffsets[i+1]), most similar first. */
  nbrOffsets = new Uint32Array(1);
  nbrItems = new Int32Array(0);
  nbrSims = new Float32Array(0);
  /**
   * Score of items no history item points to: −1 + pop/(max pop + 1) ∈ (−1, 0), below every real
   * score (> 0), so they rank by popularity instead of all tying last under pessimistic ranking.
   */
  private fallback = new Float32Array(0);
  private readonly k: number;
  private readonly len: number;
  private readonly decay: number;
  private readonly basket: 'user' | 'session';

  constructor(opts: ItemKnnOptions = {}) {
    this.k = opts.neighbours ?? KNN_NEIGHBOURS;
    this.len = opts.history ?? KNN_HISTORY;
    this.decay = opts.decay ?? KNN_DECAY;
    this.basket = opts.basket ?? 'user';
  }

  async fit(train: Interactions, _opts?: FitOptions): Promise<FitReport> {
    const t0 = performance.now();
    const numItems = train.numItems;
    const b = baskets(train, this.basket === 'session');
    const byItem = invert(b, numItems);
    const n = (i: number) => (byItem.offsets[i + 1] as number) - (byItem.offsets[i] as number);
    const acc = new Float64Array(numItems);
    const touched: number[] = [];
    const offsets = new Uint32Array(numItems + 1);
    const items: number[] = [];
    const sims: number[] = [];
    for (let i = 0; i < numItems; i++) {
      // c_ij for all j at once: walk the baskets holding i and count their other items.
      for (let p = byItem.offsets[i] as number; p < (byItem.offsets[i + 1] as number); p++) {
        const bk = byItem.members[p] as number;
        for (let q = b.offsets[bk] as number; q < (b.offsets[bk + 1] as number); q++) {
          const j = b.members[q] as number;
          if (j === i) continue;
          if (acc[j] === 0) touched.push(j);
          acc[j] = (acc[j] as number) + 1;
        }
      }
      for (const j of touched) acc[j] = (acc[j] as number) / Math.sqrt(n(i) * n(j));
      for (const j of topK(acc, this.k, undefined, touched)) {
        items.push(j);
        sims.push(acc[j] as number);
      }
      offsets[i + 1] = items.length;
      for (const j of touched) acc[j] = 0;
      touched.length = 0;
    }
    this.nbrOffsets = offsets;
    this.nbrItems = Int32Array.from(items);
    this.nbrSims = Float32Array.from(sims);
    const pop = itemCounts(train);
    const max = pop.reduce((m, x) => Math.max(m, x), 0);
    this.fallback = Float32Array.from(pop, (x) => -1 + x / (max + 1));
    return onePassReport(train, t0);
  }

  /** The voting history items (newest first) and their recency weights decay^a. */
  voters(history: Int32Array): Weighted[] {
    return Array.from(recentDistinct(history, this.len), (item, a) => ({ item, weight: this.decay ** a }));
  }

  /** sim(i, j) as kept in i's neighbour list (0 when j is not among i's top K). */
  sim(i: number, j: number): number {
    for (let p = this.nbrOffsets[i] ?? 0; p < (this.nbrOffsets[i + 1] ?? 0); p++) if (this.nbrItems[p] === j) return this.nbrSims[p] as number;
    return 0;
  }

  async score(histories: Int32Array[]): Promise<Float32Array[]> {
    return histories.map((h) => {
      const s = new Float32Array(this.fallback.length);
      for (const v of this.voters(h)) {
        for (let p = this.nbrOffsets[v.item] ?? 0; p < (this.nbrOffsets[v.item + 1] ?? 0); p++) {
          const j = this.nbrItems[p] as number;
          s[j] = (s[j] as number) + v.weight * (this.nbrSims[p] as number);
        }
      }
      for (let j = 0; j < s.length; j++) if (s[j] === 0) s[j] = this.fallback[j] as number;
      return s;
    });
  }
}

/** The n items most similar to `item` ("similar items" on a product page), most similar first. */
export function similarItems(model: ItemKnn, item: number, n: number): Weighted[] {
  const out: Weighted[] = [];
  const end = Math.min((model.nbrOffsets[item] ?? 0) + n, model.nbrOffsets[item + 1] ?? 0);
  for (let p = model.nbrOffsets[item] ?? 0; p < end; p++) out.push({ item: model.nbrItems[p] as number, weight: model.nbrSims[p] as number });
  return out;
}

/** The history items that contributed most to `item`'s score ("because you bought X, Y"), largest first. */
export function explain(model: ItemKnn, history: Int32Array, item: number, n = 3): Weighted[] {
  return model.voters(history)
    .map((v) => ({ item: v.item, weight: v.weight * model.sim(v.item, item) }))
    .filter((w) => w.weight > 0)
    .sort((x, y) => y.weight - x.weight || x.item - y.item)
    .slice(0, n);
}
