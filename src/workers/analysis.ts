// The compute worker's queries: plain requests in, plain results out, timed in the worker so the UI
// can show honestly how long each took. Caches the RFM table at the dataset's end for segments,
// breakdowns, portraits and exports.
import { OPTIONAL_CODES } from '../analytics/event-table';
import { funnel, type FunnelQuery } from '../analytics/funnel';
import { paths, pathNodeUsers, type PathQuery } from '../analytics/paths';
import { findUsers, portrait } from '../analytics/portrait';
import { retention, retentionCellUsers, type RetentionQuery } from '../analytics/retention';
import { rfmSummary, rfmTable, rfmTransitions, SEGMENT_RULES, SEGMENTS, type RfmTable } from '../analytics/rfm';
import { toCsv } from '../lib/csv';
import type { LoadedDataset } from './dataset-loader';
import type { DatasetMeta, FunnelRequest, UserSelection } from './protocol';

/** Values listed per dimension for filters and pickers. */
export const DIM_VALUES_SHOWN = 300;

const rfmCache = new WeakMap<LoadedDataset, RfmTable>();

/** The RFM table at the dataset's last event, computed once per loaded dataset. */
export function rfmAtEnd(d: LoadedDataset): RfmTable {
  let r = rfmCache.get(d);
  if (!r) {
    r = rfmTable(d.table, d.byUser);
    rfmCache.set(d, r);
  }
  return r;
}

/** Runs `fn` and adds the worker-side milliseconds it took. */
export function timed<T extends object>(fn: () => T): T & { ms: number } {
  const t0 = performance.now();
  const out = fn();
  return { ...out, ms: performance.now() - t0 };
}

/** What pickers need: event types, dimension values, the span. */
export function datasetMeta(d: LoadedDataset): DatasetMeta {
  const t = d.table;
  const typeCounts = new Float64Array(256);
  for (let i = 0; i < t.n; i++) typeCounts[t.type[i] as number] = (typeCounts[t.type[i] as number] as number) + 1;
  const types = (t.dicts.type ?? []).map((name, code) => ({ code, name, count: typeCounts[code] ?? 0 })).filter((x) => x.count > 0);
  const dims: DatasetMeta['dims'] = {};
  for (const col of OPTIONAL_CODES) {
    const codes = t.codes[col];
    if (!codes || col === 'order' || col === 'name') continue;
    dims[col] = topValues(codes, t.dicts[col] ?? []);
  }
  const first = d.overview.daily[0]?.day ?? '';
  return { events: t.n, users: t.dicts.user?.length ?? 0, types, dims, span: [first, d.overview.daily.at(-1)?.day ?? first], segments: [...SEGMENTS] };
}

function topValues(codes: Int32Array, names: string[]): { code: number; name: string; count: number }[] {
  const counts = new Float64Array(names.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c >= 0) counts[c] = (counts[c] as number) + 1;
  }
  return names.map((name, code) => ({ code, name, count: counts[code] ?? 0 })).sort((a, b) => b.count - a.count).slice(0, DIM_VALUES_SHOWN);
}

/** A funnel, with RFM segments attached when broken down by segment. */
export function runFunnel(d: LoadedDataset, req: FunnelRequest) {
  const q: FunnelQuery = { ...req, segments: req.breakdown === 'segment' ? { of: rfmAtEnd(d).segment, names: [...SEGMENTS] } : undefined };
  return timed(() => funnel(d.table, d.byUser, q).result);
}

/** A retention table. */
export const runRetention = (d: LoadedDataset, q: RetentionQuery) => timed(() => retention(d.table, d.byUser, q));
/** A paths tree. */
export const runPaths = (d: LoadedDataset, q: PathQuery) => timed(() => paths(d.table, d.byUser, q));

/** RFM segments at the dataset's end or a chosen date, optionally with moves from another date. */
export function runRfm(d: LoadedDataset, asOf?: number, compareTo?: number) {
  return timed(() => {
    const table = asOf === undefined ? rfmAtEnd(d) : rfmTable(d.table, d.byUser, asOf);
    const before = compareTo === undefined ? null : rfmTable(d.table, d.byUser, compareTo);
    return { summary: rfmSummary(d.table, table), transitions: before ? rfmTransitions(before, table) : null, rules: SEGMENT_RULES };
  });
}

/** A customer's portrait by id, or null. */
export function runPortrait(d: LoadedDataset, id: string) {
  const code = (d.table.dicts.user ?? []).indexOf(id);
  return code < 0 ? null : portrait(d.table, d.byUser, code, rfmAtEnd(d));
}

/** User ids matching a search. */
export const runFindUsers = (d: LoadedDataset, query: string) => findUsers(d.table, query, 20);

/** The user codes a selection stands for. */
function selectUsers(d: LoadedDataset, sel: UserSelection): Int32Array {
  const { table: t, byUser } = d;
  switch (sel.kind) {
    case 'segment': {
      const seg = (sel.asOf === undefined ? rfmAtEnd(d) : rfmTable(t, byUser, sel.asOf)).segment;
      return Int32Array.from(codesWhere(seg.length, (u) => seg[u] === sel.segment));
    }
    case 'funnel-step': {
      const { depth } = funnel(t, byUser, sel.query);
      return Int32Array.from(codesWhere(depth.length, (u) => (sel.converted ? (depth[u] as number) >= sel.step : depth[u] === sel.step - 1)));
    }
    case 'cohort':
      return retentionCellUsers(t, byUser, sel.query, sel.cohort, sel.n);
    case 'path':
      return pathNodeUsers(t, byUser, sel.query, sel.nodeId);
  }
}

function* codesWhere(n: number, keep: (u: number) => boolean): Generator<number> {
  for (let u = 0; u < n; u++) if (keep(u)) yield u;
}

/** CSV of the selected users with their RFM features at the dataset's end; no row cap. */
export function exportUsers(d: LoadedDataset, sel: UserSelection): { csv: ArrayBuffer; rows: number } {
  const users = selectUsers(d, sel);
  const r = rfmAtEnd(d);
  const ids = d.table.dicts.user ?? [];
  const rows = Array.from(users, (u) => {
    const s = r.segment[u] as number;
    return s < 0 ? [ids[u] ?? '', '', '', '', '', '', '', ''] : [ids[u] ?? '', round(r.recencyDays[u]), r.frequency[u] ?? 0, round(r.monetary[u]), r.r[u] ?? 0, r.f[u] ?? 0, r.m[u] ?? 0, SEGMENTS[s] ?? ''];
  });
  const text = toCsv(['user_id', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'], rows);
  return { csv: new TextEncoder().encode(text).buffer as ArrayBuffer, rows: users.length };
}

const round = (x: number | undefined) => Math.round((x ?? 0) * 100) / 100;
