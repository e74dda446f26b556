// Ingest worker: composition only (see inspect.ts, import-job.ts, file-source.ts).
import { expose, proxy } from 'comlink';
import { getDb } from '../storage/db';
import { demoImport } from './demo-source';
import { fileSource } from './file-source';
import { runImport, type Parallel } from './import-job';
import { findDuplicates, inspectFiles } from './inspect';
import type { IngestApi, PartApi } from './protocol';
import { workerHandle } from './worker-handle';

/** Big files are cut into one part per core; each part but the first gets a part worker. */
const parallel: Parallel = {
  parts: navigator.hardwareConcurrency || 1,
  run: (part, mapping, send, signal) => {
    const handle = workerHandle<PartApi>(() => new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module' }));
    return handle.call((api) => api.encode(part, mapping, proxy(send)), signal).finally(() => handle.terminate());
  },
};

const api: IngestApi = {
  inspect: (files) => inspectFiles(getDb(), files),
  duplicates: (files) => findDuplicates(getDb(), files),
  importFiles: (req, onProgress) => {
    const { inspected, mapping } = req;
    const sources = req.files.map((f, i) => {
      const meta = inspected.files[i];
      if (!meta) throw new Error(`${f.name} was not inspected.`);
      return fileSource(f, meta.gzip, inspected.info);
    });
    const spec = { datasetId: req.datasetId, name: req.name, header: inspected.info.header, mapping, preset: req.preset, signature: inspected.signature };
    return runImport(getDb(), spec, sources, onProgress, parallel);
  },
  importDemo: (req, onProgress) => {
    const { spec, source } = demoImport(req.datasetId, req.seed);
    return runImport(getDb(), spec, [source], onProgress);
  },
};

expose(api);
