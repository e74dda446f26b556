// Routes inside one dataset: /d/:id[/:tab[/:arg]].
import { useParams } from 'wouter';
import { CustomersScreen } from '../customers/customers-screen';
import { ForecastScreen } from '../forecast/forecast-screen';
import { FunnelsScreen } from '../funnels/funnels-screen';
import { ModelsScreen } from '../recommenders/models-screen';
import { OverviewScreen } from '../overview/overview-screen';
import { PathsScreen } from '../paths/paths-screen';
import { RetentionScreen } from '../retention/retention-screen';
import { SegmentsScreen } from '../segments/segments-screen';
import { DatasetLayout } from './dataset-layout';

/** The dataset pages, keyed by dataset so switching datasets starts fresh. */
export function DatasetPage() {
  const p = useParams<{ id: string; tab?: string; arg?: string }>();
  return <DatasetRoute key={p.id} id={p.id} tab={p.tab} arg={p.arg} />;
}

/** Picks the screen for a dataset tab. */
function DatasetRoute({ id, tab = '', arg }: { id: string; tab?: string; arg?: string }) {
  const screen = {
    '': <OverviewScreen id={id} />,
    funnels: <FunnelsScreen id={id} />,
    retention: <RetentionScreen id={id} />,
    paths: <PathsScreen id={id} />,
    segments: <SegmentsScreen id={id} />,
    forecast: <ForecastScreen id={id} />,
    models: <ModelsScreen id={id} />,
    customers: <CustomersScreen id={id} user={arg ? decodeURIComponent(arg) : null} />,
  }[tab];
  return <DatasetLayout id={id} tab={tab}>{screen ?? <div className="panel empty">Unknown page. <a href={`#/d/${id}`}>Back to the overview</a></div>}</DatasetLayout>;
}
