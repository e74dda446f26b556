// Ingest worker: composition only (see inspect.ts, import-job.ts, file-source.ts).
import { expose, proxy, transfer } from 'comlink';
import { getDb } from '../storage/db';
import { demoImport } from './demo-source';
import { minPartBytes } from './file-parts';
import { fileSource, hashWith } from './file-source';
import { handOverSender } from './hand-over';
import { runImport, type Parallel } from './import-job';
import { findDuplicates, inspectFiles } from './inspect';
import type { ChunkRecord } from '../storage/schema';
import type { IngestApi, PartApi } from './protocol';
import { workerHandle } from './worker-handle';

const partWorker = () => workerHandle<PartApi>(() => new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module' }));

const cores = navigator.hardwareConcurrency || 1;

/** Big files are cut into one part per core; each part but the first gets a part worker of its own. */
const parallel: Parallel = {
  parts: cores,
  minPart: minPartBytes(cores),
  run: (part, mapping, send, signal) => {
    const handle = partWorker();
    return handle.call((api) => api.encode(part, mapping, proxy(send)), signal).finally(() => handle.terminate());
  },
};

/**
 * Chunks are stored by a long-lived part worker, so that their serialisation for IndexedDB (~16 ms
 * per chunk of 65,536 rows) runs beside the parsing instead of on this thread.
 */
const writer = partWorker();
const store = (chunk: ChunkRecord) => writer.call((w) => w.store(transfer(chunk, Object.values(chunk.columns))));
/** Starts the writer (and opens its database) while the import's first chunk is parsed. */
const startWriter = () => void writer.call((w) => w.ready()).catch(() => undefined);

/** Files are hashed in one long-lived part worker, one after another, off this thread. */
const hashing = partWorker();
hashWith((file, kind) => hashing.call((api) => api.hash(file, kind)));

const api: IngestApi = {
  ready: async () => {
    await getDb().open();
  },
  inspect: (files) => inspectFiles(getDb(), files),
  duplicates: (files) => findDuplicates(getDb(), files),
  importFiles: (req, onProgress, handOver) => {
    const { inspected, mapping } = req;
    const sources = req.files.map((f, i) => {
      const meta = inspected.files[i];
      if (!meta) throw new Error(`${f.name} was not inspected.`);
      return fileSource(f, meta.gzip, inspected.info);
    });
    const spec = { datasetId: req.datasetId, name: req.name, header: inspected.info.header, mapping, preset: req.preset, signature: inspected.signature };
    startWriter();
    return runImport(getDb(), spec, sources, onProgress, { parallel, handOver: handOver && handOverSender(handOver), store });
  },
  importDemo: (req, onProgress, handOver) => {
    const { spec, source } = demoImport(req.datasetId, req.seed);
    startWriter();
    return runImport(getDb(), spec, [source], onProgress, { handOver: handOver && handOverSender(handOver), store });
  },
};

expose(api);
