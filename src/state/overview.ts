// The overview of a dataset from the compute worker.
import { fetchOverview } from '../workers/compute-client';
import type { Overview } from '../workers/protocol';
import { useComputed, type Computed } from './computed';

export type { DailyPoint, Kpis, Overview, Ranked } from '../workers/protocol';

/** Overview of `datasetId` over the inclusive day range (whole span when undefined). */
export function useOverview(datasetId: string, range: [number, number] | undefined): Computed<Overview> {
  return useComputed(`${datasetId}|${range?.join('-') ?? 'all'}`, () => fetchOverview(datasetId, range));
}
