// Ingest worker: composition only (see inspect.ts, import-job.ts, file-source.ts).
import { expose } from 'comlink';
import { getDb } from '../storage/db';
import { demoImport } from './demo-source';
import { fileSource } from './file-source';
import { runImport } from './import-job';
import { inspectFiles } from './inspect';
import type { IngestApi } from './protocol';

const api: IngestApi = {
  inspect: (files) => inspectFiles(getDb(), files),
  importFiles: (req, onProgress) => {
    const { inspected, mapping } = req;
    const sources = req.files.map((f, i) => {
      const meta = inspected.files[i];
      if (!meta) throw new Error(`${f.name} was not inspected.`);
      return fileSource(f, meta.hash, meta.gzip, inspected.info);
    });
    const spec = { datasetId: req.datasetId, name: req.name, header: inspected.info.header, mapping, preset: req.preset, signature: inspected.signature };
    return runImport(getDb(), spec, sources, onProgress);
  },
  importDemo: (req, onProgress) => {
    const { spec, source } = demoImport(req.datasetId, req.seed);
    return runImport(getDb(), spec, [source], onProgress);
  },
};

expose(api);
