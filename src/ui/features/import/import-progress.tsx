// Progress of a running import: bar, rows, speed, time left, Cancel.
import { formatDuration, formatInt } from '../../../lib/format';
import type { Duplicate, ImportProgress as Progress } from '../../../workers/protocol';

interface Props {
  name: string;
  progress: Progress | null;
  onCancel(): void;
  /** Files found to be stored already, after the import had started. */
  duplicates: Duplicate[];
}

/** The progress view. */
export function ImportProgress({ name, progress, onCancel, duplicates }: Props) {
  const share = progress && progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : 0;
  const secs = (progress?.elapsedMs ?? 0) / 1000;
  const rate = progress && secs > 0 ? progress.rows / secs : 0;
  const eta = share > 0.02 ? (secs / share) * (1 - share) : NaN;
  return (
    // Not a live region: rows, speed and time left change ten times a second; the progress bar
    // reports progress to assistive technology, and the duplicate notice is a status of its own.
    <div className="stack">
      <h2>Importing {name}…</h2>
      <div className="progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <div className="row muted">
        <span data-testid="import-rows">{formatInt(progress?.rows ?? 0)} rows</span>
        <span>·</span>
        <span>{formatInt(rate)} rows/s</span>
        <span>·</span>
        <span>{timeLeft(eta)}</span>
        {progress && progress.rejected > 0 && <><span>·</span><span>{formatInt(progress.rejected)} lines skipped</span></>}
      </div>
      {progress?.file && <p className="muted">Reading {progress.file}</p>}
      {duplicates.length > 0 && (
        <div className="notice" role="status">
          {duplicates.map((d) => <div key={d.file}>{d.file} is already stored in “{d.datasetName}”.</div>)}
          Cancel if you do not want a second copy.
        </div>
      )}
      <div className="row"><button onClick={onCancel}>Cancel</button></div>
    </div>
  );
}

function timeLeft(eta: number): string {
  if (Number.isNaN(eta)) return 'estimating time left…';
  return eta < 1 ? 'less than a second left' : `about ${formatDuration(eta)} left`;
}
