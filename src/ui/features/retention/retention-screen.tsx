// Retention: cohorts by first activity or first purchase, as a triangle heat map and a curve.
import { useState } from 'react';
import { Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../components/chart-box';
import { formatInt, formatPct } from '../../../lib/format';
import { downloadUsers, useMeta, useRetention, type RetentionQuery } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';
import { DEFAULT_PERIODS, RetentionForm } from './retention-form';
import { RetentionTable } from './retention-table';
import { HorizontalGrid } from '../../components/grid';

/** The retention screen. */
export function RetentionScreen({ id }: { id: string }) {
  const meta = useMeta(id);
  const [q, setQ] = useState<RetentionQuery>({ cohortBy: 'first-activity', period: 'week', returnType: null, mode: 'on', maxPeriods: DEFAULT_PERIODS.week });
  const res = useRetention(id, q);
  const [compare, setCompare] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const data = res.status === 'error' ? null : res.data;
  const unit = q.period === 'day' ? 'Day' : q.period === 'week' ? 'Week' : 'Month';
  const curve = data ? data.average.map((avg, n) => ({ n: `${unit} ${n}`, average: avg, cohort: compare === null ? undefined : cohortRate(data.cohorts[compare], n) })) : [];
  const exportCell = async (cohort: number, n: number) => {
    const rows = await downloadUsers(id, { kind: 'cohort', query: q, cohort, n }, `cohort-${data?.cohorts[cohort]?.label ?? cohort}-${q.period}-${n}.csv`);
    setNote(`Exported ${formatInt(rows)} users.`);
  };
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head"><h2>Cohorts</h2>{data && <span className="timing" role="status">{res.status === 'loading' ? 'Computing…' : `Computed in ${Math.round(data.ms)} ms, every user counted`}</span>}</div>
        {meta.status !== 'error' && meta.data && <RetentionForm meta={meta.data} q={q} onChange={(next) => { setCompare(null); setQ(next); }} />}
      </section>
      {note && <p className="notice good" role="status">{note}</p>}
      {res.status === 'error' && <div className="notice bad" role="alert">{res.message}</div>}
      {data && data.cohorts.length === 0 && <div className="panel empty">No users have a {q.cohortBy === 'first-purchase' ? 'purchase' : 'event'} to start a cohort.</div>}
      {data && data.cohorts.length > 0 && (
        <>
          <ChartPanel title="Retention table" table={() => ({ header: ['cohort', 'size', ...Array.from({ length: data.periods }, (_, n) => `${q.period}_${n}`)], rows: data.cohorts.map((c) => [c.label, c.size, ...c.retained]) })}>
            <p className="muted" style={{ marginTop: 0 }}>Share of each cohort counted {q.mode === 'on' ? 'on' : 'on or after'} {unit.toLowerCase()} N (UTC). Click a cell to download its users; click a cohort to compare it with the average.</p>
            <RetentionTable r={data} unit={unit} compare={compare} onCompare={setCompare} onCell={(c, n) => void exportCell(c, n)} />
          </ChartPanel>
          <ChartPanel title="Retention curve" table={() => ({ header: ['n', 'average', 'cohort'], rows: curve.map((p) => [p.n, p.average, p.cohort ?? '']) })}>
            <ChartBox className="chart-box">
              {(size) => (
                <LineChart {...size} data={curve} margin={{ top: 8, right: 16, left: 4, bottom: 4 }}>
                  <HorizontalGrid />
                  <XAxis dataKey="n" tick={{ fontSize: 12 }} />
                  <YAxis tickFormatter={(v: number) => formatPct(v)} tick={{ fontSize: 12 }} width={64} domain={[0, 1]} />
                  <Tooltip formatter={(v) => formatPct(Number(v))} />
                  <Legend />
                  <Line dataKey="average" name="All cohorts (weighted)" stroke="#2456d3" strokeWidth={2} isAnimationActive={false} />
                  {compare !== null && <Line dataKey="cohort" name={`Cohort ${data.cohorts[compare]?.label}`} stroke="#e07a1f" strokeWidth={2} isAnimationActive={false} />}
                </LineChart>
              )}
            </ChartBox>
          </ChartPanel>
        </>
      )}
    </div>
  );
}

/** A cohort's retained share at N, or undefined where it was not observed. */
function cohortRate(c: { size: number; retained: number[] } | undefined, n: number): number | undefined {
  const v = c?.retained[n];
  return c && v !== undefined && c.size > 0 ? v / c.size : undefined;
}
