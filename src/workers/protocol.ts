// The contract between the main thread and the workers. Everything crossing it is plain data;
// large arrays travel as transferred ArrayBuffers.
import type { Overview } from '../analytics/overview';
import type { Mapping } from '../ingest/types';
import type { ImportProgress } from './import-job';
import type { InspectResult } from './inspect';

export type { Overview, DailyPoint, Kpis, Ranked } from '../analytics/overview';
export type { ImportProgress } from './import-job';
export type { InspectResult } from './inspect';

/** A confirmed import of user files. */
export interface FileImportRequest {
  datasetId: string;
  name: string;
  files: File[];
  inspected: InspectResult;
  mapping: Mapping;
  preset: string;
}

/** The demo store: generated from a seed, stored like any import. */
export interface DemoImportRequest {
  datasetId: string;
  seed: number;
}

/** Seed of the demo store that `/#/demo` opens, so every sales link shows the same shop. */
export const DEMO_SEED = 20_260_501;

/** The ingest worker's API. */
export interface IngestApi {
  inspect(files: File[]): Promise<InspectResult>;
  importFiles(req: FileImportRequest, onProgress: (p: ImportProgress) => void): Promise<number>;
  importDemo(req: DemoImportRequest, onProgress: (p: ImportProgress) => void): Promise<number>;
}

/** The compute worker's API. `range` is an inclusive pair of day indexes into the daily series. */
export interface ComputeApi {
  overview(datasetId: string, range?: [number, number]): Promise<Overview>;
  /** Forgets a loaded dataset (after delete). */
  evict(datasetId: string): Promise<void>;
}
