// The two evaluation protocols. Both guarantee Split's promise: training holds only interactions
// strictly before the time of every case it serves (per user for leave-last-out, globally for the
// time split). Equal timestamps count as "not before": the lines of one invoice share a time, so a
// basket is never half in training and half a target.
import { before, DAY_MS, keepPrefixes, userCount } from '../interactions';
import type { EvalCase, Interactions, Split } from '../types';

/** Users with fewer interactions than this are training-only under leave-last-out (test + valid + ≥ 1 to learn from). */
export const LOO_MIN_INTERACTIONS = 3;

/** The case "predict interaction i of user u from the user's items start … i − 1". */
function caseAt(d: Interactions, u: number, i: number, start: number): EvalCase {
  return { user: u, history: d.items.slice(start, i), target: d.items[i] as number, ts: d.ts[i] as number };
}

/**
 * Leave-last-out (SASRec / RecBole style): per user with ≥ 3 interactions the last one is the test
 * target (history = all the rest) and the one before it the validation target (history = all before
 * it). Training = each user's interactions before the validation target's time: "all but the last
 * two", minus any that share that time. No cross-user time cut: another user's later interactions do
 * train the model, as in the papers this protocol comes from; use splitTime for a strictly global cut.
 */
export function splitLoo(data: Interactions): Split {
  const users = userCount(data);
  const ends = new Uint32Array(users);
  const valid: EvalCase[] = [];
  const test: EvalCase[] = [];
  for (let u = 0; u < users; u++) {
    const a = data.offsets[u] as number, b = data.offsets[u + 1] as number;
    if (b - a < LOO_MIN_INTERACTIONS) {
      ends[u] = b;
      continue;
    }
    const cut = data.ts[b - 2] as number;
    let e = b - 2;
    while (e > a && (data.ts[e - 1] as number) >= cut) e--;
    ends[u] = e;
    valid.push(caseAt(data, u, b - 2, a));
    test.push(caseAt(data, u, b - 1, a));
  }
  return { protocol: 'loo', train: keepPrefixes(data, ends), valid, test };
}

/** Options of the time split. */
export interface TimeSplitOptions {
  /** Days before the test window that form the validation window (default: testDays; 0 = none). */
  validDays?: number;
  /** History = the session's earlier items only (GRU4Rec protocol) instead of all the user's earlier items. */
  sessionOnly?: boolean;
}

/**
 * Time split (session-based style, GRU4Rec / SR-GNN): testFrom = last time − testDays days, validFrom
 * = testFrom − validDays days. Every interaction at or after validFrom whose predecessor (same user)
 * is in the same session is a case: its next-item prediction from the prefix. By default the history
 * is everything the user did before the target (earlier sessions, before and inside the window, are
 * known at prediction time and help returning customers); `sessionOnly` gives the papers' version.
 * Training = interactions before validFrom, for validation and test alike, so no case can leak into
 * it. To train a final model for the test window, refit on `before(data, split.testFrom)`; with
 * validDays = 0 the split does this itself (train = before testFrom, no validation cases).
 */
export function splitTime(data: Interactions, testDays: number, opts: TimeSplitOptions = {}): Split {
  const validDays = opts.validDays ?? testDays;
  let tMax = -Infinity;
  for (let i = 0; i < data.ts.length; i++) tMax = Math.max(tMax, data.ts[i] as number);
  const testFrom = tMax - testDays * DAY_MS;
  const validFrom = testFrom - validDays * DAY_MS;
  const valid: EvalCase[] = [];
  const test: EvalCase[] = [];
  for (let u = 0; u < userCount(data); u++) {
    const a = data.offsets[u] as number, b = data.offsets[u + 1] as number;
    let sessionStart = a;
    for (let i = a + 1; i < b; i++) {
      if (data.session[i] !== data.session[i - 1]) {
        sessionStart = i;
        continue;
      }
      const t = data.ts[i] as number;
      if (t < validFrom) continue;
      (t >= testFrom ? test : valid).push(caseAt(data, u, i, opts.sessionOnly ? sessionStart : a));
    }
  }
  return { protocol: 'time', train: before(data, validFrom), valid, test, validFrom, testFrom };
}
