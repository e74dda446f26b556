// The contract between the main thread and the workers. Everything crossing it is plain data;
// large arrays travel as transferred ArrayBuffers.
import type { FunnelQuery, FunnelResult } from '../analytics/funnel';
import type { Overview } from '../analytics/overview';
import type { PathQuery, PathResult } from '../analytics/paths';
import type { Portrait } from '../analytics/portrait';
import type { RetentionQuery, RetentionResult } from '../analytics/retention';
import type { RfmSummary } from '../analytics/rfm';
import type { EncodedChunk } from '../ingest/encoder';
import type { Mapping } from '../ingest/types';
import type { ChunkRecord } from '../storage/schema';
import type { ChunkSender, FilePart, PartResult } from './file-parts';
import type { HashKind } from './file-source';
import type { ImportProgress } from './import-job';
import type { BackendInfo, BackendName } from '../models/runtime/backends';
import type { RuntimeSelfTest } from '../models/runtime/self-test';
import type { ForecastAnswer, ForecastRequest } from './forecasting';
import type { Recommendation } from './recommend';
import type { TrainAnswer, TrainRequest, TrainUpdate } from './recsys-train';
import type { Duplicate, InspectResult } from './inspect';

export type { Overview, DailyPoint, Kpis, Ranked } from '../analytics/overview';
export type { FunnelBreakdown, FunnelOrder, FunnelQuery, FunnelResult, FunnelStep, StepFilter } from '../analytics/funnel';
export type { PathNode, PathQuery, PathResult } from '../analytics/paths';
export type { Portrait } from '../analytics/portrait';
export type { Cohort, RetentionQuery, RetentionResult } from '../analytics/retention';
export type { RfmSummary } from '../analytics/rfm';
export type { ImportProgress } from './import-job';
export type { Duplicate, InspectResult } from './inspect';
export type { ForecastAnswer, ForecastRequest, SavedForecast } from './forecasting';
export type { Recommendation } from './recommend';
export type { ModelResult, TrainAnswer, TrainRequest, TrainUpdate } from './recsys-train';
export type { Metrics } from '../models/recsys/types';
export type { Hyper, ModelId } from '../models/recsys/registry';
export type { ForecastReport, ModelForecast } from '../models/forecast/forecast';
export type { BackendCandidate, BackendInfo, BackendName } from '../models/runtime/backends';
export type { RuntimeSelfTest } from '../models/runtime/self-test';

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
  /** Opens the database, so that the first files dropped are inspected without waiting for the worker and its storage to start. */
  ready(): Promise<void>;
  inspect(files: File[]): Promise<InspectResult>;
  /** Hashes the files (started by `inspect`) and names those already stored. */
  duplicates(files: File[]): Promise<Duplicate[]>;
  /** Imports; with `handOver`, each stored chunk is also sent on that port to the compute worker (`ComputeApi.receive`). */
  importFiles(req: FileImportRequest, onProgress: (p: ImportProgress) => void, handOver?: MessagePort): Promise<number>;
  importDemo(req: DemoImportRequest, onProgress: (p: ImportProgress) => void, handOver?: MessagePort): Promise<number>;
}

/** A part worker: encodes one byte range of a big file for the ingest worker, chunk by chunk, hashes a file, or stores chunks. */
export interface PartApi {
  encode(part: FilePart, mapping: Mapping, send: ChunkSender): Promise<PartResult>;
  /** The file's content hash of that kind, as `hashFile` computes it. */
  hash(file: Blob, kind: HashKind): Promise<string>;
  /** Stores a chunk of an import and hands its columns back (transferred both ways). */
  store(chunk: ChunkRecord): Promise<EncodedChunk>;
  /** Resolves once the worker runs and its database is open. */
  ready(): Promise<void>;
}

/** A funnel as the UI asks for it (segments are attached in the worker). */
export type FunnelRequest = Omit<FunnelQuery, 'segments'>;

/** Values a dimension takes, most frequent first. */
export interface DimValue {
  code: number;
  name: string;
  count: number;
}

/** What pickers need to know about a loaded dataset. */
export interface DatasetMeta {
  events: number;
  users: number;
  types: DimValue[];
  dims: Partial<Record<'item' | 'category' | 'brand' | 'country' | 'channel', DimValue[]>>;
  /** First and last UTC day. */
  span: [string, string];
  segments: string[];
}

/** A set of users to export: an RFM segment, a funnel step (converted or dropped), a cohort cell or a path node. */
export type UserSelection =
  | { kind: 'segment'; segment: number; asOf?: number }
  | { kind: 'funnel-step'; query: FunnelRequest; step: number; converted: boolean }
  | { kind: 'cohort'; query: RetentionQuery; cohort: number; n: number }
  | { kind: 'path'; query: PathQuery; nodeId: string };

/** RFM segments, segment moves since an earlier date, and the documented score → segment map. */
export interface RfmAnswer {
  summary: RfmSummary;
  transitions: number[][] | null;
  rules: { segment: string; r: string; f: string }[];
}

/** A user's recommendations from the best trained model. */
export interface RecommendAnswer {
  model: string;
  items: Recommendation[];
  similar: { item: string; similarity: number }[];
  /** Probabilities of the user's next event (view, cart, purchase, exit); null without a neural run. */
  nextAction: Record<'view' | 'cart' | 'purchase' | 'exit', number> | null;
}

/** Worker-side milliseconds, shown next to every result. */
export type Timed<T> = T & { ms: number };

/** The compute worker's API. `range` is an inclusive pair of day indexes into the daily series. */
export interface ComputeApi {
  overview(datasetId: string, range?: [number, number]): Promise<Overview>;
  meta(datasetId: string): Promise<DatasetMeta>;
  funnel(datasetId: string, q: FunnelRequest): Promise<Timed<FunnelResult>>;
  retention(datasetId: string, q: RetentionQuery): Promise<Timed<RetentionResult>>;
  paths(datasetId: string, q: PathQuery): Promise<Timed<PathResult>>;
  /** RFM at the dataset's end (or `asOf`), with segment moves since `compareTo` when given. */
  rfm(datasetId: string, asOf?: number, compareTo?: number): Promise<Timed<RfmAnswer>>;
  portrait(datasetId: string, userId: string): Promise<Portrait | null>;
  findUsers(datasetId: string, query: string): Promise<{ code: number; id: string }[]>;
  /** CSV (UTF-8 bytes, transferred) of a user selection with RFM features; no row cap. */
  exportUsers(datasetId: string, sel: UserSelection): Promise<{ csv: ArrayBuffer; rows: number }>;
  /** The TF.js backend (started on first call); a preference switches to that backend. */
  runtime(preferred?: BackendName): Promise<BackendInfo>;
  /** Matmul GFLOP/s and kernel checks on the running backend. */
  selfTest(): Promise<RuntimeSelfTest>;
  /** A sales forecast with its backtest; rejects with a user-facing message when history is too short. */
  forecast(datasetId: string, req: ForecastRequest): Promise<ForecastAnswer>;
  /** Trains and evaluates recommenders; progress per epoch; cancel by aborting (terminates the worker). */
  train(datasetId: string, req: TrainRequest, onUpdate: (u: TrainUpdate) => void): Promise<TrainAnswer>;
  latestRun(datasetId: string): Promise<TrainAnswer | null>;
  /** A user's top-n with explanations and items similar to the first; null when nothing was trained. */
  recommend(datasetId: string, userId: string, n: number, excludeSeen: boolean): Promise<RecommendAnswer | null>;
  /** Top-n of every user as CSV (UTF-8, transferred); null when nothing was trained. */
  exportTopN(datasetId: string, n: number, excludeSeen: boolean): Promise<{ csv: ArrayBuffer; rows: number } | null>;
  /** Forgets a loaded dataset (after delete). */
  evict(datasetId: string): Promise<void>;
  /** Takes the chunks an import of `datasetId` hands over on `port`, for that dataset's first load. */
  receive(datasetId: string, port: MessagePort): Promise<void>;
}
