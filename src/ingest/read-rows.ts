// Streams a source file as batches of rows, whatever its layout: delimited text as fields of its
// bytes (csv-fields.ts) or, from text, through papaparse's incremental parser; aligned text and JSON
// Lines line by line; JSON arrays whole.
import Papa from 'papaparse';
import { readFields } from './csv-fields';
import type { FieldRows } from './field-rows';
import { flattenRecord, recordToRow, splitAligned } from './sniff';
import type { SourceInfo } from './types';

/** A batch of rows with the 1-based source line of each. */
export interface RowBatch {
  rows: string[][];
  lines: number[];
  /** Lines that could not even be split into fields (invalid JSON). */
  broken: { line: number; reason: string }[];
}

/** Receives batches in order; the reader waits for it, so slow storage slows parsing (backpressure). */
export type BatchSink<B = RowBatch> = (batch: B) => Promise<void> | void;

/** Pieces a file read whole is handed on in (as big as the delimited reader's blocks). */
const PIECE = 1 << 20;

/** A file's first `end` bytes, already read whole (or being read), as a stream of views into them. */
function memoryStream(whole: Promise<ArrayBuffer>, end: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull: async (ctl) => {
      const buf = await whole;
      const stop = Math.min(end, buf.byteLength);
      if (at >= stop) ctl.close();
      else ctl.enqueue(new Uint8Array(buf, at, Math.min(PIECE, stop - at)));
      at += PIECE;
    },
  });
}

/** Where a reader's bytes come from: a blob, or the first `end` bytes of a file already read whole. */
export type ByteSource = Blob | { whole: Promise<ArrayBuffer>; end: number };

/** A source's bytes (gunzipped when asked), counting the raw bytes consumed. */
function byteStream(source: ByteSource, gzip: boolean): { bytes: ReadableStream<Uint8Array>; bytesRead: () => number } {
  let bytes = 0;
  const raw = source instanceof Blob ? source.stream() : memoryStream(source.whole, source.end);
  const counted = raw.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        bytes += chunk.byteLength;
        ctl.enqueue(chunk);
      },
    }),
  );
  return { bytes: gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted, bytesRead: () => bytes };
}

/** Decodes a source (gunzipping when asked) into text pieces, counting the raw bytes consumed. */
export function textStream(source: ByteSource, gzip: boolean): { text: ReadableStream<string>; bytesRead: () => number } {
  const { bytes, bytesRead } = byteStream(source, gzip);
  return { text: bytes.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>), bytesRead };
}

/** Something that reads rows into a sink and resolves to the number of lines it read, header included. */
export interface RowReader {
  read(sink: BatchSink<RowBatch | FieldRows>): Promise<number>;
}

/** A reader that also says how many bytes of its source it has read, for progress. */
export interface SourceReader extends RowReader {
  bytesRead(): number;
}

/** A reader of a file: delimited text as `FieldRows` straight from its bytes, other layouts as string rows. */
export function fileReader(source: ByteSource, gzip: boolean, info: SourceInfo): SourceReader {
  let bytesRead = () => 0;
  return {
    bytesRead: () => bytesRead(),
    read: (sink) => {
      if (info.format === 'delimited') {
        const b = byteStream(source, gzip);
        bytesRead = b.bytesRead;
        return readFields(b.bytes, info, sink);
      }
      const t = textStream(source, gzip);
      bytesRead = t.bytesRead;
      return readRows(t.text, info, sink);
    },
  };
}

/** Reads every data row of a source (the header row skipped) into `sink`; resolves to the number of lines read, header included. */
export async function readRows(text: ReadableStream<string>, info: SourceInfo, sink: BatchSink): Promise<number> {
  if (info.format === 'delimited') return readDelimited(text, info, sink);
  if (info.format === 'json') return readJsonArray(text, info, sink);
  return readLines(text, info, sink);
}

async function readDelimited(text: ReadableStream<string>, info: SourceInfo, sink: BatchSink): Promise<number> {
  let parser: Papa.Parser | null = null;
  let carry = '';
  let line = 1;
  let skipHeader = info.hasHeader;
  const flush = async (input: string, final: boolean) => {
    parser ??= new Papa.Parser({ delimiter: info.delimiter ?? ',', newline: input.includes('\r\n') ? '\r\n' : '\n' });
    const res = parser.parse(input, 0, !final) as { data: string[][]; meta: { cursor: number } };
    carry = final ? '' : input.slice(res.meta.cursor);
    let rows = res.data;
    if (skipHeader && rows.length > 0) {
      rows = rows.slice(1);
      line++;
      skipHeader = false;
    }
    const lines: number[] = [];
    const kept: string[][] = [];
    for (const r of rows) {
      // papaparse yields [''] for a blank line: skip it but keep counting lines.
      if (!(r.length === 1 && r[0] === '')) {
        kept.push(r);
        lines.push(line);
      }
      line++;
    }
    if (kept.length > 0) await sink({ rows: kept, lines, broken: [] });
  };
  for await (const piece of iterate(text)) await flush(carry + piece, false);
  if (carry.length > 0) await flush(carry, true);
  return line - 1;
}

async function readLines(text: ReadableStream<string>, info: SourceInfo, sink: BatchSink): Promise<number> {
  let carry = '';
  let line = 0;
  const handle = async (input: string, final: boolean) => {
    const parts = input.split('\n');
    carry = final ? '' : (parts.pop() ?? '');
    const batch: RowBatch = { rows: [], lines: [], broken: [] };
    for (const part of parts) {
      line++;
      const l = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (l.trim() === '' || (line === 1 && info.hasHeader && info.format === 'aligned')) continue;
      if (info.format === 'aligned') {
        batch.rows.push(splitAligned(l, info.columnStarts ?? [0]));
        batch.lines.push(line);
        continue;
      }
      try {
        for (const rec of flattenRecord(JSON.parse(l))) {
          batch.rows.push(recordToRow(rec, info.header));
          batch.lines.push(line);
        }
      } catch {
        batch.broken.push({ line, reason: 'invalid JSON' });
      }
    }
    if (batch.rows.length + batch.broken.length > 0) await sink(batch);
  };
  for await (const piece of iterate(text)) await handle(carry + piece, false);
  if (carry.length > 0) await handle(carry, true);
  return line;
}

async function readJsonArray(text: ReadableStream<string>, info: SourceInfo, sink: BatchSink): Promise<number> {
  let all = '';
  for await (const piece of iterate(text)) all += piece;
  let parsed: unknown;
  try {
    parsed = JSON.parse(all);
  } catch (e) {
    await sink({ rows: [], lines: [], broken: [{ line: 1, reason: `invalid JSON (${(e as Error).message})` }] });
    return 1;
  }
  const records = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((v) => flattenRecord(v));
  const rows = records.map((r) => recordToRow(r, info.header));
  // A JSON array has no meaningful line per record; report the record's position instead.
  await sink({ rows, lines: rows.map((_, i) => i + 1), broken: [] });
  return rows.length;
}

/** Async iteration over a ReadableStream (not yet typed as iterable in every TS lib). */
async function* iterate(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
