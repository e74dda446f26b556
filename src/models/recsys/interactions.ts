// Helpers over the Interactions contract (types.ts): sizes, popularity, per-user prefixes, histories.
// Every user keeps its index through a split (a user with nothing left simply has an empty range), so
// EvalCase.user means the same user in the full data and in its training part.
import type { Interactions } from './types';

/** Milliseconds per day (time windows of the time split and pop-recent). */
export const DAY_MS = 86_400_000;

/** Number of user groups in the data. */
export const userCount = (d: Interactions): number => d.offsets.length - 1;

/** Latest interaction time (−Infinity when empty). */
export function lastTs(d: Interactions): number {
  let max = -Infinity;
  for (let i = 0; i < d.ts.length; i++) if ((d.ts[i] as number) > max) max = d.ts[i] as number;
  return max;
}

/** Interactions per item with ts ≥ fromTs: the training popularity that evaluate() and pop use. */
export function itemCounts(d: Interactions, fromTs = -Infinity): Float64Array {
  const counts = new Float64Array(d.numItems);
  for (let i = 0; i < d.items.length; i++) {
    if ((d.ts[i] as number) >= fromTs) counts[d.items[i] as number] = (counts[d.items[i] as number] as number) + 1;
  }
  return counts;
}

/** Keeps interactions offsets[u] … ends[u] − 1 of every user (a prefix each); all users stay. */
export function keepPrefixes(d: Interactions, ends: Uint32Array): Interactions {
  const users = userCount(d);
  const offsets = new Uint32Array(users + 1);
  for (let u = 0; u < users; u++) offsets[u + 1] = (offsets[u] as number) + (ends[u] as number) - (d.offsets[u] as number);
  const n = offsets[users] as number;
  const out: Interactions = {
    numItems: d.numItems, offsets, userCodes: d.userCodes,
    items: new Int32Array(n), ts: new Float64Array(n), session: new Int32Array(n), type: new Uint8Array(n),
  };
  for (let u = 0; u < users; u++) {
    const a = d.offsets[u] as number, b = ends[u] as number, at = offsets[u] as number;
    out.items.set(d.items.subarray(a, b), at);
    out.ts.set(d.ts.subarray(a, b), at);
    out.session.set(d.session.subarray(a, b), at);
    out.type.set(d.type.subarray(a, b), at);
  }
  return out;
}

/** Keeps every interaction with ts < cutoff (each user's are in time order, so this is a prefix). */
export function before(d: Interactions, cutoff: number): Interactions {
  const users = userCount(d);
  const ends = new Uint32Array(users);
  for (let u = 0; u < users; u++) {
    let e = d.offsets[u] as number;
    while (e < (d.offsets[u + 1] as number) && (d.ts[e] as number) < cutoff) e++;
    ends[u] = e;
  }
  return keepPrefixes(d, ends);
}

/**
 * The last `max` distinct items of a history, newest first. Scoring looks at recent taste only,
 * and a repeated item counts once (at its latest position), so one item bought ten times does not
 * outvote the rest of the basket.
 */
export function recentDistinct(history: Int32Array, max: number): Int32Array {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let i = history.length - 1; i >= 0 && out.length < max; i--) {
    const item = history[i] as number;
    if (!seen.has(item)) {
      seen.add(item);
      out.push(item);
    }
  }
  return Int32Array.from(out);
}

/** One user's interactions for fromLists: items oldest first, optional times and sessions. */
export interface UserList {
  items: number[];
  ts?: number[];
  session?: number[];
}

/** Builds Interactions from plain per-user lists (synthetic data and tests); times default to 0, 1, 2 … */
export function fromLists(numItems: number, users: UserList[]): Interactions {
  const offsets = new Uint32Array(users.length + 1);
  users.forEach((u, k) => (offsets[k + 1] = (offsets[k] as number) + u.items.length));
  const n = offsets[users.length] as number;
  const d: Interactions = {
    numItems, offsets, userCodes: Int32Array.from(users, (_, k) => k),
    items: new Int32Array(n), ts: new Float64Array(n), session: new Int32Array(n), type: new Uint8Array(n).fill(5),
  };
  users.forEach((u, k) => {
    const at = offsets[k] as number;
    d.items.set(u.items, at);
    d.ts.set(u.ts ?? u.items.map((_, i) => i), at);
    d.session.set(u.session ?? u.items.map(() => k), at);
  });
  return d;
}
