// Conversion funnels over each user's time-ordered events, in the three orders analytics vendors offer
// ("this order", "exact order", "any order"). Counts are unique users; anonymous events never count.
import type { CodeColumn, EventTable } from './event-table';
import { DAY_MS, type Grouping } from './indexes';

/** Most steps a funnel may have: an event's step matches are the bits of one 32-bit mask. */
export const MAX_STEPS = 32;
/** Breakdown keys shown before the rest are merged into 'Other'. */
export const BREAKDOWN_TOP = 10;
/** Time-to-step histogram buckets: a gap falls in the first bucket whose `below` (ms) exceeds it. */
export const TIME_BUCKETS: readonly { label: string; below: number }[] = [
  { label: '<1m', below: 60_000 }, { label: '1–10m', below: 600_000 }, { label: '10–60m', below: 3_600_000 },
  { label: '1–6h', below: 6 * 3_600_000 }, { label: '6–24h', below: DAY_MS }, { label: '1–7d', below: 7 * DAY_MS },
  { label: '>7d', below: Infinity },
];

/** The event's code in `column` must be one of `codes` (-1 matches a missing value). */
export interface StepFilter { column: CodeColumn; codes: number[] }
/** One funnel step: an event type, optional code filters and an inclusive unit-price range. */
export interface FunnelStep { type: number; filters?: StepFilter[]; priceMin?: number; priceMax?: number }
/** 'ordered': steps in order, other events between; 'strict': consecutive events; 'any': any order. */
export type FunnelOrder = 'ordered' | 'strict' | 'any';
/** What the breakdown splits entering users by. */
export type FunnelBreakdown = 'country' | 'channel' | 'category' | 'segment';
/** A funnel query; all steps must happen within `windowMs` (inclusive) of the chain's first step. */
export interface FunnelQuery {
  steps: FunnelStep[]; windowMs: number; order: FunnelOrder; breakdown?: FunnelBreakdown;
  /** Per user code, a segment index (or -1) and the segment names, for breakdown 'segment'. */
  segments?: { of: Int8Array; names: string[] };
}
/** Everything the funnel screen shows. */
export interface FunnelResult {
  /** Users reaching each step; conversion from step 1, from the previous step, users lost vs previous. */
  steps: { users: number; conversion: number; stepConversion: number; dropOff: number }[];
  /**
   * One per step 2..k, over users at the moment they first reach the step: the gap from the previous
   * step of that chain ('any': from first reaching the previous step). Median 0 when nobody converted.
   */
  timeToStep: { medianMs: number; histogram: { label: string; users: number }[] }[];
  /** By the UTC day of each user's first step-1 event, every day from the first to the last. */
  byDay: { day: string; entered: number; converted: number; rate: number }[];
  /** By the value of the user's first step-1 event (or segment); top keys by entered, then 'Other'. */
  breakdown: { key: string; entered: number; steps: number[] }[] | null;
}

/** Scratch state of one funnel run, reused for every user so the scans allocate nothing per event. */
interface Scan {
  order: Uint32Array; ts: Float64Array; masks: Uint32Array; k: number; w: number;
  /** Per step, the gap from the previous step of each user at the moment they first reached it. */
  gaps: number[][];
  /** Per-step scratch whose meaning depends on the scan (see each). */
  a: Float64Array; b: Float64Array;
  /** 'any' only: event class (-1 none, j for exactly step j, else a shared multi-step mask). */
  classOf: Int32Array; classMask: number[]; cnt: Int32Array; used: Int32Array; seen: Float64Array; owner: Int32Array; stamp: number;
}

/** Bit j of masks[e] says event e matches step j. */
function stepMasks(t: EventTable, steps: FunnelStep[]): Uint32Array {
  const masks = new Uint32Array(t.n);
  steps.forEach((s, j) => {
    const filters = (s.filters ?? []).map((f) => {
      const allowed = new Uint8Array(f.codes.reduce((x, c) => Math.max(x, c), 0) + 2);
      for (const c of f.codes) if (c >= -1) allowed[c + 1] = 1;
      return { col: t.codes[f.column], allowed };
    });
    const lo = s.priceMin ?? -Infinity, hi = s.priceMax ?? Infinity;
    const priced = s.priceMin !== undefined || s.priceMax !== undefined;
    for (let e = 0; e < t.n; e++) {
      if (t.type[e] !== s.type) continue;
      const p = t.price[e] as number;
      if (priced && !(p >= lo && p <= hi)) continue; // an unknown (NaN) price fails any bound
      let ok = true;
      for (let f = 0; f < filters.length && ok; f++) {
        const { col, allowed } = filters[f] as (typeof filters)[number];
        ok = allowed[(col ? (col[e] as number) : -1) + 1] === 1;
      }
      if (ok) masks[e] = (masks[e] as number) | (1 << j);
    }
  });
  return masks;
}

/** Records that the user first reached step j with `gap` ms since the previous step. */
const reach = (s: Scan, j: number, gap: number) => { if (j > 0) (s.gaps[j] as number[]).push(gap); };

/**
 * 'ordered': a[j] = latest start of any chain reaching step j so far (a later start dominates: it
 * leaves more window for later steps), b[j] = that chain's latest step-j time. Steps are visited
 * from last to first so one event never serves two steps of the same chain.
 */
function scanOrdered(s: Scan, from: number, to: number): number {
  const { a, b, k, w } = s;
  a.fill(NaN);
  let reached = 0;
  for (let i = from; i < to && reached < k; i++) {
    const e = s.order[i] as number, m = s.masks[e] as number;
    if (m === 0) continue;
    const t = s.ts[e] as number;
    for (let j = k - 1; j >= 1; j--) {
      const start = a[j - 1] as number;
      if (((m >>> j) & 1) === 0 || !(t - start <= w)) continue; // NaN: step j-1 not reached yet
      if (j >= reached) { reached = j + 1; reach(s, j, t - (b[j - 1] as number)); }
      if (!(start < (a[j] as number))) { a[j] = start; b[j] = t; }
    }
    if (m & 1) { a[0] = t; b[0] = t; if (reached === 0) reached = 1; }
  }
  return reached;
}

/** 'strict': a[j] = start of the chain ending at the previous event at step j (chains are consecutive events). */
function scanStrict(s: Scan, from: number, to: number): number {
  let prev = s.a, cur = s.b;
  const { k, w } = s;
  prev.fill(NaN);
  let reached = 0, prevT = NaN;
  for (let i = from; i < to && reached < k; i++) {
    const e = s.order[i] as number, m = s.masks[e] as number, t = s.ts[e] as number;
    for (let j = k - 1; j >= 1; j--) {
      const start = prev[j - 1] as number;
      cur[j] = ((m >>> j) & 1) === 1 && t - start <= w ? start : NaN;
      if (j >= reached && cur[j] === start) { reached = j + 1; reach(s, j, t - prevT); }
    }
    cur[0] = m & 1 ? t : NaN;
    if (m & 1 && reached === 0) reached = 1;
    const swap = prev;
    prev = cur;
    cur = swap;
    prevT = t;
  }
  return reached;
}

/** Kuhn's augmenting path: finds step j an event class with room, moving earlier steps if need be. */
function augment(s: Scan, j: number, top: number): boolean {
  for (let c = 0; c < s.classMask.length; c++) {
    if ((((s.classMask[c] as number) >>> j) & 1) === 0 || s.cnt[c] === 0 || s.seen[c] === s.stamp) continue;
    s.seen[c] = s.stamp;
    let ok = (s.used[c] as number) < (s.cnt[c] as number);
    if (ok) s.used[c] = (s.used[c] as number) + 1;
    for (let x = 0; x < top && !ok; x++) ok = s.owner[x] === c && augment(s, x, top);
    if (ok) { s.owner[j] = c; return true; }
  }
  return false;
}

/** How many leading steps the events in the window can cover, each event serving one step. */
function windowDepth(s: Scan, multi: number): number {
  let j = 0;
  if (multi === 0) { // every event matches one step: a count per step says it all
    while (j < s.k && (s.cnt[j] as number) > 0) j++;
    return j;
  }
  s.used.fill(0);
  s.owner.fill(-1);
  for (; j < s.k; j++) {
    s.stamp++;
    if (!augment(s, j, j)) break;
  }
  return j;
}

/** 'any': slides a window of windowMs over the user's events; reaching j = steps 1..j fit in one window. */
function scanAny(s: Scan, from: number, to: number): number {
  const { k, w, cnt } = s;
  cnt.fill(0);
  let reached = 0, lo = from, multi = 0, last = NaN;
  for (let i = from; i < to && reached < k; i++) {
    const e = s.order[i] as number, c = s.classOf[e] as number;
    if (c < 0) continue;
    const t = s.ts[e] as number;
    for (; t - (s.ts[s.order[lo] as number] as number) > w; lo++) {
      const old = s.classOf[s.order[lo] as number] as number;
      if (old < 0) continue;
      cnt[old] = (cnt[old] as number) - 1;
      if (old >= k) multi--;
    }
    cnt[c] = (cnt[c] as number) + 1;
    if (c >= k) multi++;
    // The gap is from the moment the previous step was first reached: 'any' has no order to follow.
    for (const d = windowDepth(s, multi); reached < d; reached++) { reach(s, reached, t - last); last = t; }
  }
  return reached;
}

/** Gives every event a class for 'any': its step when it matches exactly one, else its shared mask. */
function classify(s: Scan): void {
  const ids = new Map<number, number>();
  s.classMask = Array.from({ length: s.k }, (_, j) => 1 << j);
  s.classOf = new Int32Array(s.masks.length);
  for (let e = 0; e < s.masks.length; e++) {
    const m = s.masks[e] as number;
    if ((m & (m - 1)) === 0) { s.classOf[e] = m === 0 ? -1 : 31 - Math.clz32(m); continue; }
    let c = ids.get(m);
    if (c === undefined) { c = s.classMask.push(m) - 1; ids.set(m, c); }
    s.classOf[e] = c;
  }
  const C = s.classMask.length;
  Object.assign(s, { cnt: new Int32Array(C), used: new Int32Array(C), seen: new Float64Array(C), owner: new Int32Array(s.k) });
}

/** Median (mean of the middle two) and bucket counts of time gaps. */
function timeStats(gaps: number[]): FunnelResult['timeToStep'][number] {
  const v = Float64Array.from(gaps).sort();
  const mid = v.length >> 1;
  const medianMs = v.length === 0 ? 0 : v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  const histogram = TIME_BUCKETS.map((b) => ({ label: b.label, users: 0 }));
  for (const g of v) (histogram[TIME_BUCKETS.findIndex((b) => g < b.below)] as { users: number }).users++;
  return { medianMs, histogram };
}

/** Runs a funnel; `depth` holds the steps each user code reached (0 = never entered). */
export function funnel(t: EventTable, byUser: Grouping, q: FunnelQuery): { result: FunnelResult; depth: Uint8Array } {
  const k = q.steps.length;
  if (k < 1 || k > MAX_STEPS) throw new RangeError(`A funnel needs 1 to ${MAX_STEPS} steps, got ${k}`);
  if (!(q.windowMs >= 0)) throw new RangeError(`The conversion window must be 0 ms or more, got ${q.windowMs}`);
  const users = byUser.offsets.length - 1;
  const none = new Int32Array(0);
  const s: Scan = {
    order: byUser.order, ts: t.ts, masks: stepMasks(t, q.steps), k, w: q.windowMs, gaps: q.steps.map(() => []),
    a: new Float64Array(k), b: new Float64Array(k), classOf: none, classMask: [], cnt: none, used: none, seen: new Float64Array(0), owner: none, stamp: 0,
  };
  if (q.order === 'any') classify(s);
  const scan = q.order === 'any' ? scanAny : q.order === 'strict' ? scanStrict : scanOrdered;
  const depth = new Uint8Array(users);
  const first = new Int32Array(users).fill(-1); // each user's first step-1 event
  for (let u = 0; u < users; u++) {
    const from = byUser.offsets[u] as number, to = byUser.offsets[u + 1] as number;
    for (let i = from; i < to && first[u] === -1; i++) if ((s.masks[byUser.order[i] as number] as number) & 1) first[u] = byUser.order[i] as number;
    if (first[u] !== -1) depth[u] = scan(s, from, to);
  }
  const reachedBy = new Float64Array(k + 1);
  for (let u = 0; u < users; u++) reachedBy[depth[u] as number] = (reachedBy[depth[u] as number] as number) + 1;
  const counts = new Array<number>(k);
  for (let j = k - 1, acc = 0; j >= 0; j--) counts[j] = acc += reachedBy[j + 1] as number;
  const ratio = (x: number, y: number) => (y > 0 ? x / y : 0);
  const steps = counts.map((n, j) => {
    const prev = j === 0 ? n : (counts[j - 1] as number);
    return { users: n, conversion: ratio(n, counts[0] as number), stepConversion: ratio(n, prev), dropOff: prev - n };
  });
  return {
    result: { steps, timeToStep: s.gaps.slice(1).map(timeStats), byDay: byDay(t, depth, first, k), breakdown: breakdown(t, q, depth, first) },
    depth,
  };
}

/** Entered and fully converted users by the UTC day of their first step-1 event. */
function byDay(t: EventTable, depth: Uint8Array, first: Int32Array, k: number): FunnelResult['byDay'] {
  let min = Infinity, max = -Infinity;
  for (const e of first) if (e >= 0) { const d = Math.floor((t.ts[e] as number) / DAY_MS); min = Math.min(min, d); max = Math.max(max, d); }
  if (min > max) return [];
  const entered = new Float64Array(max - min + 1), converted = new Float64Array(max - min + 1);
  first.forEach((e, u) => {
    if (e < 0) return;
    const d = Math.floor((t.ts[e] as number) / DAY_MS) - min;
    entered[d] = (entered[d] as number) + 1;
    if (depth[u] === k) converted[d] = (converted[d] as number) + 1;
  });
  return [...entered].map((n, d) => {
    const c = converted[d] as number;
    return { day: new Date((min + d) * DAY_MS).toISOString().slice(0, 10), entered: n, converted: c, rate: n > 0 ? c / n : 0 };
  });
}

/** Users per step by breakdown key; key slot 0 is '(none)', slot c + 1 is code c. */
function breakdown(t: EventTable, q: FunnelQuery, depth: Uint8Array, first: Int32Array): FunnelResult['breakdown'] {
  if (!q.breakdown) return null;
  const k = q.steps.length;
  const seg = q.breakdown === 'segment' ? q.segments : undefined;
  const col = q.breakdown === 'segment' ? undefined : t.codes[q.breakdown];
  const names = ['(none)', ...(seg ? seg.names : (t.dicts[q.breakdown] ?? []))];
  const code = (u: number, e: number) => (seg ? (seg.of[u] ?? -1) : col ? (col[e] as number) : -1);
  const slotOf = (u: number, e: number) => (code(u, e) + 1 < names.length ? code(u, e) + 1 : 0); // unknown codes: '(none)'
  const per = new Float64Array(names.length * k);
  first.forEach((e, u) => {
    if (e < 0) return;
    const at = slotOf(u, e) * k;
    for (let j = 0; j < (depth[u] as number); j++) per[at + j] = (per[at + j] as number) + 1;
  });
  const slots = names.map((_, i) => i).filter((i) => (per[i * k] as number) > 0);
  slots.sort((x, y) => (per[y * k] as number) - (per[x * k] as number) || x - y);
  const row = (i: number) => Array.from(per.subarray(i * k, i * k + k));
  const out = slots.slice(0, BREAKDOWN_TOP).map((i) => ({ key: names[i] ?? `#${i - 1}`, entered: per[i * k] as number, steps: row(i) }));
  const rest = slots.slice(BREAKDOWN_TOP);
  if (rest.length > 0) {
    const steps = rest.map(row).reduce((x, y) => x.map((v, j) => v + (y[j] as number)));
    out.push({ key: 'Other', entered: steps[0] as number, steps });
  }
  return out;
}
