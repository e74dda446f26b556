// The datasets kept in this browser: open, rename, delete, and how much space each takes.
import { useState } from 'react';
import { deleteDataset, renameDataset, useDatasets, type DatasetRecord } from '../../../state/datasets';
import { formatBytes, formatInt } from '../../../lib/format';

/** Table of stored datasets. */
export function DatasetList() {
  const datasets = useDatasets();
  if (datasets === undefined) return <div className="panel muted">Loading your datasets…</div>;
  if (datasets.length === 0) {
    return <div className="panel empty">No datasets yet. Drop an export above, or try the demo store.</div>;
  }
  const total = datasets.reduce((s, d) => s + d.bytes, 0);
  return (
    <section className="panel">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>Your datasets</h2>
        <span className="muted">{datasets.length} stored · {formatBytes(total)} in this browser</span>
      </div>
      <table className="dataset-list">
        <thead>
          <tr><th>Name</th><th className="num">Events</th><th className="num">Size</th><th>Imported</th><th><span className="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>{datasets.map((d) => <DatasetRow key={d.id} d={d} />)}</tbody>
      </table>
    </section>
  );
}

function DatasetRow({ d }: { d: DatasetRecord }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(d.name);
  const save = () => {
    setEditing(false);
    if (name !== d.name) void renameDataset(d.id, name);
  };
  const remove = () => {
    if (window.confirm(`Delete “${d.name}” and its ${formatInt(d.rows)} events from this browser?`)) void deleteDataset(d.id);
  };
  return (
    <tr data-testid="dataset-row">
      <td>
        {editing ? (
          <input type="text" aria-label="Dataset name" value={name} autoFocus onChange={(e) => setName(e.target.value)} onBlur={save}
            onKeyDown={(e) => { if (e.key === 'Enter') save(); if (e.key === 'Escape') { setName(d.name); setEditing(false); } }} />
        ) : (
          <a href={`#/d/${d.id}`}>{d.name}</a>
        )}
      </td>
      <td className="num">{formatInt(d.rows)}</td>
      <td className="num">{formatBytes(d.bytes)}</td>
      <td>{new Date(d.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</td>
      <td className="row" style={{ justifyContent: 'flex-end' }}>
        <button onClick={() => setEditing(true)} aria-label={`Rename ${d.name}`}>Rename</button>
        <button className="danger" onClick={remove} aria-label={`Delete ${d.name}`}>Delete</button>
      </td>
    </tr>
  );
}
