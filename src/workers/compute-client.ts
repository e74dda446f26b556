// Main-thread facade of the compute worker.
import type { Remote } from 'comlink';
import type { ComputeApi, Overview } from './protocol';
import { workerHandle } from './worker-handle';

const handle = workerHandle<ComputeApi>(() => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }));

/** Calls the compute worker; results are plain data. Aborting terminates the worker (it restarts on the next call). */
export function compute<R>(fn: (api: Remote<ComputeApi>) => Promise<R>, signal?: AbortSignal): Promise<R> {
  return handle.call(fn, signal);
}

/** The overview of a dataset over an optional inclusive range of day indexes. */
export function fetchOverview(datasetId: string, range?: [number, number]): Promise<Overview> {
  return compute((api) => api.overview(datasetId, range));
}

/** Drops a dataset from the worker's memory. */
export function evictDataset(datasetId: string): Promise<void> {
  return compute((api) => api.evict(datasetId));
}

/** Starts the compute worker before its first call, so an import's overview does not wait for it to load. */
export function warmCompute(): void {
  void compute(() => Promise.resolve());
}
