// The analytics bench harness page: calls the app's compute worker through its own client
// (src/workers/compute-client.ts) on a dataset the app imported in this origin's IndexedDB, and
// exposes the phases of a run as `globalThis.analyticsBench` for Playwright to call one by one.
import { DAY_MS } from '../../../src/analytics/indexes.ts';
import { CANONICAL_TYPES, type CanonicalType } from '../../../src/lib/canonical.ts';
import { compute } from '../../../src/workers/compute-client.ts';
import type { FunnelRequest, PathQuery, RetentionQuery } from '../../../src/workers/protocol.ts';

/** Type codes are indexes into CANONICAL_TYPES (view 0, cart 1, checkout 4, purchase 5). */
const code = (type: CanonicalType): number => CANONICAL_TYPES.indexOf(type);
const VIEW = code('view'), CART = code('cart'), CHECKOUT = code('checkout'), PURCHASE = code('purchase');

/** The timed funnel: view → cart → checkout → purchase within 7 days, in this order. */
const FUNNEL_4: FunnelRequest = { steps: [VIEW, CART, CHECKOUT, PURCHASE].map((type) => ({ type })), windowMs: 7 * DAY_MS, order: 'ordered' };
/** The reported funnel: view → cart → purchase within 1 day, in this order (Amplitude's default). */
const FUNNEL_3: FunnelRequest = { steps: [VIEW, CART, PURCHASE].map((type) => ({ type })), windowMs: DAY_MS, order: 'ordered' };
/** Weekly cohorts by first activity, any event counts as a return, on period N, 12 columns. */
const RETENTION: RetentionQuery = { cohortBy: 'first-activity', period: 'week', returnType: null, mode: 'on', maxPeriods: 12 };
/** Three steps of event types after each session's first view, 5 children per node. */
const PATHS: PathQuery = { anchor: VIEW, direction: 'next', depth: 3, by: 'type', topK: 5 };

/** The four timed queries by name. */
type QueryName = 'funnel' | 'retention' | 'paths' | 'rfm';
const QUERIES: readonly QueryName[] = ['funnel', 'retention', 'paths', 'rfm'];

const id = new URLSearchParams(location.search).get('id') ?? '';
/** Last event time (ms), read from the RFM summary at the dataset's end in `prepare`. */
let lastMs = NaN;
/** Next RFM moment: every timed or repeated RFM call gets a new one, just after the last event. */
let rfmCalls = 0;

/** Customers per segment name of an RFM summary. */
function segmentCounts(segments: { name: string; customers: number }[]): Record<string, number> {
  return Object.fromEntries(segments.map((s) => [s.name, s.customers]));
}

/**
 * One call of a timed query; resolves to the worker's `ms` and a small digest of the answer. RFM is
 * asked for at an explicit moment after the last event, which the worker never caches (it caches
 * only the table at the dataset's end), so each call scores every customer anew.
 */
async function runQuery(name: QueryName): Promise<{ ms: number; digest: unknown }> {
  switch (name) {
    case 'funnel': {
      const r = await compute((api) => api.funnel(id, FUNNEL_4));
      return { ms: r.ms, digest: r.steps.map((s) => s.users) };
    }
    case 'retention': {
      const r = await compute((api) => api.retention(id, RETENTION));
      return { ms: r.ms, digest: { cohorts: r.cohorts.length, periods: r.periods } };
    }
    case 'paths': {
      const r = await compute((api) => api.paths(id, PATHS));
      return { ms: r.ms, digest: { anchorSessions: r.anchorSessions, nodes: r.nodes.length } };
    }
    case 'rfm': {
      const r = await compute((api) => api.rfm(id, lastMs + ++rfmCalls));
      return { ms: r.ms, digest: segmentCounts(r.summary.segments) };
    }
  }
}

/**
 * Loads the dataset into the worker (meta), reads the RFM segments at the dataset's end and the
 * 1-day funnel, then warms each timed query up once; resolves to what the report needs from them.
 */
async function prepare() {
  const t0 = performance.now();
  const meta = await compute((api) => api.meta(id));
  const loadMs = performance.now() - t0;
  const rfm = await compute((api) => api.rfm(id));
  lastMs = Date.parse(rfm.summary.asOf);
  const funnel = await compute((api) => api.funnel(id, FUNNEL_3));
  const warmup: Record<string, { ms: number; digest: unknown }> = {};
  for (const q of QUERIES) warmup[q] = await runQuery(q);
  return {
    events: meta.events, users: meta.users, loadMs, asOf: rfm.summary.asOf, rfmEndMs: rfm.ms, customers: rfm.summary.customers,
    rfmSegments: segmentCounts(rfm.summary.segments), funnel: funnel.steps.map((s) => s.users), warmup,
  };
}

/** `reps` timed calls of each query, one query after the other; resolves to the worker ms per query. */
async function time(reps: number): Promise<Record<QueryName, number[]>> {
  const out = { funnel: [] as number[], retention: [] as number[], paths: [] as number[], rfm: [] as number[] };
  for (const q of QUERIES) for (let i = 0; i < reps; i++) out[q].push((await runQuery(q)).ms);
  return out;
}

/** `rounds` rounds of the four queries (the memory test); resolves to the wall ms it took. */
async function repeat(rounds: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of QUERIES) await runQuery(q);
  return performance.now() - t0;
}

Object.assign(globalThis, { analyticsBench: { prepare, time, repeat } });
