// The loop every import runs over a source, or over one part of a big file in a part worker:
// rows → encoder → full chunks handed on, bad lines reported.
import type { EventEncoder } from '../ingest/encoder';
import type { BatchSink } from '../ingest/read-rows';

/** Something that reads rows into a sink and resolves to the number of lines it read. */
export interface RowReader {
  read(sink: BatchSink): Promise<number>;
}

/** A reader that also says how many bytes of its source it has read, for progress. */
export interface SourceReader extends RowReader {
  bytesRead(): number;
}

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
}

/** Encodes every row of `reader`; a row with a field count other than `fields` is rejected. */
export async function encodeRows(reader: RowReader, enc: EventEncoder, fields: number, hooks: EncodeHooks): Promise<EncodeCounts> {
  let rowsRead = 0;
  let rejected = 0;
  const reject = (line: number, reason: string) => {
    rejected++;
    hooks.reject(line, reason);
  };
  const lines = await reader.read(async (batch) => {
    hooks.signal?.throwIfAborted();
    for (const b of batch.broken) reject(b.line, b.reason);
    rowsRead += batch.broken.length + batch.rows.length;
    for (let i = 0; i < batch.rows.length; i++) {
      const row = batch.rows[i] as string[];
      const reason = row.length === fields ? enc.push(row) : `expected ${fields} fields, found ${row.length}`;
      if (reason !== null) reject(batch.lines[i] ?? 0, reason);
      if (enc.full) await hooks.flush();
    }
    await hooks.afterBatch?.(rowsRead, rejected);
  });
  return { lines, rowsRead, rejected };
}
