// What one column of a batch of delimited records stands for, worked out in WebAssembly a batch at
// a time (field-keys.as.ts) so that JavaScript reads a number per cell: plain numbers, and the key
// of each cell's bytes, whose value (a time, an event type, a dictionary code) is resolved from its
// text once per distinct value and then remembered.
import type { CsvWasm, FieldRows } from './field-rows';

/** One column's results for the records of a batch, in an array in the module's memory. */
abstract class BatchColumn {
  protected rows!: FieldRows;
  protected wasm: CsvWasm | null = null;
  protected out = 0;
  private capacity = 0;

  constructor(
    /** Source column, in records of `width` fields (the others are left unread). */
    readonly column: number,
    protected readonly width: number,
    private readonly bytesPerRecord: number,
  ) {}

  /** Step 1 of a new batch: runs the module's pass over the column, which may grow the memory. */
  look(rows: FieldRows): void {
    const { wasm } = rows;
    if (wasm !== this.wasm) {
      // A new source comes with a new module instance: start afresh in its memory.
      this.wasm = wasm;
      this.capacity = 0;
      this.attach?.(wasm);
    }
    this.rows = rows;
    if (rows.count > this.capacity) {
      if (this.capacity) wasm.free(this.out);
      this.capacity = Math.max(rows.count, 2 * this.capacity);
      this.out = wasm.alloc(this.capacity * this.bytesPerRecord);
    }
    this.pass(rows, wasm);
  }

  /** Step 2, once every pass over the batch has run: reads the results where they now are. */
  abstract bind(): void;

  /** Sets up what the column keeps in a new module instance (nothing by default). */
  protected attach?(wasm: CsvWasm): void;
  protected abstract pass(rows: FieldRows, wasm: CsvWasm): void;
}

/** A column's cells read as plain numbers (NaN when quoted or not plain: the caller reads those as text). */
export class PlainNumbers extends BatchColumn {
  private values = new Float64Array(0);

  constructor(column: number, width: number, private readonly decimalComma: boolean) {
    super(column, width, 8);
  }

  bind(): void {
    this.values = new Float64Array((this.wasm as CsvWasm).memory.buffer, this.out, this.rows.count);
  }

  /** Record r's number, or NaN. */
  get(r: number): number {
    return this.values[r] as number;
  }

  protected pass(rows: FieldRows): void {
    rows.numbers(this.column, this.width, this.decimalComma, this.out);
  }
}

/**
 * A column's values by their bytes: `resolve` computes a value from a cell's text the first time
 * its key is read, and the value is remembered. Cells that repeat the cell above share its key, so
 * a column whose table is switched off (mostly unique values) still resolves a run of equal cells
 * once.
 */
export class ByteCache extends BatchColumn {
  private table = 0;
  private keys = new Int32Array(0);
  private values = new Float64Array(1024);
  private known = new Uint8Array(1024);
  /** The run key (< -1) last resolved, and its value. */
  private lastRun = 0;
  private lastValue = NaN;

  constructor(
    column: number,
    width: number,
    private readonly resolve: (text: string) => number,
    /** Most keys kept; the table starts afresh before a batch that could take it past this. */
    private readonly limit = Infinity,
  ) {
    super(column, width, 4);
  }

  bind(): void {
    this.keys = new Int32Array((this.wasm as CsvWasm).memory.buffer, this.out, this.rows.count);
  }

  /** The value of record r's cell. */
  get(r: number): number {
    const k = this.keys[r] as number;
    if (k >= 0) return this.known[k] === 1 ? (this.values[k] as number) : this.fill(k, r);
    if (k !== this.lastRun) {
      this.lastRun = k;
      this.lastValue = this.resolve(this.text(r));
    }
    return this.lastValue;
  }

  protected override attach(wasm: CsvWasm): void {
    this.table = wasm.table();
    this.known.fill(0);
    this.lastRun = 0;
  }

  protected pass(rows: FieldRows, wasm: CsvWasm): void {
    if (wasm.size(this.table) + rows.count > this.limit) {
      wasm.clear(this.table);
      this.known.fill(0);
    }
    rows.intern(this.table, this.column, this.width, this.out);
  }

  private text(r: number): string {
    return this.rows.text((this.rows.first[r] as number) + this.column);
  }

  /** Resolves key k (first read at record r) and remembers its value. */
  private fill(k: number, r: number): number {
    if (k >= this.values.length) {
      const n = Math.max(2 * this.values.length, k + 1);
      const values = new Float64Array(n);
      values.set(this.values);
      this.values = values;
      const known = new Uint8Array(n);
      known.set(this.known);
      this.known = known;
    }
    const v = this.resolve(this.text(r));
    this.values[k] = v;
    this.known[k] = 1;
    return v;
  }
}
