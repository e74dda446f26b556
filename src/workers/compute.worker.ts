// Compute worker: composition only. Keeps the most recently used dataset in memory.
import { expose, transfer } from 'comlink';
import { overview } from '../analytics/overview';
import { getDb } from '../storage/db';
import * as q from './analysis';
import { loadDataset, type LoadedDataset } from './dataset-loader';
import { receiveHandOver, type HandedDataset } from './hand-over';
import { ensureRuntime, selfTest } from './runtime';
import type { ComputeApi } from './protocol';

let cached: { id: string; data: Promise<LoadedDataset> } | null = null;
/** What an import is handing over, for the new dataset's first load. */
let incoming: { id: string; handed: Promise<HandedDataset | null> } | null = null;

function load(id: string): Promise<LoadedDataset> {
  if (cached?.id !== id) {
    const handed = incoming?.id === id ? incoming.handed : null;
    if (handed) incoming = null;
    const data = loadDataset(getDb(), id, handed);
    cached = { id, data };
    data.catch(() => {
      if (cached?.data === data) cached = null;
    });
  }
  return cached.data;
}

const api: ComputeApi = {
  overview: async (id, range) => {
    const d = await load(id);
    return overview(d.table, d.overview, range);
  },
  meta: async (id) => q.datasetMeta(await load(id)),
  funnel: async (id, req) => q.runFunnel(await load(id), req),
  retention: async (id, req) => q.runRetention(await load(id), req),
  paths: async (id, req) => q.runPaths(await load(id), req),
  rfm: async (id, asOf, compareTo) => q.runRfm(await load(id), asOf, compareTo),
  portrait: async (id, user) => q.runPortrait(await load(id), user),
  findUsers: async (id, query) => q.runFindUsers(await load(id), query),
  exportUsers: async (id, sel) => {
    const out = q.exportUsers(await load(id), sel);
    return transfer(out, [out.csv]);
  },
  // Forecasting and the runtime pull in TF.js: loaded on first use, in their own chunks.
  forecast: async (id, req) => (await import('./forecasting')).runForecastQuery(getDb(), id, await load(id), req),
  runtime: (preferred) => ensureRuntime(preferred),
  selfTest: () => selfTest(),
  train: async (id, req, onUpdate) => (await import('./models-api')).train(getDb(), id, await load(id), req, onUpdate),
  latestRun: async (id) => (await import('./models-api')).latestRun(getDb(), id),
  recommend: async (id, user, n, excludeSeen) => (await import('./models-api')).recommend(getDb(), id, await load(id), user, n, excludeSeen),
  exportTopN: async (id, n, excludeSeen) => {
    const out = await (await import('./models-api')).exportTopN(getDb(), id, await load(id), n, excludeSeen);
    return out ? transfer(out, [out.csv]) : null;
  },
  evict: async (id) => {
    if (cached?.id === id) cached = null;
    if (incoming?.id === id) incoming = null;
  },
  receive: async (id, port) => {
    const handed = receiveHandOver(port);
    incoming = { id, handed };
    // The new dataset's overview opens when the import ends. It is loaded as soon as the hand-over
    // is complete, while the page is still taking in the import's end (a failed load is forgotten
    // by `load` and tried again by the first query); the database is opened now, while the import runs.
    void handed.then((dataset) => {
      if (dataset && incoming?.handed === handed) load(id).catch(() => undefined);
    });
    await getDb().open();
  },
};

expose(api);
