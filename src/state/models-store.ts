// Training runs: start, live progress (loss curve, validation metrics, ETA), cancel, result.
import { proxy } from 'comlink';
import { create } from 'zustand';
import { downloadBlob } from './download';
import { compute } from '../workers/compute-client';
import type { TrainAnswer, TrainRequest, TrainUpdate } from '../workers/protocol';

/** Where a dataset's training stands. */
export type TrainPhase =
  | { kind: 'idle' }
  | { kind: 'running'; datasetId: string; update: TrainUpdate | null; losses: number[]; startedAt: number; updatedAt: number }
  | { kind: 'error'; datasetId: string; message: string };

interface ModelsStore {
  phase: TrainPhase;
  /** Bumped after each finished run so views reload the latest run. */
  version: number;
  start(datasetId: string, req: TrainRequest): Promise<TrainAnswer | null>;
  cancel(): void;
}

let controller: AbortController | null = null;

/** The training store. */
export const useModelsStore = create<ModelsStore>((set) => ({
  phase: { kind: 'idle' },
  version: 0,
  async start(datasetId, req) {
    controller?.abort();
    const ctl = (controller = new AbortController());
    const startedAt = Date.now();
    set({ phase: { kind: 'running', datasetId, update: null, losses: [], startedAt, updatedAt: startedAt } });
    const onUpdate = (u: TrainUpdate) => set((st) => {
      if (ctl.signal.aborted || st.phase.kind !== 'running') return st;
      const sameModel = st.phase.update?.model === u.model;
      const loss = u.progress?.loss;
      const losses = loss !== undefined && Number.isFinite(loss) ? [...(sameModel ? st.phase.losses : []), loss] : sameModel ? st.phase.losses : [];
      return { phase: { ...st.phase, update: u, losses, updatedAt: Date.now() } };
    });
    try {
      const answer = await compute((api) => api.train(datasetId, req, proxy(onUpdate)), ctl.signal);
      set((st) => ({ phase: { kind: 'idle' }, version: st.version + 1 }));
      return answer;
    } catch (e) {
      set({ phase: ctl.signal.aborted ? { kind: 'idle' } : { kind: 'error', datasetId, message: (e as Error).message } });
      return null;
    } finally {
      if (controller === ctl) controller = null;
    }
  },
  cancel() {
    controller?.abort();
  },
}));

/** Downloads the top-n of every user as CSV; resolves to the row count (0 when nothing is trained). */
export async function downloadTopN(datasetId: string, n: number, excludeSeen: boolean, filename: string): Promise<number> {
  const out = await compute((api) => api.exportTopN(datasetId, n, excludeSeen));
  if (!out) return 0;
  downloadBlob(new Blob([out.csv], { type: 'text/csv' }), filename);
  return out.rows;
}
