// What the import read and skipped, with the full list of skipped lines as a CSV download.
import { useState } from 'react';
import { downloadBlob } from '../../../state/download';
import { formatDuration, formatInt } from '../../../lib/format';
import { rejectionsCsv, type DatasetRecord } from '../../../state/datasets';

/** The import report of a dataset, folded by default when nothing was skipped. */
export function ImportReport({ d }: { d: DatasetRecord }) {
  const s = d.summary;
  const [busy, setBusy] = useState(false);
  if (!s) return null;
  const download = async () => {
    setBusy(true);
    try {
      downloadBlob(new Blob([await rejectionsCsv(d.id)], { type: 'text/csv' }), `${d.name}-skipped-lines.csv`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="panel" open={s.rowsRejected > 0} data-testid="import-report">
      <summary>
        <strong>Import report</strong>{' '}
        <span className="muted">
          {formatInt(s.rowsRead)} lines read from {d.files.length} file{d.files.length === 1 ? '' : 's'} ({d.preset}) ·{' '}
          {s.rowsRejected === 0 ? 'none skipped' : `${formatInt(s.rowsRejected)} skipped`} · {formatDuration(s.importMs / 1000)}
        </span>
      </summary>
      {s.rowsRejected > 0 && (
        <div className="stack" style={{ marginTop: '0.8rem' }}>
          <div className="row">
            {Object.entries(s.reasonCounts).map(([k, n]) => <span key={k} className="badge">{k}: {formatInt(n)}</span>)}
            <button onClick={download} disabled={busy}>Download all {formatInt(s.rowsRejected)} as CSV</button>
          </div>
          <div className="scroll">
            <table>
              <thead><tr><th>File</th><th className="num">Line</th><th>Reason</th></tr></thead>
              <tbody>
                {s.firstRejections.map((r, i) => <tr key={i}><td>{r.file}</td><td className="num">{r.line}</td><td>{r.reason}</td></tr>)}
              </tbody>
            </table>
          </div>
          {s.rowsRejected > s.firstRejections.length && <p className="muted">Showing the first {s.firstRejections.length}.</p>}
        </div>
      )}
    </details>
  );
}
