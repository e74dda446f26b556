// Splits delimited text into fields straight from its UTF-8 bytes, by papaparse's rules, without
// making a string per cell: the encoder reads the bytes and decodes only values it has not seen.
// The split itself runs in WebAssembly (csv-split.as.ts).
import { CSV_SPLIT_WASM } from './csv-split-wasm';

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Keeps a U+FEFF at the start of a field, as decoding the whole file would (readFields drops the file's own BOM). */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Longest field decoded by char codes: below this, a TextDecoder call costs more than the loop. */
const SHORT = 32;
/** One reusable array per length, so building a short string allocates only the string. */
const codeArrays = Array.from({ length: SHORT + 1 }, (_, n) => new Array<number>(n).fill(0));

/** UTF-8 text of bytes[s, e); short ASCII fields (ids, times, codes) skip the TextDecoder call. */
function decode(bytes: Uint8Array, s: number, e: number): string {
  const n = e - s;
  if (n <= SHORT) {
    const codes = codeArrays[n] as number[];
    let i = 0;
    for (; i < n; i++) {
      const c = bytes[s + i] as number;
      if (c >= 0x80) break;
      codes[i] = c;
    }
    if (i === n) return String.fromCharCode.apply(null, codes);
  }
  return decoder.decode(bytes.subarray(s, e));
}

/** Field boundaries of the complete records in one block of bytes, reused block after block. */
export class FieldRows {
  /** The block's bytes; a view that the next block overwrites (never the same view for new bytes). */
  bytes: Uint8Array = new Uint8Array(0);
  /** Records in the block. */
  count = 0;
  /** Index of each record's first field; `first[count]` is the number of fields in the block. */
  first: Int32Array = new Int32Array(1);
  /** Byte range of each field; a quoted field's range includes its quotes. */
  start: Int32Array = new Int32Array(0);
  end: Int32Array = new Int32Array(0);
  /** Line number of each record (records counted from the top of the source, header included). */
  line: Int32Array = new Int32Array(0);
  /** A field whose opening quote is never closed, so it runs to the end of the source; -1 when none. */
  open = -1;
  /** Position in the source of `bytes[0]`. */
  offset = 0;

  /** Number of fields of record r. */
  width(r: number): number {
    return (this.first[r + 1] as number) - (this.first[r] as number);
  }

  /** The text of field f, unquoted as papaparse does. */
  text(f: number): string {
    const s = this.start[f] as number;
    const e = this.end[f] as number;
    if (this.bytes[s] !== QUOTE || s === e) return decode(this.bytes, s, e);
    // Papaparse keeps an unterminated field's text as it is, and undoubles the quotes of a closed one.
    if (f === this.open) return decode(this.bytes, s + 1, e);
    const t = decode(this.bytes, s + 1, e - 1);
    return t.includes('""') ? t.replaceAll('""', '"') : t;
  }

  /** True when field f is quoted in the source. */
  quoted(f: number): boolean {
    return this.bytes[this.start[f] as number] === QUOTE;
  }
}

/** What the compiled splitter (csv-split.as.ts) exports: one module, and an instance with its own memory per CsvSplitter. */
interface SplitExports {
  memory: WebAssembly.Memory;
  reset(header: number): void;
  split(b: number, from: number, len: number, final: number, delim: number, crlf: number, starts: number, ends: number, first: number, line: number, fieldCap: number, recordCap: number): number;
  count(): number;
  open(): number;
  more(): number;
  lines(): number;
}

let compiled: WebAssembly.Module | null = null;
/** The module, compiled on first use (synchronously: it is a few KB, and workers may). */
const splitModule = () => (compiled ??= new WebAssembly.Module(Uint8Array.from(atob(CSV_SPLIT_WASM), (c) => c.charCodeAt(0))));

/** Fields and records one call splits at most before handing them over (~1.3 MB of arrays). */
const FIELD_CAP = 1 << 17;
const RECORD_CAP = 1 << 15;
/** Bytes per WebAssembly memory page. */
const PAGE = 65_536;

/**
 * Splits the records of one delimited source, block by block; one instance per source or part. The
 * bytes of a record a block ends inside stay in the module's memory, and the next block is copied
 * in behind them, so every byte is copied once.
 */
export class CsvSplitter {
  /** Rows end at `\r\n` rather than `\n`: decided on the first block, as papaparse is told in the string reader. */
  private crlf: boolean | null = null;
  private readonly wasm: SplitExports;
  private fieldCap: number;
  private recordCap: number;
  /** Where the buffer of bytes starts in the module's memory (after the field arrays). */
  private bytesAt = 0;
  /** The unsplit tail of the last block: where it is in memory, and its length. */
  private tailAt = 0;
  private tail = 0;
  /** Position in the source of the buffer's first byte. */
  private consumed = 0;
  private readonly out = new FieldRows();

  constructor(
    private readonly delim: number,
    /** The first record is a header: counted as a line, not returned. */
    skipHeader: boolean,
    /** Fields and records handed over at most per batch (grown when one record does not fit). */
    caps: { fields?: number; records?: number } = {},
  ) {
    this.fieldCap = caps.fields ?? FIELD_CAP;
    this.recordCap = caps.records ?? RECORD_CAP;
    this.wasm = new WebAssembly.Instance(splitModule(), {}).exports as unknown as SplitExports;
    this.wasm.reset(skipHeader ? 1 : 0);
  }

  /** Lines seen so far (header and blank lines included). */
  get lines(): number {
    return this.wasm.lines();
  }

  /**
   * Splits the complete records of `bytes`, the source's next bytes after what the last call left
   * unsplit, handing them to `each` in batches (the same FieldRows, to be done with when its promise
   * settles). When `final`, whatever is left is the last record. Blank lines are counted, not kept.
   */
  async split(bytes: Uint8Array, final: boolean, each: (rows: FieldRows) => Promise<void> | void): Promise<void> {
    const len = this.tail + bytes.length;
    this.layout(len);
    const mem = new Uint8Array(this.wasm.memory.buffer);
    mem.copyWithin(this.bytesAt, this.tailAt, this.tailAt + this.tail);
    mem.set(bytes, this.bytesAt + this.tail);
    const out = this.out;
    out.bytes = new Uint8Array(this.wasm.memory.buffer, this.bytesAt, len);
    out.offset = this.consumed;
    this.crlf ??= hasCrlf(out.bytes, 0);
    let from = 0;
    for (;;) {
      const used = this.wasm.split(this.bytesAt, from, len, final ? 1 : 0, this.delim, this.crlf ? 1 : 0, out.start.byteOffset, out.end.byteOffset, out.first.byteOffset, out.line.byteOffset, this.fieldCap, this.recordCap);
      const more = this.wasm.more() === 1;
      if (more && used === from) {
        // One record has more fields than the arrays hold: make them bigger and split it again.
        this.fieldCap *= 2;
        this.recordCap *= 2;
        const at = this.bytesAt;
        this.layout(len);
        new Uint8Array(this.wasm.memory.buffer).copyWithin(this.bytesAt, at, at + len);
        out.bytes = new Uint8Array(this.wasm.memory.buffer, this.bytesAt, len);
        continue;
      }
      out.count = this.wasm.count();
      out.open = this.wasm.open();
      if (out.count > 0) await each(out);
      from = used;
      if (!more) break;
    }
    this.tailAt = this.bytesAt + from;
    this.tail = len - from;
    this.consumed += from;
  }

  /** Lays out the field arrays and a buffer of `len` bytes after them, growing the memory as needed; fresh views of the arrays. */
  private layout(len: number): void {
    const { memory } = this.wasm;
    this.bytesAt = 4 * (2 * this.fieldCap + 2 * this.recordCap + 1);
    const need = this.bytesAt + len;
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
    const buf = memory.buffer;
    const out = this.out;
    out.start = new Int32Array(buf, 0, this.fieldCap);
    out.end = new Int32Array(buf, 4 * this.fieldCap, this.fieldCap);
    out.first = new Int32Array(buf, 8 * this.fieldCap, this.recordCap + 1);
    out.line = new Int32Array(buf, 8 * this.fieldCap + 4 * (this.recordCap + 1), this.recordCap);
  }
}

/** True when the bytes hold a `\r\n`. */
function hasCrlf(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.indexOf(CR, from); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] === NL) return true;
  return false;
}

/** How bytes are grouped for splitting, and how many fields and records a batch holds at most. */
export interface Blocks {
  /** Bytes gathered before a block is split: fewer, bigger blocks cost less per record. */
  block: number;
  /** Fields and records one batch holds at most (CsvSplitter's defaults when not given). */
  fields?: number;
  records?: number;
}

/** 1 MB blocks (Blob streams deliver ~1.5 MB pieces, passed on whole). */
const BLOCKS: Blocks = { block: 1 << 20 };
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads every record of a delimited byte stream (its header skipped) into `sink`, block by block;
 * resolves to the number of lines read, header included. The sink gets the same `FieldRows` each
 * time and must be done with it when its promise settles.
 */
export async function readFields(stream: ReadableStream<Uint8Array>, layout: { delimiter?: string; hasHeader: boolean }, sink: (rows: FieldRows) => Promise<void> | void, blocks = BLOCKS): Promise<number> {
  const splitter = new CsvSplitter((layout.delimiter ?? ',').charCodeAt(0), layout.hasHeader, blocks);
  const reader = stream.getReader();
  let atStart = true;
  try {
    for (let done = false; !done; ) {
      let block: Uint8Array;
      ({ block, done } = await gather(reader, blocks.block));
      if (atStart && block.length >= 3 && BOM.every((b, i) => block[i] === b)) block = block.subarray(3);
      atStart &&= block.length === 0;
      await splitter.split(block, done, sink);
    }
  } finally {
    reader.releaseLock();
  }
  return splitter.lines;
}

/** Reads pieces until `size` bytes or the end: a single piece is passed on as it is, several are joined. */
async function gather(reader: ReadableStreamDefaultReader<Uint8Array>, size: number): Promise<{ block: Uint8Array; done: boolean }> {
  const pieces: Uint8Array[] = [];
  let n = 0;
  let done = false;
  while (n < size) {
    const r = await reader.read();
    if (r.done) {
      done = true;
      break;
    }
    pieces.push(r.value);
    n += r.value.length;
  }
  return { block: pieces.length === 1 ? (pieces[0] as Uint8Array) : concat(pieces, n), done };
}

/** The pieces one after another in a new array of `size` bytes. */
function concat(pieces: Uint8Array[], size: number): Uint8Array {
  const block = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    block.set(p, at);
    at += p.length;
  }
  return block;
}
