// Main-thread facade of the compute worker.
import type { ComputeApi, Overview } from './protocol';
import { workerHandle } from './worker-handle';

const handle = workerHandle<ComputeApi>(() => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }));

/** The overview of a dataset over an optional inclusive range of day indexes. */
export function fetchOverview(datasetId: string, range?: [number, number], signal?: AbortSignal): Promise<Overview> {
  return handle.call((api) => api.overview(datasetId, range), signal);
}

/** Drops a dataset from the worker's memory. */
export function evictDataset(datasetId: string): Promise<void> {
  return handle.call((api) => api.evict(datasetId));
}
