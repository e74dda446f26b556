// The top bar: brand, dataset switcher, import button.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useDatasets } from '../../state/datasets';
import { useImportStore } from '../../state/import-store';
import { useFilePicker } from './use-file-picker';

/** The app's top bar. */
export function TopBar() {
  const datasets = useDatasets();
  const [location, navigate] = useLocation();
  const chooseFiles = useImportStore((s) => s.chooseFiles);
  const pick = useFilePicker(chooseFiles);
  const prepare = useImportStore((s) => s.prepare);
  // The import button is on every screen: once the bar has painted, the ingest worker gets ready for it.
  useEffect(prepare, [prepare]);
  const current = /^\/d\/([^/]+)/.exec(location)?.[1] ?? '';
  return (
    <header className="topbar">
      <a className="logo" href="#/">Shop<span>Lens</span></a>
      <span className="local" title="Your data is stored in this browser and never uploaded.">● Local only: nothing leaves this browser</span>
      <span className="spacer" />
      {datasets && datasets.length > 0 && (
        <label className="row">
          <span className="sr-only">Dataset</span>
          <select aria-label="Switch dataset" value={current} onChange={(e) => navigate(e.target.value ? `/d/${e.target.value}` : '/')}>
            <option value="">All datasets…</option>
            {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      )}
      <button className="primary" onClick={pick}>Import data</button>
    </header>
  );
}
