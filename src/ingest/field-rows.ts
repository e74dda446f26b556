// Split records of delimited text as field boundaries in the memory of the WebAssembly module that
// split them (csv-wasm.as.ts), with the module's passes over one column of a batch at a time.
import { CSV_WASM } from './csv-wasm';

const QUOTE = 0x22;

/** What the compiled module exports; every pointer and count is an i32, every flag 0 or 1. */
export interface CsvWasm {
  memory: WebAssembly.Memory;
  reset(header: number): void;
  split(b: number, from: number, len: number, final: number, delim: number, crlf: number, starts: number, ends: number, first: number, line: number, fieldCap: number, recordCap: number): number;
  count(): number;
  open(): number;
  more(): number;
  lines(): number;
  alloc(bytes: number): number;
  free(p: number): void;
  table(): number;
  clear(table: number): void;
  size(table: number): number;
  intern(table: number, b: number, starts: number, ends: number, first: number, count: number, column: number, width: number, out: number): void;
  numbers(b: number, starts: number, ends: number, first: number, count: number, column: number, width: number, decimal: number, out: number): void;
}

let compiled: WebAssembly.Module | null = null;

/** A new instance of the module, with its own memory (compiled on first use, synchronously: it is a few KB, and workers may). */
export function instantiate(): CsvWasm {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(CSV_WASM), (c) => c.charCodeAt(0)));
  const abort = () => {
    throw new Error('the CSV reader ran out of memory');
  };
  return new WebAssembly.Instance(compiled, { env: { abort } }).exports as unknown as CsvWasm;
}

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

/** Where a batch lies in the module's memory: pointers, the bytes' length and the arrays' capacities. */
export interface FieldPlace {
  bytes: number;
  length: number;
  start: number;
  end: number;
  first: number;
  line: number;
  fields: number;
  records: number;
}

/**
 * The split records of one batch, reused batch after batch. The arrays and bytes are views into the
 * module's memory, which the module may grow (detaching them): `sync` makes them anew.
 */
export class FieldRows {
  /** The bytes the fields lie in. */
  bytes: Uint8Array = new Uint8Array(0);
  /** Records in the batch. */
  count = 0;
  /** Index of each record's first field; `first[count]` is the number of fields in the batch. */
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
  /** Counts the batches handed over: a reader of this object can tell a new batch from the last one. */
  batch = 0;
  private at: FieldPlace = { bytes: 0, length: 0, start: 0, end: 0, first: 0, line: 0, fields: 0, records: 0 };
  private buffer: ArrayBuffer | null = null;

  constructor(readonly wasm: CsvWasm) {}

  /** Moves the views to `at`. */
  place(at: FieldPlace): void {
    this.at = at;
    this.buffer = null;
    this.sync();
  }

  /** Makes the views anew if the module's memory has grown since they were made. */
  sync(): void {
    const buf = this.wasm.memory.buffer;
    if (buf === this.buffer) return;
    this.buffer = buf;
    const a = this.at;
    this.bytes = new Uint8Array(buf, a.bytes, a.length);
    this.start = new Int32Array(buf, a.start, a.fields);
    this.end = new Int32Array(buf, a.end, a.fields);
    this.first = new Int32Array(buf, a.first, a.records + 1);
    this.line = new Int32Array(buf, a.line, a.records);
  }

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

  /** Writes the key of field `column` of each record with `width` fields to the i32s at `out`, -1 for the others (field-keys.as.ts). May grow the memory. */
  intern(table: number, column: number, width: number, out: number): void {
    const a = this.at;
    this.wasm.intern(table, a.bytes, a.start, a.end, a.first, this.count, column, width, out);
  }

  /** Writes field `column` of each record with `width` fields read as a plain number to the f64s at `out`; NaN for the others. */
  numbers(column: number, width: number, decimalComma: boolean, out: number): void {
    const a = this.at;
    this.wasm.numbers(a.bytes, a.start, a.end, a.first, this.count, column, width, decimalComma ? 44 : 46, out);
  }
}
