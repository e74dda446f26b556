// Reads one source, possibly cut into parts: the first part here, the others in part workers side
// by side. Their chunks are translated to this import's dictionary codes and stored in file order.
import type { EncodedChunk, EventEncoder } from '../ingest/encoder';
import type { Mapping } from '../ingest/types';
import type { SourceReader } from '../ingest/read-rows';
import { encodeRows, type EncodeCounts } from './encode-rows';
import type { ChunkSender, FilePart, PartResult } from './file-parts';

/** Runs one part of a file in a worker of its own, until done or `signal` aborts it. */
export type PartRunner = (part: FilePart, mapping: Mapping, send: ChunkSender, signal: AbortSignal) => Promise<PartResult>;

/** Chunk keys: each source, and each part of it, gets its own range, so chunks load in file order. */
export const SOURCE_STRIDE = 2 ** 36;
const PART_STRIDE = 2 ** 24;
/** Gap between pauses that let the part workers' chunks in. */
const YIELD_MS = 8;

/** A cut between parts fell inside a quoted field that holds line breaks (split.ts): read the source whole. */
export class CutInsideQuotes extends Error {
  override name = 'CutInsideQuotes';
}

/** What reading one source needs from the import around it. */
export interface SourceRead {
  enc: EventEncoder;
  mapping: Mapping;
  fields: number;
  /** Chunk keys of this source start here. */
  keyBase: number;
  write(chunk: EncodedChunk, key: number): Promise<void>;
  reject(line: number, reason: string): void;
  /** Progress, with the bytes of this source read so far. */
  progress(bytes: number): void;
  /** Judges the first part's lines read and rejected so far; throws to stop the import. */
  judge(rowsRead: number, rejected: number): void;
}

/**
 * Reads `first` here and each of `rest` through `run`, all at once; the first failure aborts the
 * others and is rethrown once all have stopped, and a cut found to lie inside a quoted field throws
 * CutInsideQuotes once all are done. Rejected lines of later parts are numbered from the top of the
 * file. Resolves to the counts of the whole source.
 */
export async function readParts(first: SourceReader, rest: FilePart[], run: PartRunner | undefined, r: SourceRead): Promise<EncodeCounts> {
  const partBytes = rest.map(() => 0);
  const bytes = () => first.bytesRead() + partBytes.reduce((a, b) => a + b, 0);
  const ctl = new AbortController();
  let failure: unknown = null;
  const guard = <T>(task: Promise<T>) => task.catch((e: unknown) => {
    if (!ctl.signal.aborted) {
      failure = e;
      ctl.abort(e);
    }
    return null;
  });
  const pause = rest.length > 0 ? messagePause() : null;
  let key = r.keyBase;
  try {
    const [own, ...parts] = await Promise.all([
      guard(encodeRows(first, r.enc, r.fields, {
        reject: r.reject, signal: ctl.signal,
        flush: () => r.write(r.enc.take(), key++),
        afterBatch: async (read, bad) => {
          r.judge(read, bad);
          r.progress(bytes());
          // Reading resolves as microtasks; without a pause now and then, the part workers'
          // chunks would wait in the message queue until this part is done.
          await pause?.();
        },
      })),
      ...(!run ? [] : rest.map((part, p) => {
        const adopt = r.enc.adopter();
        let partKey = r.keyBase + (p + 1) * PART_STRIDE;
        return guard(run(part, r.mapping, async (m) => {
          ctl.signal.throwIfAborted();
          partBytes[p] = m.bytes;
          await r.write(adopt(m.chunk, m.delta), partKey++);
          r.progress(bytes());
        }, ctl.signal));
      })),
    ]);
    if (ctl.signal.aborted || !own) throw failure;
    // A part that ends inside an open quote was cut short: the next one started inside the field.
    if ([own, ...parts].slice(0, -1).some((p) => p?.open)) throw new CutInsideQuotes(`a cut fell inside a quoted field`);
    const total = { ...own, open: parts.at(-1)?.open ?? own.open };
    for (const part of parts) {
      if (!part) throw failure;
      for (const x of part.rejections) r.reject(total.lines + x.line, x.reason);
      r.enc.widen(part.minTs, part.maxTs);
      total.lines += part.lines;
      total.rowsRead += part.rowsRead;
      total.rejected += part.rejected;
    }
    // The first part's last chunk is stored here, so it sorts before the other parts' chunks.
    if (rest.length > 0 && r.enc.pending > 0) await r.write(r.enc.take(), key++);
    return total;
  } finally {
    pause?.close();
  }
}

/** A pause that lets queued messages in (a message task: timers would be clamped to 4 ms), at most every YIELD_MS. */
function messagePause(): (() => Promise<void> | undefined) & { close(): void } {
  const channel = new MessageChannel();
  let wake: (() => void) | null = null;
  channel.port1.onmessage = () => wake?.();
  let last = 0;
  const pause = () => {
    const now = performance.now();
    if (now - last < YIELD_MS) return undefined;
    last = now;
    return new Promise<void>((resolve) => {
      wake = resolve;
      channel.port2.postMessage(null);
    });
  };
  return Object.assign(pause, { close: () => channel.port1.close() });
}
