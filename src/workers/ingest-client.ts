// Main-thread facade of the ingest worker.
import { proxy, transfer } from 'comlink';
import type { DemoImportRequest, Duplicate, FileImportRequest, ImportProgress, IngestApi, InspectResult } from './protocol';
import { workerHandle } from './worker-handle';

const handle = workerHandle<IngestApi>(() => new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' }));

/** Starts the ingest worker and its database ahead of the first import (see IngestApi.ready). */
export function prepareIngest(): Promise<void> {
  return handle.call((api) => api.ready());
}

/** Looks at dropped files and proposes a mapping. */
export function inspectFiles(files: File[], signal?: AbortSignal): Promise<InspectResult> {
  return handle.call((api) => api.inspect(files), signal);
}

/** The chosen files already stored in a dataset (waits for their content hashes). */
export function findDuplicates(files: File[], signal?: AbortSignal): Promise<Duplicate[]> {
  return handle.call((api) => api.duplicates(files), signal);
}

/**
 * Imports confirmed files; cancelling terminates the worker (the caller removes the partial
 * dataset). Stored chunks are also sent on `handOver` (`handOverPort`).
 */
export function importFiles(req: FileImportRequest, onProgress: (p: ImportProgress) => void, handOver: MessagePort, signal?: AbortSignal): Promise<number> {
  return handle.call((api) => api.importFiles(req, proxy(onProgress), transfer(handOver, [handOver])), signal);
}

/** Generates and stores the demo store; as `importFiles`. */
export function importDemo(req: DemoImportRequest, onProgress: (p: ImportProgress) => void, handOver: MessagePort, signal?: AbortSignal): Promise<number> {
  return handle.call((api) => api.importDemo(req, proxy(onProgress), transfer(handOver, [handOver])), signal);
}
