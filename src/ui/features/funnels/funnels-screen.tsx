// Funnels: build 2–8 steps and read conversion, timing, breakdown and trend.
import { useState } from 'react';
import { formatInt } from '../../../lib/format';
import { downloadUsers, useFunnel, type DatasetMeta, type FunnelRequest } from '../../../state/analysis';
import { WithMeta } from '../../components/with-meta';
import { FunnelForm } from './funnel-form';
import { FunnelResults } from './funnel-results';

/** Default funnel: view → cart → purchase where the data has them, in Mixpanel's 7-day window. */
function defaultFunnel(meta: DatasetMeta): FunnelRequest {
  const has = (name: string) => meta.types.find((t) => t.name === name)?.code;
  const wanted = ['view', 'cart', 'purchase'].map(has).filter((c): c is number => c !== undefined);
  const codes = wanted.length >= 2 ? wanted : meta.types.slice(0, 2).map((t) => t.code);
  return { steps: codes.map((type) => ({ type })), windowMs: 7 * 86_400_000, order: 'ordered' };
}

/** Filters still being chosen (no value yet) are left out of the query. */
function cleaned(q: FunnelRequest): FunnelRequest {
  return { ...q, steps: q.steps.map((s) => ({ ...s, filters: s.filters?.filter((f) => f.codes.length > 0) })) };
}

/** The funnels screen. */
export function FunnelsScreen({ id }: { id: string }) {
  return (
    <WithMeta id={id}>
      {(meta) => (meta.types.length < 2
        ? <div className="panel empty">A funnel needs at least two event types; this dataset has {meta.types.length}.</div>
        : <Funnels id={id} meta={meta} />)}
    </WithMeta>
  );
}

function Funnels({ id, meta }: { id: string; meta: DatasetMeta }) {
  const [q, setQ] = useState(() => defaultFunnel(meta));
  const query = cleaned(q);
  const res = useFunnel(id, query);
  const [note, setNote] = useState('');
  const labels = q.steps.map((s) => meta.types.find((t) => t.code === s.type)?.name ?? `#${s.type}`);
  const onExport = async (step: number, converted: boolean) => {
    const rows = await downloadUsers(id, { kind: 'funnel-step', query, step, converted }, `funnel-step-${step}-${converted ? 'reached' : 'dropped'}.csv`);
    setNote(`Exported ${formatInt(rows)} users.`);
  };
  const data = res.status === 'error' ? null : res.data;
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head"><h2>Funnel steps</h2>{data && <span className="timing" role="status">{res.status === 'loading' ? 'Computing…' : `Computed in ${Math.round(data.ms)} ms over ${formatInt(meta.events)} events, no sampling`}</span>}</div>
        <FunnelForm meta={meta} q={q} onChange={setQ} />
      </section>
      {note && <p className="notice good" role="status">{note}</p>}
      {res.status === 'error' && <div className="notice bad" role="alert">{res.message}</div>}
      {data && <FunnelResults r={data} labels={labels} onExport={(s, c) => void onExport(s, c)} />}
    </div>
  );
}
