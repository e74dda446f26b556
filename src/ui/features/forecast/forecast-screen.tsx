// Sales forecasting: pick a target, see every model's backtest, the best one's forecast with honest
// prediction intervals, and what changed since the last forecast of the same question.
import { useState } from 'react';
import { formatMoney } from '../../../lib/format';
import { useForecast, type DatasetMeta, type ForecastAnswer, type ForecastRequest } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';
import { RuntimePanel } from '../../components/runtime-panel';
import { WithMeta } from '../../components/with-meta';
import { chartPoints, ForecastChart } from './forecast-chart';
import { ForecastForm } from './forecast-form';
import { ModelTable } from './model-table';

/** The forecast screen. */
export function ForecastScreen({ id }: { id: string }) {
  return <WithMeta id={id}>{(meta) => <Forecast id={id} meta={meta} />}</WithMeta>;
}

function Forecast({ id, meta }: { id: string; meta: DatasetMeta }) {
  const [req, setReq] = useState<ForecastRequest>({ target: 'revenue', freq: 'day', horizon: 28, scope: null, promoDays: [] });
  const res = useForecast(id, req);
  const data = res.status === 'error' ? null : res.data;
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head"><h2>Forecast</h2>{data && <span className="timing" role="status">{res.status === 'loading' ? 'Fitting models and backtesting…' : `Fitted and backtested in ${(data.ms / 1000).toFixed(1)} s`}</span>}</div>
        <ForecastForm meta={meta} req={req} onChange={setReq} />
        <RuntimePanel />
      </section>
      {res.status === 'error' && <div className="notice bad" role="alert">{res.message}</div>}
      {!data && res.status === 'loading' && <div className="panel empty" role="status">Fitting models and backtesting…</div>}
      {data && <Results key={JSON.stringify(req)} a={data} req={req} />}
    </div>
  );
}

function Results({ a, req }: { a: ForecastAnswer; req: ForecastRequest }) {
  const [selected, setSelected] = useState(a.report.chosen);
  const [overlay, setOverlay] = useState(false);
  const model = a.report.models.find((m) => m.id === selected) ?? a.report.models[0];
  if (!model) return null;
  const naive = a.report.models.find((m) => m.id === 'seasonal-naive');
  const best = a.report.models.find((m) => m.id === a.report.chosen);
  const total = model.forecast.reduce((s, v) => s + v, 0);
  const money = req.target === 'revenue';
  const fmt = (x: number) => (money ? formatMoney(x) : Math.round(x).toLocaleString('en-US'));
  return (
    <>
      <ChartPanel title="Forecast chart" actions={<label className="row"><input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.target.checked)} /> Overlay backtest</label>}
        table={() => ({ header: ['date', 'forecast', 'lower80', 'upper80', 'lower95', 'upper95'], rows: a.report.dates.map((d, h) => [d, model.forecast[h] ?? 0, model.lower80[h] ?? 0, model.upper80[h] ?? 0, model.lower95[h] ?? 0, model.upper95[h] ?? 0]) })}>
        <p className="muted" style={{ marginTop: 0 }} data-testid="forecast-summary">
          {model.label}: {fmt(total)} over the next {req.horizon} {req.freq === 'day' ? 'days' : 'weeks'}. On the backtest its 80% band covered {(model.coverage80 * 100).toFixed(0)}% and its 95% band {(model.coverage95 * 100).toFixed(0)}% of actual values.
        </p>
        <ForecastChart points={chartPoints(a, model, overlay)} label={model.label} />
      </ChartPanel>
      <ChartPanel title="Models" table={() => ({ header: ['model', 'mase', 'smape', 'coverage80', 'coverage95', 'fit_ms', 'backtest_ms'], rows: a.report.models.map((m) => [m.label, m.mase, m.smape, m.coverage80, m.coverage95, m.fitMs, m.backtestMs]) })}>
        <p className="muted" style={{ marginTop: 0 }}>
          Rolling-origin backtest over {a.report.backtest.origins.length} origins, each {a.report.horizon} periods ahead. MASE is scaled by the in-sample error of the seasonal naive forecast (below 1 beats it).
          {best && naive && best.id !== naive.id && best.mase >= naive.mase && ' No model beats the seasonal naive baseline on this series.'}
        </p>
        <ModelTable models={a.report.models} chosen={a.report.chosen} selected={model.id} onSelect={setSelected} />
        {a.report.skipped.map((s) => <p key={s.id} className="muted">{s.label} was not run: {s.reason}</p>)}
        {a.report.notes.map((n) => <p key={n} className="muted">{n}</p>)}
      </ChartPanel>
      <WhatChanged a={a} fmt={fmt} />
    </>
  );
}

function WhatChanged({ a, fmt }: { a: ForecastAnswer; fmt(x: number): string }) {
  const prev = a.previous;
  const best = a.report.models.find((m) => m.id === a.report.chosen);
  if (!prev || !best) return <p className="muted">This is the first forecast of this question; the next one will say what changed.</p>;
  const now = best.forecast.reduce((s, v) => s + v, 0);
  const delta = prev.total ? (now - prev.total) / Math.abs(prev.total) : 0;
  return (
    <p className="notice" data-testid="what-changed">
      Since the forecast of {new Date(prev.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}: the total moved from {fmt(prev.total)} to {fmt(now)} ({delta >= 0 ? '+' : ''}{(delta * 100).toFixed(1)}%)
      {prev.chosen !== best.id ? `, and the best model changed from ${prev.chosenLabel} to ${best.label}.` : `; the best model is still ${best.label}.`}
    </p>
  );
}
