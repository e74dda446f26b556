// The import journey: choose files → confirm mapping → progress → done (or error), one at a time.
import { create } from 'zustand';
import type { Mapping } from '../ingest/types';
import { deleteDataset } from '../storage/dataset-repo';
import { getDb } from '../storage/db';
import { evictDataset, handOverPort } from '../workers/compute-client';
import { findDuplicates, importDemo, importFiles, inspectFiles, prepareIngest } from '../workers/ingest-client';
import { DEMO_SEED, type Duplicate, type ImportProgress, type InspectResult } from '../workers/protocol';

/** Where the journey stands. */
export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'inspecting'; names: string[] }
  | { kind: 'confirm'; files: File[]; inspected: InspectResult; mapping: Mapping; preset: string; name: string; skipDuplicates: boolean }
  | { kind: 'importing'; name: string; progress: ImportProgress | null }
  | { kind: 'done'; datasetId: string }
  | { kind: 'error'; message: string };

interface ImportStore {
  phase: ImportPhase;
  /** Chosen files already stored in a dataset; null while their content is still being hashed. */
  duplicates: Duplicate[] | null;
  /** The import started before the duplicate check ended (so the dialog could not offer to skip). */
  startedUnchecked: boolean;
  /** Gets the import's worker ready before files are chosen (a failure here shows when they are). */
  prepare(): void;
  chooseFiles(files: File[]): Promise<void>;
  /** Edits the pending confirmation (mapping, preset, name, skipDuplicates). */
  edit(patch: Partial<{ mapping: Mapping; preset: string; name: string; skipDuplicates: boolean }>): void;
  confirm(): Promise<void>;
  startDemo(): Promise<void>;
  cancel(): void;
  reset(): void;
}

let controller: AbortController | null = null;
/** Counts file choices, so a late duplicate check of an earlier choice is ignored. */
let choice = 0;

/** A dataset name from the first file: `online-retail.csv.gz` → `online-retail`. */
function nameFrom(files: File[]): string {
  const base = (files[0]?.name ?? 'Dataset').replace(/(\.(csv|tsv|txt|json|jsonl|ndjson))?(\.gz)?$/i, '');
  return files.length > 1 ? `${base} (+${files.length - 1} files)` : base;
}

/** Runs one import job with cancel support and cleanup of the partial dataset on any failure. */
async function run(set: (p: ImportPhase) => void, name: string, job: (id: string, signal: AbortSignal, onProgress: (p: ImportProgress) => void, handOver: MessagePort) => Promise<number>) {
  controller?.abort();
  const ctl = (controller = new AbortController());
  const datasetId = crypto.randomUUID();
  set({ kind: 'importing', name, progress: null });
  // The overview opens in the compute worker once the import is done; it gets the chunks as they are stored.
  const handOver = handOverPort(datasetId);
  try {
    await job(datasetId, ctl.signal, (progress) => !ctl.signal.aborted && set({ kind: 'importing', name, progress }), handOver);
    set({ kind: 'done', datasetId });
  } catch (e) {
    // The worker deletes its partial dataset on errors; after a cancel it was terminated, so we do,
    // and the compute worker drops what it was handed.
    void evictDataset(datasetId);
    await deleteDataset(getDb(), datasetId);
    set(ctl.signal.aborted ? { kind: 'idle' } : { kind: 'error', message: (e as Error).message });
  } finally {
    if (controller === ctl) controller = null;
  }
}

/** The import journey's store. */
export const useImportStore = create<ImportStore>((set, get) => {
  const setPhase = (phase: ImportPhase) => set({ phase });
  /** Starts a new journey: a duplicate check still running for an earlier choice no longer counts. */
  const newChoice = () => {
    set({ duplicates: null, startedUnchecked: false });
    return ++choice;
  };
  return {
    phase: { kind: 'idle' },
    duplicates: null,
    startedUnchecked: false,
    prepare() {
      prepareIngest().catch(() => undefined);
    },
    async chooseFiles(files) {
      controller?.abort();
      const mine = newChoice();
      setPhase({ kind: 'inspecting', names: files.map((f) => f.name) });
      try {
        const inspected = await inspectFiles(files);
        setPhase({ kind: 'confirm', files, inspected, mapping: inspected.guess.mapping, preset: inspected.guess.preset, name: nameFrom(files), skipDuplicates: true });
        // The dialog shows at once; the check for earlier imports answers when the files are hashed.
        findDuplicates(files).then((duplicates) => choice === mine && set({ duplicates }), () => undefined);
      } catch (e) {
        setPhase({ kind: 'error', message: (e as Error).message });
      }
    },
    edit(patch) {
      const p = get().phase;
      if (p.kind === 'confirm') setPhase({ ...p, ...patch });
    },
    async confirm() {
      const p = get().phase;
      if (p.kind !== 'confirm') return;
      const { duplicates } = get();
      set({ startedUnchecked: duplicates === null });
      const dup = new Set(p.skipDuplicates ? (duplicates ?? []).map((d) => d.file) : []);
      const keep = p.files.map((f, i) => ({ f, meta: p.inspected.files[i] })).filter((x) => !dup.has(x.f.name));
      if (keep.length === 0) return;
      const inspected = { ...p.inspected, files: keep.flatMap((x) => (x.meta ? [x.meta] : [])) };
      await run(setPhase, p.name, (datasetId, signal, onProgress, handOver) =>
        importFiles({ datasetId, name: p.name, files: keep.map((x) => x.f), inspected, mapping: p.mapping, preset: p.preset }, onProgress, handOver, signal));
    },
    async startDemo() {
      newChoice();
      await run(setPhase, 'Demo store', (datasetId, signal, onProgress, handOver) => importDemo({ datasetId, seed: DEMO_SEED }, onProgress, handOver, signal));
    },
    cancel() {
      const p = get().phase;
      controller?.abort();
      if (p.kind === 'confirm' || p.kind === 'inspecting' || p.kind === 'error') setPhase({ kind: 'idle' });
    },
    reset() {
      setPhase({ kind: 'idle' });
    },
  };
});
