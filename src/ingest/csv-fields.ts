// Splits delimited text into fields straight from its UTF-8 bytes, by papaparse's rules, without
// making a string per cell: the encoder reads the bytes and decodes only values it has not seen.

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

/** Blank as String.prototype.trim sees it, for the ASCII range: tab, newlines, vertical tab, form feed, space. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Field boundaries of the complete records in one block of bytes, reused block after block. */
export class FieldRows {
  bytes: Uint8Array = new Uint8Array(0);
  /** Records in the block. */
  count = 0;
  /** Index of each record's first field; `first[count]` is the number of fields in the block. */
  first: Int32Array = new Int32Array(1025);
  /** Byte range of each field; a quoted field's range includes its quotes. */
  start: Int32Array = new Int32Array(8192);
  end: Int32Array = new Int32Array(8192);
  /** Line number of each record (records counted from the top of the source, header included). */
  line: Int32Array = new Int32Array(1024);
  /** A field whose opening quote is never closed, so it runs to the end of the source; -1 when none. */
  open = -1;

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

  /** Makes room for more fields. */
  growFields(): void {
    this.start = widen(this.start);
    this.end = widen(this.end);
  }

  /** Makes room for more records. */
  growRecords(): void {
    this.line = widen(this.line);
    this.first = widen(this.first);
  }
}

function widen(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Splits the records of one delimited source, block by block; one instance per source or part. */
export class CsvSplitter {
  /** Rows end at `\r\n` rather than `\n`: decided on the first block, as papaparse is told in the string reader. */
  private crlf: boolean | null = null;
  /** Record number of the next record. */
  private nextLine = 1;

  constructor(
    private readonly delim: number,
    /** The first record is a header: counted as a line, not returned. */
    private skipHeader: boolean,
  ) {}

  /** Lines seen so far (header and blank lines included). */
  get lines(): number {
    return this.nextLine - 1;
  }

  /**
   * Splits the complete records of `bytes` from `from` into `out` and returns the offset after the
   * last of them. When `final`, whatever is left is the last record. Blank lines are counted, not kept.
   */
  split(bytes: Uint8Array, from: number, final: boolean, out: FieldRows): number {
    this.crlf ??= hasCrlf(bytes, from);
    const { delim, crlf } = this;
    const len = bytes.length;
    out.bytes = bytes;
    out.count = 0;
    out.open = -1;
    out.first[0] = 0;
    let nf = 0;
    let p = from;
    // Local views of the field arrays: the hot loop would otherwise reload them from `out` on every field.
    let starts = out.start;
    let ends = out.end;
    // A record the block ends inside is left for the next block: `p = recStart; break records`.
    records: while (p < len) {
      const recStart = p;
      const f0 = nf;
      if (out.count + 1 >= out.line.length) out.growRecords();
      for (;;) {
        if (nf >= starts.length) {
          out.growFields();
          [starts, ends] = [out.start, out.end];
        }
        const s = p;
        starts[nf] = s;
        let rowEnds = false;
        if (bytes[p] === QUOTE) {
          let q = p;
          let e: number;
          for (;;) {
            q = bytes.indexOf(QUOTE, q + 1);
            if (q < 0 || q === len - 1) {
              // No closing quote yet, or one at the very end: the next block decides, unless there is none.
              if (!final) {
                p = recStart;
                break records;
              }
              if (q < 0) out.open = nf;
              e = p = len;
              rowEnds = true;
              break;
            }
            if (bytes[q + 1] === QUOTE) {
              q++;
              continue;
            }
            // A closing quote is followed by blanks and then a delimiter or a newline; any other
            // quote is part of the text.
            let k = q + 1;
            while (k < len && bytes[k] !== delim && !(crlf ? bytes[k] === CR && bytes[k + 1] === NL : bytes[k] === NL) && isSpace(bytes[k] as number)) k++;
            if (k === len || (crlf && k === len - 1 && bytes[k] === CR)) {
              if (!final) {
                p = recStart;
                break records;
              }
              continue;
            }
            if (bytes[k] === delim) {
              e = q + 1;
              p = k + 1;
              break;
            }
            if (bytes[k] === NL || (crlf && bytes[k] === CR)) {
              e = q + 1;
              p = k + (crlf ? 2 : 1);
              rowEnds = true;
              break;
            }
          }
          ends[nf++] = e;
        } else {
          let c = 0;
          for (;;) {
            while (p < len && (c = bytes[p] as number) !== delim && c !== NL) p++;
            if (p === len) {
              if (!final) {
                p = recStart;
                break records;
              }
              ends[nf++] = len;
              rowEnds = true;
              break;
            }
            if (c === delim) {
              ends[nf++] = p++;
              break;
            }
            if (!crlf || (p > s && bytes[p - 1] === CR)) {
              ends[nf++] = crlf ? p - 1 : p;
              p++;
              rowEnds = true;
              break;
            }
            p++; // a bare \n in a \r\n file is part of the field
          }
        }
        if (rowEnds) break;
      }
      const line = this.nextLine++;
      // Papaparse yields one empty field for a blank line (and for a lone `""`); the reader skips it.
      const blank = nf - f0 === 1 && (ends[f0] as number) - (starts[f0] as number) <= 2 && out.text(f0) === '';
      if (this.skipHeader || blank) {
        this.skipHeader = false;
        nf = f0;
        continue;
      }
      out.line[out.count] = line;
      out.first[++out.count] = nf;
    }
    return p;
  }
}

/** True when the bytes hold a `\r\n`. */
function hasCrlf(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.indexOf(CR, from); i >= 0; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] === NL) return true;
  return false;
}

/** How bytes are grouped for splitting. */
export interface Blocks {
  /** Bytes gathered before a block is split: fewer, bigger blocks cost less per record. */
  block: number;
  /**
   * Bytes of the next block copied after a record the last block ended inside, to finish it: the
   * block itself is then split where it lies, not copied (a longer record joins the whole block).
   */
  bridge: number;
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
  const splitter = new CsvSplitter((layout.delimiter ?? ',').charCodeAt(0), layout.hasHeader);
  const out = new FieldRows();
  /** Splits the records of bytes[from…] into the sink; returns the offset after the last. */
  const splitOut = async (bytes: Uint8Array, from: number, final: boolean) => {
    const used = splitter.split(bytes, from, final, out);
    if (out.count > 0) await sink(out);
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
