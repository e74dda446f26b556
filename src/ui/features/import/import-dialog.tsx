// The import journey as a dialog over any screen: confirm mapping → progress → open the dataset.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { formatBytes } from '../../../lib/format';
import { useImportStore, type ImportPhase } from '../../../state/import-store';
import type { Duplicate } from '../../../workers/protocol';
import { ImportProgress } from './import-progress';
import { MappingForm } from './mapping-form';

/** Renders the current import phase, if any. */
export function ImportDialog() {
  const { phase, duplicates, startedUnchecked, edit, confirm, cancel, reset } = useImportStore();
  const [, navigate] = useLocation();
  useEffect(() => {
    if (phase.kind === 'done') {
      navigate(`/d/${phase.datasetId}`);
      reset();
    }
  }, [phase, navigate, reset]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && phase.kind !== 'importing' && cancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase.kind, cancel]);
  if (phase.kind === 'idle' || phase.kind === 'done') return null;
  return (
    <div className="dialog-backdrop">
      <div className={`dialog${phase.kind === 'confirm' ? '' : ' narrow'}`} role="dialog" aria-modal="true" aria-label="Import">
        {phase.kind === 'inspecting' && <p aria-live="polite">Reading {phase.names.join(', ')}…</p>}
        {phase.kind === 'importing' && <ImportProgress name={phase.name} progress={phase.progress} onCancel={cancel} duplicates={startedUnchecked ? (duplicates ?? []) : []} />}
        {phase.kind === 'error' && (
          <div className="stack">
            <h2>This file can’t be imported</h2>
            <p className="notice bad" role="alert">{phase.message}</p>
            <p className="muted">Your existing datasets are unchanged.</p>
            <div className="row"><button className="primary" onClick={cancel} autoFocus>OK</button></div>
          </div>
        )}
        {phase.kind === 'confirm' && <Confirm phase={phase} duplicates={duplicates} edit={edit} confirm={confirm} cancel={cancel} />}
      </div>
    </div>
  );
}

type ConfirmPhase = Extract<ImportPhase, { kind: 'confirm' }>;
type Edit = ReturnType<typeof useImportStore.getState>['edit'];

interface ConfirmProps {
  phase: ConfirmPhase;
  duplicates: Duplicate[] | null;
  edit: Edit;
  confirm(): void;
  cancel(): void;
}

function Confirm({ phase, duplicates, edit, confirm, cancel }: ConfirmProps) {
  const { inspected, mapping, name, skipDuplicates } = phase;
  const { guess, files } = inspected;
  const timeCol = mapping.columns.time;
  const timeOk = timeCol !== undefined && inspected.timeFormats[timeCol] !== null;
  const remaining = skipDuplicates ? files.length - (duplicates?.length ?? 0) : files.length;
  const size = files.reduce((s, f) => s + f.size, 0);
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>Import {files.length === 1 ? files[0]?.name : `${files.length} files`} <span className="muted">({formatBytes(size)})</span></h2>
        <span className={`notice ${guess.preset === 'guess' ? '' : 'good'}`} data-testid="preset">
          {guess.preset === 'guess' ? 'Best guess: please check the columns' : `Recognised: ${guess.label}`}
        </span>
      </div>
      <label className="row">Dataset name <input type="text" aria-label="Dataset name" value={name} onChange={(e) => edit({ name: e.target.value })} /></label>
      {duplicates && duplicates.length > 0 && (
        <div className="notice">
          {duplicates.map((d) => <div key={d.file}>{d.file} is already stored in “{d.datasetName}”.</div>)}
          <label className="row"><input type="checkbox" checked={skipDuplicates} onChange={(e) => edit({ skipDuplicates: e.target.checked })} /> Skip files already imported</label>
        </div>
      )}
      {!timeOk && <p className="notice bad">Pick the column that holds the event time: ShopLens needs it for every row.</p>}
      <MappingForm inspected={inspected} mapping={mapping} onChange={(m) => edit({ mapping: m })} />
      <div className="row dialog-actions">
        {/* In the footer, so the form does not move when the answer comes. */}
        <span className="muted" aria-live="polite" style={{ marginRight: 'auto' }}>
          {duplicates === null && `Checking whether ${files.length === 1 ? 'this file was' : 'these files were'} imported before…`}
        </span>
        <button onClick={cancel}>Cancel</button>
        <button className="primary" onClick={confirm} disabled={!timeOk || remaining === 0}>
          {remaining === 0 ? 'Nothing new to import' : 'Import'}
        </button>
      </div>
    </div>
  );
}
