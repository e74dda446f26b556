// A titled panel around a chart or table, with "CSV" (the data behind it) and "PNG" (a picture of it).
import { toPng } from 'html-to-image';
import { useRef, useState, type ReactNode } from 'react';
import { toCsv } from '../../lib/csv';
import { downloadBlob } from '../../state/download';

/** The table behind a chart. */
export interface ChartTable {
  header: string[];
  rows: (string | number)[][];
}

interface Props {
  title: string;
  /** Builds the table behind the chart for the CSV download. */
  table?: () => ChartTable;
  /** Controls shown next to the title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** File-name-safe version of a title. */
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';

/** Panel with export buttons. */
export function ChartPanel({ title, table, actions, children }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const png = async () => {
    if (!body.current) return;
    setBusy(true);
    try {
      const url = await toPng(body.current, { backgroundColor: '#ffffff', pixelRatio: 2 });
      downloadBlob(await (await fetch(url)).blob(), `${slug(title)}.png`);
    } finally {
      setBusy(false);
    }
  };
  const csv = () => {
    if (!table) return;
    const t = table();
    downloadBlob(new Blob([toCsv(t.header, t.rows)], { type: 'text/csv' }), `${slug(title)}.csv`);
  };
  return (
    <section className="panel" aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        <div className="row">
          {actions}
          {table && <button className="small" onClick={csv} aria-label={`Download ${title} as CSV`}>CSV</button>}
          <button className="small" onClick={png} disabled={busy} aria-label={`Download ${title} as PNG`}>PNG</button>
        </div>
      </div>
      <div ref={body} className="chart-body">{children}</div>
    </section>
  );
}
