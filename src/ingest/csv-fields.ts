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
  /** The split stopped for room before the end of the block: split again from where it stopped. */
  more = false;

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

/** Splits the records of one delimited source, block by block; one instance per source or part. */
export class CsvSplitter {
  /** Rows end at `\r\n` rather than `\n`: decided on the first block, as papaparse is told in the string reader. */
  private crlf: boolean | null = null;
  private readonly wasm: SplitExports;
  private fieldCap: number;
  private recordCap: number;
  /** The block now in the module's memory (after the field arrays), and views of both. */
  private loaded: Uint8Array | null = null;
  private views = new FieldRows();

  constructor(
    private readonly delim: number,
    /** The first record is a header: counted as a line, not returned. */
    skipHeader: boolean,
    /** Fields and records one call splits at most (grown when one record does not fit). */
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
   * Splits the complete records of `bytes` from `from` into `out` and returns the offset after the
   * last of them. When `final`, whatever is left is the last record. Blank lines are counted, not
   * kept. With `out.more`, it stopped for room: call again from the offset returned (with the
   * same, unchanged `bytes`, which are then not copied again).
   */
  split(bytes: Uint8Array, from: number, final: boolean, out: FieldRows): number {
    this.crlf ??= hasCrlf(bytes, from);
    for (;;) {
      if (bytes !== this.loaded) this.load(bytes);
      const v = this.views;
      const used = this.wasm.split(v.bytes.byteOffset, from, bytes.length, final ? 1 : 0, this.delim, this.crlf ? 1 : 0, v.start.byteOffset, v.end.byteOffset, v.first.byteOffset, v.line.byteOffset, this.fieldCap, this.recordCap);
      if (this.wasm.more() && used === from) {
        // One record has more fields than the arrays hold: make them bigger and split it again.
        this.fieldCap *= 2;
        this.recordCap *= 2;
        this.loaded = null;
        continue;
      }
      Object.assign(out, { bytes: v.bytes, first: v.first, start: v.start, end: v.end, line: v.line, count: this.wasm.count(), open: this.wasm.open(), more: this.wasm.more() === 1 });
      return used;
    }
  }

  /** Copies a block into the module's memory, growing it as needed, with fresh views of it all. */
  private load(bytes: Uint8Array): void {
    const { memory } = this.wasm;
    const arrays = 4 * (2 * this.fieldCap + 2 * this.recordCap + 1);
    const need = arrays + bytes.length;
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
    const buf = memory.buffer;
    const v = new FieldRows();
    v.start = new Int32Array(buf, 0, this.fieldCap);
    v.end = new Int32Array(buf, 4 * this.fieldCap, this.fieldCap);
    v.first = new Int32Array(buf, 8 * this.fieldCap, this.recordCap + 1);
    v.line = new Int32Array(buf, 8 * this.fieldCap + 4 * (this.recordCap + 1), this.recordCap);
    v.bytes = new Uint8Array(buf, arrays, bytes.length);
    v.bytes.set(bytes);
    this.views = v;
    this.loaded = bytes;
  }
}

/** True when the bytes hold a `\r\n`. */
function hasCrlf(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.indexOf(CR, from); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] === NL) return true;
  return false;
}

/** How bytes are grouped for splitting, and how many fields and records a split hands over at most. */
export interface Blocks {
  /** Bytes gathered before a block is split: fewer, bigger blocks cost less per record. */
  block: number;
  /**
   * Bytes of the next block copied after a record the last block ended inside, to finish it: the
   * block itself is then split where it lies, not copied (a longer record joins the whole block).
   */
  bridge: number;
  /** Fields and records one split hands over at most (CsvSplitter's defaults when not given). */
  fields?: number;
  records?: number;
}

/** 1 MB blocks (Blob streams deliver ~1.5 MB pieces, passed on whole); a 64 KB bridge finishes nearly any record. */
const BLOCKS: Blocks = { block: 1 << 20, bridge: 64 << 10 };
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads every record of a delimited byte stream (its header skipped) into `sink`, block by block;
 * resolves to the number of lines read, header included. The sink gets the same `FieldRows` each
 * time and must be done with it when its promise settles.
 */
export async function readFields(stream: ReadableStream<Uint8Array>, layout: { delimiter?: string; hasHeader: boolean }, sink: (rows: FieldRows) => Promise<void> | void, blocks = BLOCKS): Promise<number> {
  const splitter = new CsvSplitter((layout.delimiter ?? ',').charCodeAt(0), layout.hasHeader, blocks);
  const out = new FieldRows();
  /** Splits the records of bytes[from…] into the sink; returns the offset after the last. */
  const splitOut = async (bytes: Uint8Array, from: number, final: boolean) => {
    let used = from;
    do {
      used = splitter.split(bytes, used, final, out);
      if (out.count > 0) await sink(out);
    } while (out.more);
    return used;
  };
  const reader = stream.getReader();
  let carry: Uint8Array = new Uint8Array(0);
  let atStart = true;
  try {
    for (let done = false; !done; ) {
      let block: Uint8Array;
      ({ block, done } = await gather(reader, blocks.block));
      if (atStart && block.length >= 3 && BOM.every((b, i) => block[i] === b)) block = block.subarray(3);
      atStart &&= block.length === 0;
      let from = 0;
      if (carry.length > 0) {
        const take = Math.min(block.length, blocks.bridge);
        const bridge = concat([carry, block.subarray(0, take)], carry.length + take);
        const used = await splitOut(bridge, 0, done && take === block.length);
        if (used > carry.length) {
          from = used - carry.length;
        } else if (take === block.length) {
          carry = bridge.subarray(used);
          continue;
        } else {
          block = concat([bridge.subarray(used), block.subarray(take)], bridge.length - used + block.length - take);
        }
      }
      carry = block.subarray(await splitOut(block, from, done));
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
export function concat(pieces: Uint8Array[], size: number): Uint8Array {
  const block = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    block.set(p, at);
    at += p.length;
  }
  return block;
}
