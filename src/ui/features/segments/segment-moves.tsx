// How customers moved between segments from one day to another, as a heat-mapped matrix.
import { formatInt } from '../../../lib/format';
import { ChartPanel } from '../../components/chart-panel';

interface Props {
  names: string[];
  /** (names+1)²: last row = not yet a customer, last column = not a customer. */
  matrix: number[][];
  from: string;
  to: string;
}

/** Before/after matrix of segments. */
export function SegmentMoves({ names, matrix, from, to }: Props) {
  const labels = [...names, 'Not a customer'];
  const max = Math.max(1, ...matrix.flat());
  return (
    <ChartPanel title="Segment moves" table={() => ({ header: [`${from} \\ ${to}`, ...labels], rows: matrix.map((row, i) => [labels[i] ?? '', ...row]) })}>
      <p className="muted" style={{ marginTop: 0 }}>Rows: segment on {from}; columns: segment on {to}.</p>
      <div className="scroll">
        <table className="heat" data-testid="segment-moves">
          <thead><tr><th />{labels.map((l) => <th key={l} style={{ whiteSpace: 'normal', minWidth: '4.5rem' }}>{l}</th>)}</tr></thead>
          <tbody>
            {matrix.map((row, i) => (
              <tr key={i}>
                <th style={{ textAlign: 'right' }}>{labels[i]}</th>
                {row.map((v, j) => (
                  <td key={j} style={{ background: v ? `rgba(36, 86, 211, ${0.08 + 0.8 * (v / max)})` : undefined, color: v / max > 0.5 ? '#fff' : undefined, fontWeight: i === j ? 700 : undefined }}>
                    {v ? formatInt(v) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartPanel>
  );
}
