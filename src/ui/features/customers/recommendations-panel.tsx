// A customer's recommendations from the best trained model, with the reason for each.
import { useState } from 'react';
import { useRecommendations } from '../../../state/analysis';
import { useModelsStore } from '../../../state/models-store';

/** Top-10 for a user, or a pointer to the Models tab when nothing is trained yet. */
export function RecommendationsPanel({ id, user }: { id: string; user: string }) {
  const version = useModelsStore((s) => s.version);
  const [exclude, setExclude] = useState(false);
  const recs = useRecommendations(id, user, 10, exclude, version);
  const data = recs.status === 'error' ? null : recs.data;
  return (
    <section className="panel" data-testid="recommendations">
      <div className="panel-head">
        <h2>Recommended next{data && <span className="muted" style={{ fontWeight: 400 }}> · by {data.model}</span>}</h2>
        <label className="row"><input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} /> Exclude items already bought or viewed</label>
      </div>
      {recs.status === 'error' && <p className="error" role="alert">{recs.message}</p>}
      {recs.status === 'loading' && !data && <p className="muted" role="status">Loading the trained model…</p>}
      {recs.status === 'ready' && data === null && <p className="muted">No model is trained on this dataset yet. <a href={`#/d/${id}/models`}>Train one on the Models tab</a> to see recommendations here.</p>}
      {data?.nextAction && (
        <p data-testid="next-action">
          <strong>Next action</strong>{' '}
          {Object.entries(data.nextAction).map(([k, v]) => <span key={k} className="badge" style={{ marginRight: 6 }}>{k} {(v * 100).toFixed(0)}%</span>)}
        </p>
      )}
      {data && data.items.length === 0 && <p className="muted">This user has no interactions the models use, so there is nothing to base recommendations on.</p>}
      {data && data.items.length > 0 && (
        <div className="grid2">
          <ol style={{ margin: 0 }}>
            {data.items.map((r) => (
              <li key={r.item} data-testid="recommendation">
                <strong>{r.item}</strong> <span className="muted">score {r.score.toFixed(3)}</span>
                {r.because.length > 0 && (
                  <div className="muted" style={{ fontSize: '0.85rem' }} data-testid="explanation">
                    {r.basis === 'attention' ? `because you had ${r.because.join(', ')} (what the model attended to)` : `often together with your ${r.because.join(', ')}`}
                  </div>
                )}
              </li>
            ))}
          </ol>
          {data.similar.length > 0 && (
            <div>
              <h3>Similar to {data.items[0]?.item}</h3>
              <ul>{data.similar.map((s) => <li key={s.item}>{s.item} <span className="muted">({s.similarity.toFixed(2)})</span></li>)}</ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
