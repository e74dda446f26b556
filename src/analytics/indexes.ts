// Indexes built once per loaded dataset: events grouped by user (then time) and by UTC day.

/** Milliseconds per UTC day. */
export const DAY_MS = 86_400_000;
/** Inactivity that ends a derived session (the usual analytics default). */
export const SESSION_GAP_MS = 30 * 60_000;

/** A CSR-style grouping: group g holds order[offsets[g] .. offsets[g+1]). */
export interface Grouping {
  order: Uint32Array;
  offsets: Uint32Array;
}

/** Stable counting sort of event indexes by an integer key in [0, groups); negative keys are left out. */
export function groupBy(keys: Int32Array, groups: number): Grouping {
  const offsets = new Uint32Array(groups + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    if (k >= 0) offsets[k + 1] = (offsets[k + 1] as number) + 1;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const order = new Uint32Array(offsets[groups] as number);
  const fill = offsets.slice(0, groups);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    if (k >= 0) {
      const at = fill[k] as number;
      order[at] = i;
      fill[k] = at + 1;
    }
  }
  return { order, offsets };
}

/** Events by user, each user's events sorted by time (stable: equal times keep source order). */
export function groupByUser(user: Int32Array, ts: Float64Array, users: number): Grouping {
  const g = groupBy(user, users);
  for (let u = 0; u < users; u++) {
    const a = g.offsets[u] as number, b = g.offsets[u + 1] as number;
    let sorted = true;
    for (let i = a + 1; i < b && sorted; i++) sorted = (ts[g.order[i - 1] as number] as number) <= (ts[g.order[i] as number] as number);
    if (!sorted) {
      const slice = Array.from(g.order.subarray(a, b)).sort((x, y) => (ts[x] as number) - (ts[y] as number) || x - y);
      g.order.set(slice, a);
    }
  }
  return g;
}

/** Day index of every event relative to the first day, and the first day's number since epoch. */
export function dayKeys(ts: Float64Array): { keys: Int32Array; firstDay: number; days: number } {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as number;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (ts.length === 0) return { keys: new Int32Array(0), firstDay: 0, days: 0 };
  const firstDay = Math.floor(min / DAY_MS);
  const keys = new Int32Array(ts.length);
  for (let i = 0; i < ts.length; i++) keys[i] = Math.floor((ts[i] as number) / DAY_MS) - firstDay;
  return { keys, firstDay, days: Math.floor(max / DAY_MS) - firstDay + 1 };
}

/** Sessions by a 30-minute inactivity gap per user; anonymous events get none (-1). */
export function deriveSessions(byUser: Grouping, ts: Float64Array, n: number): { session: Int32Array; count: number } {
  const session = new Int32Array(n).fill(-1);
  let count = 0;
  for (let u = 0; u + 1 < byUser.offsets.length; u++) {
    let last = -Infinity;
    for (let i = byUser.offsets[u] as number; i < (byUser.offsets[u + 1] as number); i++) {
      const e = byUser.order[i] as number;
      const t = ts[e] as number;
      if (t - last > SESSION_GAP_MS) count++;
      session[e] = count - 1;
      last = t;
    }
  }
  return { session, count };
}
