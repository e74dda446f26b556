// The import journey's store with the workers replaced: the duplicate check may answer before or
// after the user confirms, and a late answer for an earlier choice must not leak into a later one.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Duplicate, InspectResult } from '../workers/protocol';

const worker = vi.hoisted(() => ({
  duplicates: null as null | ((d: Duplicate[]) => void),
  imported: [] as string[][],
}));

vi.mock('../workers/compute-client', () => ({ handOverPort: () => new MessageChannel().port1, evictDataset: async () => undefined }));
vi.mock('../workers/ingest-client', () => ({
  inspectFiles: async (files: File[]): Promise<Partial<InspectResult>> => ({
    files: files.map((f) => ({ name: f.name, size: f.size, gzip: false })),
    guess: { preset: 'guess', label: 'x', mapping: { columns: { time: 0 }, timeFormat: 'iso', typeMap: {}, defaultType: 'view', decimalComma: false }, unresolved: [] },
  }),
  findDuplicates: () => new Promise<Duplicate[]>((resolve) => (worker.duplicates = resolve)),
  importFiles: async (req: { files: File[] }) => {
    worker.imported.push(req.files.map((f) => f.name));
    return 1;
  },
  importDemo: async () => 1,
}));

const { useImportStore } = await import('./import-store');
const files = [new File(['a'], 'a.csv'), new File(['b'], 'b.csv')];
const stored: Duplicate[] = [{ file: 'a.csv', datasetName: 'Earlier' }];

describe('import store', () => {
  beforeEach(() => {
    worker.imported = [];
    useImportStore.getState().reset();
  });

  it('skips the files the check found before Import was clicked', async () => {
    const store = useImportStore.getState();
    await store.chooseFiles(files);
    expect(useImportStore.getState().duplicates).toBeNull();
    worker.duplicates?.(stored);
    await vi.waitFor(() => expect(useImportStore.getState().duplicates).toEqual(stored));
    await store.confirm();
    expect(worker.imported).toEqual([['b.csv']]);
    expect(useImportStore.getState().startedUnchecked).toBe(false);
  });

  it('imports everything when Import comes first, and keeps the late answer for the progress view', async () => {
    const store = useImportStore.getState();
    await store.chooseFiles(files);
    const check = worker.duplicates;
    await store.confirm();
    expect(worker.imported).toEqual([['a.csv', 'b.csv']]);
    expect(useImportStore.getState().startedUnchecked).toBe(true);
    check?.(stored);
    await vi.waitFor(() => expect(useImportStore.getState().duplicates).toEqual(stored));
  });

  it('ignores a late answer for an earlier choice', async () => {
    const store = useImportStore.getState();
    await store.chooseFiles(files);
    const late = worker.duplicates;
    await store.startDemo();
    late?.(stored);
    await new Promise((r) => setTimeout(r, 10));
    expect(useImportStore.getState()).toMatchObject({ duplicates: null, startedUnchecked: false });
  });
});
