// The models bench harness page: trains and evaluates recommenders in the app's compute worker,
// through its own client (src/workers/compute-client.ts), on a dataset the app imported in this
// origin's IndexedDB, and exposes the phases of a run as `globalThis.modelsBench` for Playwright.
import { proxy } from 'comlink';
import { compute } from '../../../src/workers/compute-client.ts';
import type { BackendName, TrainRequest, TrainUpdate } from '../../../src/workers/protocol.ts';

/** A finished epoch as the progress updates report it, stamped with the page time it arrived. */
interface EpochEnd {
  model: string;
  epoch: number;
  loss: number;
  epochMs?: number;
  seqPerSec?: number;
  validHr10?: number;
  at: number;
}

const id = new URLSearchParams(location.search).get('id') ?? '';

/** Progress sink the benchmark exposes (Playwright's exposeFunction); absent when the page is opened by hand. */
const forward = (u: TrainUpdate): void => {
  (globalThis as { benchProgress?: (u: TrainUpdate) => void }).benchProgress?.(u);
};

/** Switches the compute worker to `backend` (or starts the app's choice) and measures it with the runtime self-test. */
async function runtime(backend?: BackendName) {
  const info = await compute((api) => api.runtime(backend));
  const selfTest = await compute((api) => api.selfTest());
  return { info, selfTest };
}

/** Loads the dataset into the compute worker, so training is timed without the load; resolves to its size and the page-clock ms. */
async function load() {
  const t0 = performance.now();
  const meta = await compute((api) => api.meta(id));
  return { events: meta.events, users: meta.users, loadMs: performance.now() - t0 };
}

/**
 * One training run of `req`, timed on the page's clock. Besides the answer, resolves to when each
 * model's evaluation began (its 'evaluate' update) and every finished epoch, in page time.
 */
async function train(req: TrainRequest) {
  const evaluateAt: Record<string, number> = {};
  const epochEnds: EpochEnd[] = [];
  const onUpdate = (u: TrainUpdate) => {
    const at = performance.now();
    if (u.phase === 'evaluate') evaluateAt[u.model] = at;
    const p = u.progress;
    if (p && p.fraction === 1) epochEnds.push({ model: u.model, epoch: p.epoch, loss: p.loss, epochMs: p.epochMs, seqPerSec: p.seqPerSec, validHr10: p.valid?.hr10, at });
    forward(u);
  };
  const startAt = performance.now();
  const answer = await compute((api) => api.train(id, req, proxy(onUpdate)));
  return { answer, startAt, endAt: performance.now(), evaluateAt, epochEnds };
}

/** Top-10 of every user from the run's best model (the worker's exportTopN, as the Models screen's download); one call, page-clock ms. */
async function top10() {
  const t0 = performance.now();
  const out = await compute((api) => api.exportTopN(id, 10, false));
  return { ms: performance.now() - t0, rows: out?.rows ?? null, csvBytes: out?.csv.byteLength ?? null };
}

Object.assign(globalThis, { modelsBench: { runtime, load, train, top10 } });
