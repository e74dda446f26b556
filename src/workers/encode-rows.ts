// The loop every import runs over a source, or over one part of a big file in a part worker:
// rows → encoder → full chunks handed on, bad lines reported.
import { FieldRows } from '../ingest/field-rows';
import type { EventEncoder } from '../ingest/encoder';
import type { RowBatch, RowReader } from '../ingest/read-rows';

/** What the loop reports as it goes. */
export interface EncodeHooks {
  /** A line that was skipped, with its line number as the reader counts it. */
  reject(line: number, reason: string): void;
  /** Takes the encoder's full chunk; the loop waits for it (backpressure). */
  flush(): Promise<void>;
  /** After each batch, with the lines read and rejected so far: progress, early judgement (may throw). */
  afterBatch?(rowsRead: number, rejected: number): Promise<void> | void;
  /** Reading stops with this signal's reason once it is aborted. */
  signal?: AbortSignal;
}

/** Counts of one read: lines (header included), data lines read, lines rejected. */
export interface EncodeCounts {
  lines: number;
  rowsRead: number;
  rejected: number;
  /** The last record of delimited text ends inside a quoted field that never closes. */
  open: boolean;
}

/** Encodes every row of `reader`; a row with a field count other than `fields` is rejected. */
export async function encodeRows(reader: RowReader, enc: EventEncoder, fields: number, hooks: EncodeHooks): Promise<EncodeCounts> {
  let rowsRead = 0;
  let rejected = 0;
  let open = false;
  const reject = (line: number, reason: string) => {
    rejected++;
    hooks.reject(line, reason);
  };
  const lines = await reader.read(async (batch) => {
    hooks.signal?.throwIfAborted();
    if (batch instanceof FieldRows && batch.open >= 0) open = true;
    const rows = batch instanceof FieldRows ? fieldRows(batch, enc) : stringRows(batch, enc);
    rowsRead += rows.count;
    for (let i = 0; i < rows.count; i++) {
      const width = rows.width(i);
      const reason = width < 0 ? rows.broken(i) : width === fields ? rows.push(i) : `expected ${fields} fields, found ${width}`;
      if (reason !== null) reject(rows.line(i), reason);
      if (enc.full) await hooks.flush();
    }
    await hooks.afterBatch?.(rowsRead, rejected);
  });
  return { lines, rowsRead, rejected, open };
}

/** One batch as the loop walks it, whichever reader made it. */
interface Rows {
  count: number;
  /** Fields of row i; -1 for a line that could not be split into fields. */
  width(i: number): number;
  line(i: number): number;
  /** Encodes row i (of the right width): why it was rejected, or null. */
  push(i: number): string | null;
  /** Why line i could not be split. */
  broken(i: number): string;
}

function fieldRows(f: FieldRows, enc: EventEncoder): Rows {
  return { count: f.count, width: (i) => f.width(i), line: (i) => f.line[i] as number, push: (i) => enc.pushFields(f, i), broken: () => '' };
}

/** Lines that could not be split come first, then the rows. */
function stringRows(b: RowBatch, enc: EventEncoder): Rows {
  const nb = b.broken.length;
  return {
    count: nb + b.rows.length,
    width: (i) => (i < nb ? -1 : (b.rows[i - nb] as string[]).length),
    line: (i) => (i < nb ? (b.broken[i] as RowBatch['broken'][number]).line : (b.lines[i - nb] ?? 0)),
    push: (i) => enc.push(b.rows[i - nb] as string[]),
    broken: (i) => (b.broken[i] as RowBatch['broken'][number]).reason,
  };
}
