// The overview of one dataset: KPIs, daily series with a range brush, type mix, top lists.
import { useState } from 'react';
import { formatBytes, formatInt } from '../../../lib/format';
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
  if (meta === null) {
    return <div className="panel empty"><h2>This dataset is not here</h2><p>It may have been deleted. <a href="#/">See your datasets</a></p></div>;
  }
  const data = state.status === 'error' ? null : state.data;
  return (
    <div className="stack" aria-busy={state.status === 'loading'}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <div>
          <h1 data-testid="dataset-name">{meta?.name ?? '…'}</h1>
          {meta && <span className="muted">{formatInt(meta.rows)} events · {formatBytes(meta.bytes)} stored in this browser</span>}
        </div>
        {state.status === 'loading' && <span className="muted" role="status">Computing…</span>}
      </div>
      {state.status === 'error' && (
        <div className="notice bad" role="alert">The overview could not be computed: {state.message} Try reloading the page; your data is still stored.</div>
      )}
      {!data && state.status === 'loading' && <div className="panel empty">Loading the dataset into memory…</div>}
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
