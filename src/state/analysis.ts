// Hooks over the compute worker's analyses, and user exports.
import { downloadBlob } from './download';
import { compute } from '../workers/compute-client';
import type { BackendInfo, BackendName, DatasetMeta, ForecastAnswer, ForecastRequest, FunnelRequest, RecommendAnswer, RuntimeSelfTest, TrainAnswer, FunnelResult, PathQuery, PathResult, Portrait, RetentionQuery, RetentionResult, RfmAnswer, Timed, UserSelection } from '../workers/protocol';
import { useComputed, type Computed } from './computed';

export type * from '../workers/protocol';

/** Event types, dimension values and span of a dataset. */
export function useMeta(id: string): Computed<DatasetMeta> {
  return useComputed(`meta|${id}`, () => compute((api) => api.meta(id)));
}

/** A funnel (null: not asked yet). */
export function useFunnel(id: string, q: FunnelRequest | null): Computed<Timed<FunnelResult>> {
  return useComputed(q && `funnel|${id}|${JSON.stringify(q)}`, () => compute((api) => api.funnel(id, q as FunnelRequest)));
}

/** A retention table. */
export function useRetention(id: string, q: RetentionQuery): Computed<Timed<RetentionResult>> {
  return useComputed(`retention|${id}|${JSON.stringify(q)}`, () => compute((api) => api.retention(id, q)));
}

/** A paths tree. */
export function usePaths(id: string, q: PathQuery | null): Computed<Timed<PathResult>> {
  return useComputed(q && `paths|${id}|${JSON.stringify(q)}`, () => compute((api) => api.paths(id, q as PathQuery)));
}

/** RFM segments at the end (or `asOf`), with moves since `compareTo`. */
export function useRfm(id: string, asOf?: number, compareTo?: number): Computed<Timed<RfmAnswer>> {
  return useComputed(`rfm|${id}|${asOf}|${compareTo}`, () => compute((api) => api.rfm(id, asOf, compareTo)));
}

/** A customer's portrait (null id: none chosen). */
export function usePortrait(id: string, userId: string | null): Computed<Portrait | null> {
  return useComputed(userId === null ? null : `portrait|${id}|${userId}`, () => compute((api) => api.portrait(id, userId ?? '')));
}

/** A forecast (null: not asked yet). */
export function useForecast(id: string, req: ForecastRequest | null): Computed<ForecastAnswer> {
  return useComputed(req && `forecast|${id}|${JSON.stringify(req)}`, () => compute((api) => api.forecast(id, req as ForecastRequest)));
}

/** User ids matching a search. */
export function findUsers(id: string, query: string): Promise<{ code: number; id: string }[]> {
  return compute((api) => api.findUsers(id, query));
}

/** Downloads the selected users with their RFM features as CSV; resolves to the row count. */
export async function downloadUsers(id: string, sel: UserSelection, filename: string): Promise<number> {
  const { csv, rows } = await compute((api) => api.exportUsers(id, sel));
  downloadBlob(new Blob([csv], { type: 'text/csv' }), filename);
  return rows;
}

/** Starts or switches the model runtime; resolves to the backend that runs. */
export function startRuntime(preferred?: BackendName): Promise<BackendInfo> {
  return compute((api) => api.runtime(preferred));
}

/** Matmul throughput and kernel checks on the running backend. */
export function runSelfTest(): Promise<RuntimeSelfTest> {
  return compute((api) => api.selfTest());
}

/** The dataset's latest training run (reloaded when `version` changes). */
export function useLatestRun(id: string, version: number): Computed<TrainAnswer | null> {
  return useComputed(`run|${id}|${version}`, () => compute((api) => api.latestRun(id)));
}

/** A user's recommendations from the best trained model (null: none trained). */
export function useRecommendations(id: string, userId: string, n: number, excludeSeen: boolean, version: number): Computed<RecommendAnswer | null> {
  return useComputed(`recs|${id}|${userId}|${n}|${excludeSeen}|${version}`, () => compute((api) => api.recommend(id, userId, n, excludeSeen)));
}
