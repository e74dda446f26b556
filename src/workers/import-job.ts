// One import: rows from sources → encoder → chunks in IndexedDB. All or nothing: on any failure the
// partial dataset is deleted and existing datasets are never touched.
import { EventEncoder, type EncodedChunk } from '../ingest/encoder';
import type { Mapping } from '../ingest/types';
import { importLockName, withLock } from '../lib/locks';
import type { ShopLensDb } from '../storage/db';
import { beginImport, deleteDataset, finishImport, putChunk } from '../storage/dataset-repo';
import { rememberMapping } from '../storage/mapping-repo';
import type { ChunkRecord, Rejection, SourceFile } from '../storage/schema';
import type { SourceReader } from '../ingest/read-rows';
import type { HandOverSender } from './hand-over';
import type { FilePart } from './file-parts';
import { CutInsideQuotes, readParts, SOURCE_STRIDE, type PartRunner } from './read-parts';

/** Rejections shown in the UI; the full list is stored for the CSV download. */
export const SHOWN_REJECTIONS = 100;
/** A file is refused when more than this share of its lines fails. */
export const MAX_REJECT_SHARE = 0.5;
/** Lines read before the share is judged early, so a hopeless file stops fast. */
const EARLY_JUDGE_LINES = 5_000;
/** Minimum gap between progress reports. */
const PROGRESS_MS = 100;

/** A stream of rows with a name and a size, for progress. */
export interface RowSource extends SourceReader {
  file: Omit<SourceFile, 'hash'>;
  /** The content hash stored with the dataset (for duplicate checks); it may still be computing. */
  hash(): Promise<string>;
  /** Cuts the source into a first part read here and further parts (of `minPart` bytes or more) for part workers. */
  split?(parts: number, minPart?: number): Promise<{ first: SourceReader; rest: FilePart[] }>;
}

/** Everything an import needs besides its sources. */
export interface ImportSpec {
  datasetId: string;
  name: string;
  header: string[];
  mapping: Mapping;
  preset: string;
  /** Remember the mapping under this header signature once the import succeeds. */
  signature?: string;
  labels?: unknown;
}

/** Progress of a running import. */
export interface ImportProgress {
  rows: number;
  rejected: number;
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
  file: string;
}

/** A failure with a message meant for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** Big files are cut into up to `parts` parts, all but the first encoded by `run`. */
export interface Parallel {
  parts: number;
  run: PartRunner;
  /** The smallest part (`MIN_PART_BYTES` when not given). */
  minPart?: number;
}

/** How an import runs besides its spec and sources: all optional. */
export interface ImportOptions {
  /** Big files are read in parts side by side. */
  parallel?: Parallel;
  /** Each stored chunk is handed over to the compute worker too. */
  handOver?: HandOverSender;
  /** Stores a chunk and gives its columns back (by default here, with `putChunk`). */
  store?: (chunk: ChunkRecord) => Promise<EncodedChunk>;
}

/** Runs an import under a Web Lock named after the dataset; returns the stored row count. */
export function runImport(db: ShopLensDb, spec: ImportSpec, sources: RowSource[], onProgress: (p: ImportProgress) => void, options: ImportOptions = {}): Promise<number> {
  return withLock(importLockName(spec.datasetId), async () => {
    try {
      return await importAll(db, spec, sources, onProgress, options).catch(async (e: unknown) => {
        if (!(e instanceof CutInsideQuotes)) throw e;
        // Rare: a file cut into parts at a line break inside a quoted field. Start again, reading
        // each file whole; the compute worker reads the dataset from storage when it opens.
        options.handOver?.end(null);
        await deleteDataset(db, spec.datasetId);
        return importAll(db, spec, sources, onProgress, { store: options.store });
      });
    } catch (e) {
      options.handOver?.end(null);
      await deleteDataset(db, spec.datasetId);
      throw friendly(e);
    }
  });
}

async function importAll(db: ShopLensDb, spec: ImportSpec, sources: RowSource[], onProgress: (p: ImportProgress) => void, { parallel, handOver, store = storeHere(db) }: ImportOptions): Promise<number> {
  const started = performance.now();
  const enc = new EventEncoder(spec.mapping, spec.header);
  const rejections: Rejection[] = [];
  const reasonCounts: Record<string, number> = {};
  const bytesTotal = sources.reduce((s, x) => s + x.file.size, 0);
  let bytesBefore = 0, rowsRead = 0, chunkBytes = 0, lastReport = 0;

  // Chunk writes queue up one after another, overlapping IndexedDB with parsing. A writer waits
  // until the writes queued before its own are done, which bounds memory: one write in flight per
  // part being read. The first waits for the dataset's record, written while the first chunk is parsed.
  let writing = beginImport(db, { id: spec.datasetId, name: spec.name, createdAt: Date.now(), preset: spec.preset, mapping: spec.mapping, header: spec.header, labels: spec.labels });
  writing.catch(() => undefined);
  const writeChunk = async (chunk: EncodedChunk, index: number) => {
    chunkBytes += Object.values(chunk.columns).reduce((s, b) => s + b.byteLength, 0);
    const before = writing;
    writing = before.then(async () => {
      const stored = await store({ datasetId: spec.datasetId, index, ...chunk });
      handOver?.chunk(index, stored); // stored (cloned) by now, so its buffers can move
    });
    writing.catch(() => undefined); // observed by the next writer or the final await
    await before;
  };

  try {
    for (const [s, src] of sources.entries()) {
      const name = src.file.name;
      const { first, rest } = parallel && src.split ? await src.split(parallel.parts, parallel.minPart) : { first: src, rest: [] };
      const counts = await readParts(first, rest, parallel?.run, {
        enc, mapping: spec.mapping, fields: spec.header.length, keyBase: s * SOURCE_STRIDE, write: writeChunk,
        reject: (line, reason) => {
          rejections.push({ file: name, line, reason });
          const kind = reason.split(" '")[0] ?? reason;
          reasonCounts[kind] = (reasonCounts[kind] ?? 0) + 1;
        },
        judge: (read, bad) => {
          if (read >= EARLY_JUDGE_LINES && bad > read * 0.9) throw tooManyFailures(name, bad, read, rejections);
        },
        progress: (bytes) => {
          const now = performance.now();
          if (now - lastReport < PROGRESS_MS) return;
          lastReport = now;
          onProgress({ rows: enc.total, rejected: rejections.length, bytesDone: bytesBefore + bytes, bytesTotal, elapsedMs: now - started, file: name });
        },
      });
      rowsRead += counts.rowsRead;
      if (counts.rowsRead === 0) throw new ImportError(`${name}: the file holds no data rows.`);
      if (counts.rejected > counts.rowsRead * MAX_REJECT_SHARE) throw tooManyFailures(name, counts.rejected, counts.rowsRead, rejections);
      bytesBefore += src.file.size;
    }
  } catch (e) {
    // Let a write in flight settle, so the caller's cleanup cannot race it and leave an orphan chunk.
    await writing.catch(() => undefined);
    throw e;
  }
  if (enc.pending > 0) await writeChunk(enc.take(), sources.length * SOURCE_STRIDE);
  await writing;
  const dictionaries = enc.dictionaries();
  handOver?.end({ rows: enc.total, dictionaries });
  const files = await Promise.all(sources.map(async (s) => ({ ...s.file, hash: await s.hash() })));
  const importMs = performance.now() - started;
  await finishImport(db, spec.datasetId, {
    files,
    dictionaries, rows: enc.total, timeRange: [enc.minTs, enc.maxTs], columns: enc.columns, chunkBytes, rejections,
    summary: { rowsRead, rowsRejected: rejections.length, firstRejections: rejections.slice(0, SHOWN_REJECTIONS), reasonCounts, importMs },
  });
  if (spec.signature) await rememberMapping(db, spec.signature, spec.preset, spec.mapping);
  onProgress({ rows: enc.total, rejected: rejections.length, bytesDone: bytesTotal, bytesTotal, elapsedMs: importMs, file: '' });
  return enc.total;
}

/** Stores chunks on this thread. */
function storeHere(db: ShopLensDb): (chunk: ChunkRecord) => Promise<EncodedChunk> {
  return async (chunk) => {
    await putChunk(db, chunk);
    return chunk;
  };
}

function tooManyFailures(file: string, bad: number, lines: number, rejections: Rejection[]): ImportError {
  const first = rejections.find((r) => r.file === file);
  const example = first ? ` First problem: line ${first.line}: ${first.reason}.` : '';
  return new ImportError(`${file}: ${bad.toLocaleString('en')} of ${lines.toLocaleString('en')} lines could not be read, so nothing was imported.${example} Check the column mapping.`);
}

/** Turns storage failures into messages a user can act on. */
function friendly(e: unknown): Error {
  if (e instanceof ImportError) return e;
  const err = e as { name?: string; inner?: { name?: string }; message?: string };
  if (err.name === 'QuotaExceededError' || err.inner?.name === 'QuotaExceededError') {
    return new ImportError('The browser ran out of storage space for this dataset. Nothing was imported; delete a dataset or free disk space and try again.');
  }
  return new ImportError(`The import failed: ${err.message ?? String(e)}. Nothing was imported; your other datasets are unchanged.`);
}
