// Which backend trains and runs the models, with its adapter string, a speed check, and a switch.
import { useEffect, useState } from 'react';
import { runSelfTest, startRuntime, type BackendInfo, type BackendName, type RuntimeSelfTest } from '../../state/analysis';

/** Compact runtime status and controls. */
export function RuntimePanel() {
  const [info, setInfo] = useState<BackendInfo | null>(null);
  const [test, setTest] = useState<RuntimeSelfTest | null>(null);
  const [busy, setBusy] = useState<string>('Starting the model runtime…');
  const [error, setError] = useState('');
  const run = (p: Promise<unknown>, label: string) => {
    setBusy(label);
    setError('');
    p.catch((e: Error) => setError(e.message)).finally(() => setBusy(''));
  };
  useEffect(() => {
    startRuntime().then(setInfo, (e: Error) => setError(e.message)).finally(() => setBusy(''));
  }, []);
  const switchTo = (name: BackendName) => run(startRuntime(name).then((i) => { setInfo(i); setTest(null); }), `Switching to ${name}…`);
  return (
    <div className="row" data-testid="runtime-panel" style={{ fontSize: '0.85rem' }}>
      <span className="muted">Model runtime:</span>
      {info && (
        <>
          <strong data-testid="runtime-backend">{info.name.toUpperCase()}</strong>
          <span className="muted" title={info.detail}>{info.detail}{info.software && ' (software renderer: slower than WASM)'}</span>
          <label className="row">
            <span className="sr-only">Switch backend</span>
            <select aria-label="Switch backend" value={info.name} disabled={Boolean(busy)} onChange={(e) => switchTo(e.target.value as BackendName)}>
              {info.available.map((c) => <option key={c.name} value={c.name}>{c.name}{c.software ? ' (software)' : ''}</option>)}
            </select>
          </label>
          <button className="small" disabled={Boolean(busy)} onClick={() => run(runSelfTest().then(setTest), 'Measuring…')}>Speed check</button>
        </>
      )}
      {test && <span data-testid="runtime-selftest">{test.matmulGflops.toFixed(1)} GFLOP/s{test.embeddingGradOk && test.segmentSumOk ? ', kernels OK' : `, kernel check failed: ${test.errors.join('; ')}`}</span>}
      {busy && <span className="muted" role="status">{busy}</span>}
      {error && <span className="error" role="alert">{error}</span>}
    </div>
  );
}
