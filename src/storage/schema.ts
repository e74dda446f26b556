// Record types of the IndexedDB database. Plain data only: every record must be structured-cloneable.
import type { Mapping } from '../ingest/types';

/** One source file of a dataset; `hash` names its bytes, to spot re-imports: `xxh128:<hex>`, or the hex SHA-256 in datasets from earlier versions (file-source.ts). */
export interface SourceFile {
  name: string;
  size: number;
  hash: string;
}

/** One skipped input line. */
export interface Rejection {
  file: string;
  line: number;
  reason: string;
}

/** What an import read and skipped; the full rejection list lives in the `reports` table. */
export interface ImportSummary {
  rowsRead: number;
  rowsRejected: number;
  /** The first rejections, shown in the UI. */
  firstRejections: Rejection[];
  /** Rejections per reason kind (the reason text before any quoted value). */
  reasonCounts: Record<string, number>;
  importMs: number;
}

/** A dataset: its metadata, not its events (those are in `chunks`). */
export interface DatasetRecord {
  id: string;
  name: string;
  /** `importing` until the last chunk is written; such records are removed at start-up. */
  status: 'importing' | 'complete';
  createdAt: number;
  files: SourceFile[];
  /** Hashes of `files`, indexed (multi-entry) for the re-import check. Added in schema v2. */
  fileHashes: string[];
  preset: string;
  mapping: Mapping;
  header: string[];
  rows: number;
  /** [first, last] event time in ms, null while importing. */
  timeRange: [number, number] | null;
  /** Bytes the chunks and dictionaries take. */
  bytes: number;
  /** Column names stored in each chunk. */
  columns: string[];
  summary: ImportSummary | null;
  /** Ground-truth labels of generated data (demo store), for model tests. */
  labels?: unknown;
}

/** One block of up to CHUNK_ROWS events: one ArrayBuffer per column. */
export interface ChunkRecord {
  datasetId: string;
  index: number;
  rows: number;
  columns: Record<string, ArrayBuffer>;
}

/** The distinct strings of one dictionary-encoded column; codes index this array. */
export interface DictionaryRecord {
  datasetId: string;
  column: string;
  values: string[];
}

/** A mapping the user confirmed, remembered per header signature. Added in schema v2. */
export interface MappingRecord {
  signature: string;
  preset: string;
  mapping: Mapping;
  savedAt: number;
}

/** The full list of rejected lines of one import. Added in schema v2. */
export interface ReportRecord {
  datasetId: string;
  rejections: Rejection[];
}

/** A trained model (topology + weights). */
export interface ModelRecord {
  id: string;
  datasetId: string;
  config: unknown;
  metrics: unknown;
  topology: unknown;
  weights: ArrayBuffer;
  createdAt: number;
}

/** A cached analysis output keyed by dataset, model and parameters. */
export interface ResultRecord {
  key: string;
  datasetId: string;
  value: unknown;
  createdAt: number;
}
