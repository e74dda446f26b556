// Main-thread facade of the compute worker.
import { transfer, type Remote } from 'comlink';
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

/**
 * Starts the compute worker for an import of `datasetId` and returns a port for the importing
 * worker: every chunk it stores comes over this port too, so the overview that opens after the
 * import reads nothing back from storage (hand-over.ts).
 */
export function handOverPort(datasetId: string): MessagePort {
  const { port1, port2 } = new MessageChannel();
  void compute((api) => api.receive(datasetId, transfer(port1, [port1])));
  return port2;
}
