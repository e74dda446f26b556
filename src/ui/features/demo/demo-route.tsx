// `/#/demo`: opens the demo store, generating it on first visit, so a sales link always lands on it.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useDatasets } from '../../../state/datasets';
import { useImportStore } from '../../../state/import-store';

/** Redirects to the stored demo store, or generates it. */
export function DemoRoute() {
  const datasets = useDatasets();
  const [, navigate] = useLocation();
  const { phase, startDemo } = useImportStore();
  const existing = datasets?.find((d) => d.preset === 'demo');
  useEffect(() => {
    if (existing) navigate(`/d/${existing.id}`, { replace: true });
    else if (datasets && phase.kind === 'idle') void startDemo();
  }, [existing, datasets, phase.kind, navigate, startDemo]);
  return <div className="panel empty">Preparing the demo store…</div>;
}
