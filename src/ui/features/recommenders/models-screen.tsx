// Models: train recommenders on this dataset, watch them learn, compare them honestly.
import { useState } from 'react';
import { DEFAULT_PRESET, PRESETS } from '../../../lib/model-catalog';
import { useLatestRun, type TrainRequest } from '../../../state/analysis';
import { useModelsStore } from '../../../state/models-store';
import { RuntimePanel } from '../../components/runtime-panel';
import { NextActionTable } from './next-action-table';
import { ResultsTable } from './results-table';
import { TrainForm } from './train-form';
import { TrainProgressView } from './train-progress';

/** The models screen. */
export function ModelsScreen({ id }: { id: string }) {
  const { phase, version, start, cancel } = useModelsStore();
  const run = useLatestRun(id, version);
  const [req, setReq] = useState<TrainRequest>({ protocol: 'loo', testDays: 7, models: ['pop', 'itemknn', 'gru4rec'], hyper: PRESETS[DEFAULT_PRESET] });
  const running = phase.kind === 'running' && phase.datasetId === id;
  return (
    <div className="stack">
      <section className="panel stack">
        <div className="panel-head"><h2>Recommenders</h2><RuntimePanel /></div>
        <TrainForm req={req} onChange={setReq} onStart={() => void start(id, req)} busy={phase.kind === 'running'} />
        <p className="muted">Trained here, on this device: your data never leaves the browser. Each model is evaluated the same way, next to the baselines; the best on validation becomes the default for recommendations in customer portraits.</p>
      </section>
      {running && <TrainProgressView phase={phase} onCancel={cancel} />}
      {phase.kind === 'error' && phase.datasetId === id && <div className="notice bad" role="alert">Training failed: {phase.message}</div>}
      {run.status === 'error' && <div className="notice bad" role="alert">{run.message}</div>}
      {run.status === 'ready' && run.data && <ResultsTable id={id} run={run.data} />}
      {run.status === 'ready' && run.data?.nextAction && <NextActionTable report={run.data.nextAction} />}
      {run.status === 'ready' && !run.data && !running && <div className="panel empty">No model trained on this dataset yet. Pick models above and press “Train and evaluate”.</div>}
    </div>
  );
}
