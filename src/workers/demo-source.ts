// The demo store as a row source, so it is stored through the same import path as any file.
import { DEMO_HEADER, DEMO_MAPPING, demoLabels, generateDemoRows } from '../ingest/demo-store';
import type { ImportSpec, RowSource } from './import-job';

/** Import spec and source for the demo store of a seed. */
export function demoImport(datasetId: string, seed: number): { spec: ImportSpec; source: RowSource } {
  const opts = { seed };
  let rows = 0;
  const source: RowSource = {
    file: { name: `demo-store-seed-${seed}`, size: 1 },
    hash: () => Promise.resolve(`demo:${seed}`),
    bytesRead: () => 0,
    read: async (sink) => {
      for (const batch of generateDemoRows(opts)) {
        await sink({ rows: batch, lines: batch.map(() => ++rows), broken: [] });
      }
      return rows;
    },
  };
  return {
    spec: { datasetId, name: 'Demo store', header: [...DEMO_HEADER], mapping: DEMO_MAPPING, preset: 'demo', labels: demoLabels(opts) },
    source,
  };
}
