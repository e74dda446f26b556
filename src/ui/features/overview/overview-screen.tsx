// The overview of one dataset: KPIs, daily series with a range brush, type mix, top lists.
import { useState } from 'react';
import { useDataset } from '../../../state/datasets';
import { useOverview } from '../../../state/overview';
import { TopPanel, TypeChart } from './breakdowns';
import { DailyChart } from './daily-chart';
import { ImportReport } from './import-report';
import { KpiTiles } from './kpi-tiles';

/** Overview screen for dataset `id`. */
export function OverviewScreen({ id }: { id: string }) {
  const meta = useDataset(id);
  const [range, setRange] = useState<[number, number] | undefined>(undefined);
  const state = useOverview(id, range);
  const data = state.status === 'error' ? null : state.data;
  return (
    <div className="stack" aria-busy={state.status === 'loading'}>
      {state.status === 'error' && (
        <div className="notice bad" role="alert">The overview could not be computed: {state.message} Try reloading the page; your data is still stored.</div>
      )}
      {!data && state.status === 'loading' && <div className="panel empty" role="status">Loading the dataset into memory…</div>}
      {data && (
        <>
          <KpiTiles k={data.kpis} orderNote={data.hasOrderIds ? 'Distinct order ids of purchases' : 'No order column: each purchase event counts as one order'} />
          <DailyChart daily={data.daily} onRange={setRange} />
          <div className="grid3">
            <TypeChart types={data.types} />
            {data.topItems && <TopPanel title="Top items" lists={data.topItems} hasViews={data.hasViews} />}
            {data.topCategories && <TopPanel title="Top categories" lists={data.topCategories} hasViews={data.hasViews} />}
          </div>
        </>
      )}
      {meta && <ImportReport d={meta} />}
    </div>
  );
}
