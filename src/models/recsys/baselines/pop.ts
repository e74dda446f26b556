// Popularity baselines: every user gets the same ranking. They are the floor a personal model must
// clear, and on retail data a hard one to clear (best-sellers sell).
import { DAY_MS, itemCounts, lastTs } from '../interactions';
import type { FitOptions, FitReport, Interactions, Recommender } from '../types';
import { onePassReport } from './fit-report';

/** Window of pop-recent: the last 30 days of the training data (a month catches seasonal best-sellers). */
export const RECENT_DAYS = 30;

/**
 * Popularity. Overall: score(i) = training interactions of i. Recent (`recentDays` set): counts over
 * the last `recentDays` of training (ending at the latest training interaction, not at "now", so it
 * never peeks past the cut-off), ordered lexicographically (recent, overall):
 *   score(i) = recent(i) · (max overall + 1) + overall(i)
 * so items unseen in the window still rank by overall popularity instead of tying at the bottom.
 */
export class Popularity implements Recommender {
  readonly id: string;
  readonly label: string;
  private scores = new Float32Array(0);

  constructor(private readonly recentDays?: number) {
    this.id = recentDays === undefined ? 'pop' : 'pop-recent';
    this.label = recentDays === undefined ? 'Popularity' : `Popularity (last ${recentDays} days)`;
  }

  async fit(train: Interactions, _opts?: FitOptions): Promise<FitReport> {
    const t0 = performance.now();
    const overall = itemCounts(train);
    if (this.recentDays === undefined) {
      this.scores = Float32Array.from(overall);
    } else {
      const recent = itemCounts(train, lastTs(train) - this.recentDays * DAY_MS);
      let max = 0;
      for (let i = 0; i < overall.length; i++) max = Math.max(max, overall[i] as number);
      this.scores = new Float32Array(train.numItems);
      for (let i = 0; i < overall.length; i++) this.scores[i] = (recent[i] as number) * (max + 1) + (overall[i] as number);
    }
    return onePassReport(train, t0);
  }

  async score(histories: Int32Array[]): Promise<Float32Array[]> {
    return histories.map(() => this.scores.slice());
  }
}

/** Overall popularity ('pop'). */
export const popularity = (): Popularity => new Popularity();
/** Popularity over the last RECENT_DAYS of training ('pop-recent'). */
export const recentPopularity = (days: number = RECENT_DAYS): Popularity => new Popularity(days);
