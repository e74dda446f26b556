// The database schema. Every version stays here forever, each with its upgrade and a test from the
// version before it (db.test.ts). Add a version; never edit an old one.
import Dexie, { type EntityTable } from 'dexie';
import type {
  ChunkRecord, DatasetRecord, DictionaryRecord, MappingRecord, ModelRecord, ReportRecord, ResultRecord,
} from './schema';

/** Database name; tests pass their own to stay isolated. */
export const DB_NAME = 'shoplens';

/** Typed Dexie database. */
export type ShopLensDb = Dexie & {
  datasets: EntityTable<DatasetRecord, 'id'>;
  chunks: Dexie.Table<ChunkRecord, [string, number]>;
  dictionaries: Dexie.Table<DictionaryRecord, [string, string]>;
  models: EntityTable<ModelRecord, 'id'>;
  results: EntityTable<ResultRecord, 'key'>;
  mappings: EntityTable<MappingRecord, 'signature'>;
  reports: EntityTable<ReportRecord, 'datasetId'>;
};

/** Version 1: the tables of ARCHITECTURE.md §1. */
export const SCHEMA_V1 = {
  datasets: 'id, status, createdAt',
  chunks: '[datasetId+index], datasetId',
  dictionaries: '[datasetId+column], datasetId',
  models: 'id, datasetId',
  results: 'key, datasetId',
};

/** Version 2: remembered mappings, full rejection reports, and a file-hash index for re-import checks. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  datasets: 'id, status, createdAt, *fileHashes',
  mappings: 'signature',
  reports: 'datasetId',
};

/** Opens (creating or upgrading) the database. */
export function openDb(name = DB_NAME): ShopLensDb {
  const db = new Dexie(name) as ShopLensDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx.table('datasets').toCollection().modify((d: { files?: { hash: string }[]; fileHashes?: string[] }) => {
        d.fileHashes = (d.files ?? []).map((f) => f.hash);
      }),
    );
  return db;
}

let shared: ShopLensDb | null = null;

/** The app's database, opened once per thread. */
export function getDb(): ShopLensDb {
  shared ??= openDb();
  return shared;
}
