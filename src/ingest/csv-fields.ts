// Splits delimited text into fields straight from its UTF-8 bytes, by papaparse's rules, without
// making a string per cell: the encoder reads the bytes and decodes only values it has not seen.
// The split itself runs in WebAssembly (csv-split.as.ts), in the memory the fields are read from
// (field-rows.ts).
import { FieldRows, instantiate, type CsvWasm, type FieldPlace } from './field-rows';

const NL = 0x0a;
const CR = 0x0d;

/** Fields and records one call splits at most before handing them over (~1.3 MB of arrays). */
const FIELD_CAP = 1 << 17;
const RECORD_CAP = 1 << 15;

/**
 * Splits the records of one delimited source, block by block; one instance per source or part, with
 * a WebAssembly instance of its own. The bytes of a record a block ends inside stay in the module's
 * memory, and the next block is copied in behind them, so every byte is copied once.
 */
export class CsvSplitter {
  /** Rows end at `\r\n` rather than `\n`: decided on the first block, as papaparse is told in the string reader. */
  private crlf: boolean | null = null;
  private readonly wasm: CsvWasm;
  private fieldCap: number;
  private recordCap: number;
  /** The field arrays' block in the module's memory. */
  private arrays: number;
  /** The byte buffer's block and its capacity. */
  private buffer = 0;
  private capacity = 0;
  /** The unsplit tail of the last block: where it starts in the buffer, and its length. */
  private tailAt = 0;
  private tail = 0;
  /** Position in the source of the buffer's first byte. */
  private consumed = 0;
  private readonly out: FieldRows;

  constructor(
    private readonly delim: number,
    /** The first record is a header: counted as a line, not returned. */
    skipHeader: boolean,
    /** Fields and records handed over at most per batch (grown when one record does not fit). */
    caps: { fields?: number; records?: number } = {},
  ) {
    this.fieldCap = caps.fields ?? FIELD_CAP;
    this.recordCap = caps.records ?? RECORD_CAP;
    this.wasm = instantiate();
    this.wasm.reset(skipHeader ? 1 : 0);
    this.arrays = this.wasm.alloc(this.arrayBytes());
    this.out = new FieldRows(this.wasm);
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
    this.reserve(len);
    new Uint8Array(this.wasm.memory.buffer).set(bytes, this.buffer + this.tail);
    const out = this.out;
    let at = this.place(len);
    out.place(at);
    out.offset = this.consumed;
    this.crlf ??= hasCrlf(out.bytes, 0);
    let from = 0;
    for (;;) {
      const used = this.wasm.split(this.buffer, from, len, final ? 1 : 0, this.delim, this.crlf ? 1 : 0, at.start, at.end, at.first, at.line, this.fieldCap, this.recordCap);
      const more = this.wasm.more() === 1;
      if (more && used === from) {
        // One record has more fields than the arrays hold: make them bigger and split it again.
        this.fieldCap *= 2;
        this.recordCap *= 2;
        this.wasm.free(this.arrays);
        this.arrays = this.wasm.alloc(this.arrayBytes());
        at = this.place(len);
        out.place(at);
        continue;
      }
      out.count = this.wasm.count();
      out.open = this.wasm.open();
      if (out.count > 0) {
        out.batch++;
        out.sync();
        await each(out);
      }
      from = used;
      if (!more) break;
    }
    this.tailAt = from;
    this.tail = len - from;
    this.consumed += from;
  }

  private arrayBytes(): number {
    return 4 * (2 * this.fieldCap + 2 * this.recordCap + 1);
  }

  /** Makes room for `len` bytes in the buffer, with the unsplit tail moved to its start. */
  private reserve(len: number): void {
    const { wasm } = this;
    const from = this.buffer + this.tailAt;
    if (len <= this.capacity) {
      new Uint8Array(wasm.memory.buffer).copyWithin(this.buffer, from, from + this.tail);
      return;
    }
    // A quarter more, so that blocks of slightly different sizes do not each move the buffer.
    const capacity = len + (len >> 2);
    const p = wasm.alloc(capacity);
    new Uint8Array(wasm.memory.buffer).copyWithin(p, from, from + this.tail);
    if (this.buffer) wasm.free(this.buffer);
    this.buffer = p;
    this.capacity = capacity;
  }

  /** Where the arrays and the first `len` bytes of the buffer lie. */
  private place(len: number): FieldPlace {
    const a = this.arrays;
    const f = this.fieldCap;
    return { bytes: this.buffer, length: len, start: a, end: a + 4 * f, first: a + 8 * f, line: a + 8 * f + 4 * (this.recordCap + 1), fields: f, records: this.recordCap };
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
