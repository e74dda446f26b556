// Paths: what sessions do after (or before) an event, as a flow and an equivalent table.
import { useState } from 'react';
import { formatInt, formatPct } from '../../../lib/format';
import { downloadUsers, usePaths, type DatasetMeta, type PathNode, type PathQuery } from '../../../state/analysis';
import { ChartPanel } from '../../components/chart-panel';
import { WithMeta } from '../../components/with-meta';
import { PathFlow } from './path-flow';

/** Nodes in depth-first order (each child right under its parent), for the indented table. */
function depthFirst(nodes: PathNode[]): PathNode[] {
  const kids = new Map<string | null, PathNode[]>();
  for (const n of nodes) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n]);
  const out: PathNode[] = [];
  const walk = (parent: string | null) => {
    for (const n of kids.get(parent) ?? []) {
      out.push(n);
      walk(n.id);
    }
  };
  walk(null);
  return out;
}

/** The paths screen. */
export function PathsScreen({ id }: { id: string }) {
  return <WithMeta id={id}>{(meta) => <Paths id={id} meta={meta} />}</WithMeta>;
}

function Paths({ id, meta }: { id: string; meta: DatasetMeta }) {
  const first = meta.types.find((t) => t.name === 'view') ?? meta.types[0];
  const [q, setQ] = useState<PathQuery>({ anchor: first?.code ?? 0, direction: 'next', depth: 3, by: 'type', topK: 5 });
  const res = usePaths(id, q);
  const [note, setNote] = useState('');
  const data = res.status === 'error' ? null : res.data;
  const anchorName = meta.types.find((t) => t.code === q.anchor)?.name ?? '';
  const exportNode = async (nodeId: string) => {
    const rows = await downloadUsers(id, { kind: 'path', query: q, nodeId }, `path-${anchorName}-${nodeId.replace(/[^a-z0-9]+/gi, '-')}.csv`);
    setNote(`Exported ${formatInt(rows)} users.`);
  };
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head"><h2>Paths</h2>{data && <span className="timing" role="status">{res.status === 'loading' ? 'Computing…' : `Computed in ${Math.round(data.ms)} ms`}</span>}</div>
        <div className="form-row">
          <label>Starting from the first
            <select aria-label="Anchor event" value={q.anchor} onChange={(e) => setQ({ ...q, anchor: Number(e.target.value) })}>
              {meta.types.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
            </select>
          </label>
          <label>Show
            <select aria-label="Direction" value={q.direction} onChange={(e) => setQ({ ...q, direction: e.target.value as PathQuery['direction'] })}>
              <option value="next">what comes next</option><option value="previous">what came before</option>
            </select>
          </label>
          <label>Steps
            <select aria-label="Steps" value={q.depth} onChange={(e) => setQ({ ...q, depth: Number(e.target.value) })}>
              {[1, 2, 3, 4].map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
          <label>As
            <select aria-label="Label by" value={q.by} onChange={(e) => setQ({ ...q, by: e.target.value as PathQuery['by'] })}>
              <option value="type">event types</option>
              {meta.dims.category && <option value="category">categories</option>}
            </select>
          </label>
          <label>Branches per step
            <select aria-label="Branches" value={q.topK} onChange={(e) => setQ({ ...q, topK: Number(e.target.value) })}>
              {[3, 5, 8, 10].map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          </label>
        </div>
        <p className="muted">Per session, from its first “{anchorName}”: up to {q.depth} steps, ending at “{q.direction === 'next' ? 'exit' : 'start'}” when the session does.</p>
      </section>
      {note && <p className="notice good" role="status">{note}</p>}
      {res.status === 'error' && <div className="notice bad" role="alert">{res.message}</div>}
      {data && data.anchorSessions === 0 && <div className="panel empty">No session has a “{anchorName}” event.</div>}
      {data && data.anchorSessions > 0 && (
        <>
          <ChartPanel title="Path flow" table={() => ({ header: ['path', 'step', 'sessions', 'share'], rows: data.nodes.map((n) => [n.id, n.level, n.sessions, n.sessions / data.anchorSessions]) })}>
            <PathFlow anchor={anchorName} r={data} direction={q.direction} />
          </ChartPanel>
          <ChartPanel title="Paths table">
            <table data-testid="paths-table">
              <thead><tr><th>Path from “{anchorName}”</th><th className="num">Sessions</th><th className="num">Share</th><th>Users</th></tr></thead>
              <tbody>
                {depthFirst(data.nodes).map((n) => (
                  <tr key={n.id}>
                    <td style={{ paddingLeft: `${n.level * 1.2}rem` }}>{n.label}</td>
                    <td className="num">{formatInt(n.sessions)}</td>
                    <td className="num">{formatPct(n.sessions / data.anchorSessions)}</td>
                    <td><button className="small" onClick={() => void exportNode(n.id)} aria-label={`Export users of ${n.id}`}>CSV</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartPanel>
        </>
      )}
    </div>
  );
}
