// The frame of every dataset screen: name, size and the tabs between analyses.
import type { ReactNode } from 'react';
import { formatBytes, formatInt } from '../../../lib/format';
import { useDataset } from '../../../state/datasets';

/** Analyses of a dataset, as tabs. */
export const TABS: [string, string][] = [['', 'Overview'], ['funnels', 'Funnels'], ['retention', 'Retention'], ['paths', 'Paths'], ['segments', 'Segments'], ['customers', 'Customers'], ['models', 'Models'], ['forecast', 'Forecast']];

/** Header and tabs around one dataset screen. */
export function DatasetLayout({ id, tab, children }: { id: string; tab: string; children: ReactNode }) {
  const meta = useDataset(id);
  if (meta === null) {
    return <div className="panel empty"><h2>This dataset is not here</h2><p>It may have been deleted. <a href="#/">See your datasets</a></p></div>;
  }
  return (
    <div className="stack">
      <div>
        <h1 data-testid="dataset-name">{meta?.name ?? '…'}</h1>
        {meta && <span className="muted">{formatInt(meta.rows)} events · {formatBytes(meta.bytes)} stored in this browser</span>}
      </div>
      <nav className="tabs" aria-label="Analyses">
        {TABS.map(([path, label]) => (
          <a key={path} href={`#/d/${id}${path ? `/${path}` : ''}`} aria-current={tab === path ? 'page' : undefined}>{label}</a>
        ))}
      </nav>
      {children}
    </div>
  );
}
