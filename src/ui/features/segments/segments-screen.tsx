// RFM segments: who the customers are at a date, how they moved since another, and exports.
import { useState } from 'react';
import { formatInt } from '../../../lib/format';
import { downloadUsers, useMeta, useRfm } from '../../../state/analysis';
import { SegmentMoves } from './segment-moves';
import { SegmentTable } from './segment-table';
import { SegmentTreemap } from './segment-treemap';

/** End of a UTC day in ms, for an `<input type=date>` value. */
const endOfDay = (iso: string) => (iso ? Date.parse(`${iso}T23:59:59.999Z`) : undefined);

/** The segments screen. */
export function SegmentsScreen({ id }: { id: string }) {
  const meta = useMeta(id);
  const [asOf, setAsOf] = useState('');
  const [compare, setCompare] = useState('');
  const res = useRfm(id, endOfDay(asOf), endOfDay(compare));
  const [note, setNote] = useState('');
  const span = meta.status === 'error' ? null : meta.data?.span;
  const data = res.status === 'error' ? null : res.data;
  const exportSegment = async (segment: number, name: string) => {
    const rows = await downloadUsers(id, { kind: 'segment', segment, asOf: endOfDay(asOf) }, `segment-${name.toLowerCase().replace(/[^a-z]+/g, '-')}.csv`);
    setNote(`Exported ${formatInt(rows)} customers of ${name}.`);
  };
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head"><h2>RFM segments</h2>{data && <span className="timing" role="status">{res.status === 'loading' ? 'Computing…' : `Computed in ${Math.round(data.ms)} ms for ${formatInt(data.summary.customers)} customers`}</span>}</div>
        <div className="form-row">
          <label>As of (UTC day)<input type="date" aria-label="As of" min={span?.[0]} max={span?.[1]} value={asOf} onChange={(e) => setAsOf(e.target.value)} /></label>
          <label>Compare with an earlier day<input type="date" aria-label="Compare with" min={span?.[0]} max={asOf || span?.[1]} value={compare} onChange={(e) => setCompare(e.target.value)} /></label>
          {(asOf || compare) && <button onClick={() => { setAsOf(''); setCompare(''); }}>Reset</button>}
        </div>
        <p className="muted">Recency = days since the last purchase; frequency = orders; monetary = net revenue. Each is scored 1–5 by quintiles of the customers (equal values always share a score; recent = 5). Segments follow the R and F scores.</p>
      </section>
      {note && <p className="notice good" role="status">{note}</p>}
      {res.status === 'error' && <div className="notice bad" role="alert">{res.message}</div>}
      {data && data.summary.customers === 0 && <div className="panel empty">No purchases up to this day, so there are no customers to segment.</div>}
      {data && data.summary.customers > 0 && (
        <>
          <div className="grid2">
            <SegmentTreemap s={data.summary} />
            <SegmentTable s={data.summary} rules={data.rules} onExport={(i, n) => void exportSegment(i, n)} />
          </div>
          {data.transitions && <SegmentMoves names={data.summary.segments.map((s) => s.name)} matrix={data.transitions} from={compare} to={asOf || (span?.[1] ?? '')} />}
        </>
      )}
    </div>
  );
}
