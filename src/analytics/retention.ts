// Cohort retention tables. Choices, so the numbers can be checked by hand:
// - A user's cohort is the UTC period of their first event (`first-activity`) or first purchase
//   (`first-purchase`; users who never purchased are left out, and their earlier events ignored).
// - Periods are UTC calendar days, ISO weeks (Monday 00:00 UTC; labelled by ISO week-year, so
//   2010-12-27 is 2010-W52 and 2011-01-03 is 2011-W01) or calendar months.
// - N counts periods after the cohort period. A user counts at most once per cell: at N in mode
//   `on` when they have a return event (any type, or `returnType`) in period cohort+N; in
//   `on-or-after` (unbounded retention) when they have one in any period ≥ cohort+N. N = 0 is the
//   cohort size whatever the return type: the cohort event itself makes the user a member.
// - The triangle: a cohort reports N = 0 .. min(maxPeriods, last − cohort + 1) − 1, where `last`
//   is the period of the dataset's last event (anonymous events included). That last period may
//   be partial; it is shown like the rest, as most tools do.
// - Cohorts without users are left out; `retentionCellUsers` indexes the cohorts as returned.
// - `average[N]` is Σ retained / Σ size over the cohorts observed at N (weighted by cohort size).
import type { EventTable } from './event-table';
import { DAY_MS, type Grouping } from './indexes';

/** Type code of a purchase (CANONICAL_TYPES). */
const PURCHASE = 5;

/** What a retention table counts. `maxPeriods` is the number of columns, N = 0 included. */
export interface RetentionQuery {
  cohortBy: 'first-activity' | 'first-purchase';
  period: 'day' | 'week' | 'month';
  /** Type code of the events that count as a return; null = any event. */
  returnType: number | null;
  mode: 'on' | 'on-or-after';
  maxPeriods: number;
}

/** One row of the table. */
export interface Cohort {
  /** 2011-01-03, 2011-W01 or 2011-01. */
  label: string;
  /** First day of the period, ISO date. */
  start: string;
  size: number;
  /** Users counted at N = 0 .. observed − 1; N = 0 is the cohort size. */
  retained: number[];
}

/** A retention triangle with its size-weighted average row. */
export interface RetentionResult {
  cohorts: Cohort[];
  /** Per N: Σ retained ÷ Σ size over the cohorts observed at N (a fraction). */
  average: number[];
  /** Columns of the widest cohort row. */
  periods: number;
}

/** The dataset's span cut into periods, numbered from 0 (the period of the first event). */
interface Periods {
  firstDay: number;
  /** Period of each day of the span, relative to `firstDay`. */
  ofDay: Int32Array;
  count: number;
  /** Epoch day on which each period starts (may precede the first event's day). */
  startDay: number[];
}

/** A period's absolute number: days and weeks since the epoch, or year × 12 + month. */
function absPeriod(day: number, kind: RetentionQuery['period']): number {
  if (kind === 'day') return day;
  // 1970-01-01 was a Thursday, so day + 3 counts from the Monday before it.
  if (kind === 'week') return Math.floor((day + 3) / 7);
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Epoch day on which an absolute period starts. */
function startOf(p: number, kind: RetentionQuery['period']): number {
  if (kind === 'day') return p;
  if (kind === 'week') return p * 7 - 3;
  return Date.UTC(Math.floor(p / 12), p % 12, 1) / DAY_MS;
}

/** Builds a day → period table once, so each event costs one lookup (months need Date). */
function periodsOf(t: EventTable, kind: RetentionQuery['period']): Periods {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < t.n; i++) {
    const ts = t.ts[i] as number;
    if (ts < min) min = ts;
    if (ts > max) max = ts;
  }
  if (t.n === 0) return { firstDay: 0, ofDay: new Int32Array(0), count: 0, startDay: [] };
  const firstDay = Math.floor(min / DAY_MS);
  const ofDay = new Int32Array(Math.floor(max / DAY_MS) - firstDay + 1);
  const startDay: number[] = [];
  let prev = NaN;
  for (let d = 0; d < ofDay.length; d++) {
    const p = absPeriod(firstDay + d, kind);
    if (p !== prev) startDay.push(startOf(p, kind));
    prev = p;
    ofDay[d] = startDay.length - 1;
  }
  return { firstDay, ofDay, count: startDay.length, startDay };
}

/** 2011-W01: the ISO week-year is the year of the week's Thursday. */
function isoWeekLabel(monday: number): string {
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((monday + 3 - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Label of a period for the table's first column. */
function labelOf(startDay: number, kind: RetentionQuery['period']): string {
  const iso = new Date(startDay * DAY_MS).toISOString().slice(0, 10);
  return kind === 'week' ? isoWeekLabel(startDay) : kind === 'month' ? iso.slice(0, 7) : iso;
}

/** Scans one user at a time into reusable buffers (no allocation per user or event). */
class UserScan {
  /** Cohort period, or -1 when the user has none. */
  cohort = -1;
  /** Number of entries in `ns`. */
  hits = 0;
  /** Distinct N ≥ 1 with a return event, increasing (events are sorted by time). */
  readonly ns: Int32Array;

  constructor(private readonly t: EventTable, private readonly byUser: Grouping, private readonly q: RetentionQuery, private readonly p: Periods) {
    this.ns = new Int32Array(p.count);
  }

  private periodOf(e: number): number {
    return this.p.ofDay[Math.floor((this.t.ts[e] as number) / DAY_MS) - this.p.firstDay] as number;
  }

  run(u: number): void {
    const { t, byUser, q, ns } = this;
    const b = byUser.offsets[u + 1] as number;
    let i = byUser.offsets[u] as number;
    this.cohort = -1;
    this.hits = 0;
    if (q.cohortBy === 'first-purchase') while (i < b && t.type[byUser.order[i] as number] !== PURCHASE) i++;
    if (i >= b) return;
    const c = this.periodOf(byUser.order[i] as number);
    this.cohort = c;
    let last = 0;
    for (; i < b; i++) {
      const e = byUser.order[i] as number;
      if (q.returnType !== null && t.type[e] !== q.returnType) continue;
      const n = this.periodOf(e) - c;
      if (n > last) ns[this.hits++] = last = n;
    }
  }
}

/** Rejects queries that would give an empty or unbounded table. */
function check(q: RetentionQuery): void {
  if (!Number.isInteger(q.maxPeriods) || q.maxPeriods < 1) throw new RangeError(`maxPeriods must be a positive integer, got ${q.maxPeriods}`);
}

/** Adds one at a[k]. */
const inc = (a: Float64Array, k: number): void => {
  a[k] = (a[k] as number) + 1;
};

/** Columns a cohort starting at period c can report. */
const observedOf = (p: Periods, q: RetentionQuery, c: number) => Math.min(q.maxPeriods, p.count - c);

/** The retention triangle: one row per non-empty cohort, plus the weighted average row. */
export function retention(t: EventTable, byUser: Grouping, q: RetentionQuery): RetentionResult {
  check(q);
  const p = periodsOf(t, q.period);
  const scan = new UserScan(t, byUser, q, p);
  const width = Math.min(q.maxPeriods, p.count);
  const size = new Float64Array(p.count);
  // Mode `on`: users per cell. Mode `on-or-after`: users by their last counted N, summed from the right below.
  const cells = new Float64Array(p.count * width);
  for (let u = 0; u + 1 < byUser.offsets.length; u++) {
    scan.run(u);
    const c = scan.cohort;
    if (c < 0) continue;
    inc(size, c);
    const observed = observedOf(p, q, c);
    if (q.mode === 'on') {
      for (let k = 0; k < scan.hits && (scan.ns[k] as number) < observed; k++) inc(cells, c * width + (scan.ns[k] as number));
    } else if (scan.hits > 0) {
      inc(cells, c * width + Math.min(scan.ns[scan.hits - 1] as number, observed - 1));
    }
  }
  const cohorts: Cohort[] = [];
  const sums = new Float64Array(width), sizes = new Float64Array(width);
  for (let c = 0; c < p.count; c++) {
    const s = size[c] as number;
    if (s === 0) continue;
    const retained = Array.from(cells.subarray(c * width, c * width + observedOf(p, q, c)));
    if (q.mode === 'on-or-after') for (let n = retained.length - 2; n >= 1; n--) retained[n] = (retained[n] as number) + (retained[n + 1] as number);
    retained[0] = s;
    retained.forEach((r, n) => {
      sums[n] = (sums[n] as number) + r;
      sizes[n] = (sizes[n] as number) + s;
    });
    const start = p.startDay[c] as number;
    cohorts.push({ label: labelOf(start, q.period), start: new Date(start * DAY_MS).toISOString().slice(0, 10), size: s, retained });
  }
  const periods = cohorts.reduce((m, c) => Math.max(m, c.retained.length), 0);
  return { cohorts, average: Array.from(sums.subarray(0, periods), (s, n) => s / (sizes[n] as number)), periods };
}

/** User codes counted in one cell (`cohort` indexes `retention(...).cohorts`), ascending, for CSV export. */
export function retentionCellUsers(t: EventTable, byUser: Grouping, q: RetentionQuery, cohort: number, n: number): Int32Array {
  check(q);
  const p = periodsOf(t, q.period);
  const scan = new UserScan(t, byUser, q, p);
  const users = byUser.offsets.length - 1;
  const cohortOf = new Int32Array(users);
  const nonEmpty = new Uint8Array(p.count);
  for (let u = 0; u < users; u++) {
    scan.run(u);
    cohortOf[u] = scan.cohort;
    if (scan.cohort >= 0) nonEmpty[scan.cohort] = 1;
  }
  let c = -1;
  for (let k = 0, seen = 0; k < p.count && c < 0; k++) if (nonEmpty[k] && seen++ === cohort) c = k;
  if (c < 0) throw new RangeError(`no cohort ${cohort}`);
  if (!Number.isInteger(n) || n < 0 || n >= observedOf(p, q, c)) throw new RangeError(`cohort ${cohort} has no period ${n}`);
  const out: number[] = [];
  for (let u = 0; u < users; u++) {
    if (cohortOf[u] !== c) continue;
    if (n > 0) {
      scan.run(u);
      const ns = scan.ns.subarray(0, scan.hits);
      if (q.mode === 'on' ? !ns.includes(n) : scan.hits === 0 || (ns[scan.hits - 1] as number) < n) continue;
    }
    out.push(u);
  }
  return Int32Array.from(out);
}
