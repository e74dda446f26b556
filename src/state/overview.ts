// The overview of a dataset, fetched from the compute worker; stale answers are dropped rather than
// cancelled, since cancelling would terminate the worker and unload the dataset.
import { useEffect, useState } from 'react';
import { fetchOverview } from '../workers/compute-client';
import type { Overview } from '../workers/protocol';

export type { DailyPoint, Kpis, Overview, Ranked } from '../workers/protocol';

/** Loading (with the previous answer, if any), loaded or failed. */
export type OverviewState = { status: 'loading'; data: Overview | null } | { status: 'ready'; data: Overview } | { status: 'error'; message: string };

type Answer = { key: string; data: Overview; message?: undefined } | { key: string; message: string; data?: undefined };

/** Overview of `datasetId` over the inclusive day range (whole span when undefined). */
export function useOverview(datasetId: string, range: [number, number] | undefined): OverviewState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [from, to] = range ?? [-1, -1];
  const key = `${datasetId}|${from}|${to}`;
  useEffect(() => {
    let live = true;
    fetchOverview(datasetId, from < 0 ? undefined : [from, to]).then(
      (data) => live && setAnswer({ key, data }),
      (e: Error) => live && setAnswer({ key, message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [datasetId, from, to, key]);
  if (answer?.key === key) return answer.data ? { status: 'ready', data: answer.data } : { status: 'error', message: answer.message };
  return { status: 'loading', data: answer?.data ?? null };
}
