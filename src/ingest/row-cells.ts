// The two ways the encoder reads a row's mapped cells: from strings (JSON, aligned text, tests) or
// straight from the bytes of delimited text. Both turn a cell's text into a value by the same rules;
// they differ only in what they remember to avoid doing it twice.
import { ByteCache, PlainNumbers } from './byte-cache';
import type { FieldRows } from './field-rows';
import { isMissing } from './infer';
import { parseNumber, parseTime, unixToMs } from './parse-value';
import type { TimeFormat } from './types';

/** Distinct times remembered by bytes per import. */
const TIME_CACHE_LIMIT = 200_000;

/** How cell text becomes values: the encoder's rules, shared by both readers. */
export interface CellRules {
  readonly timeFormat: TimeFormat;
  readonly decimalComma: boolean;
  /** Source index of the time, type and order columns. */
  readonly timeSource: number | undefined;
  readonly typeSource: number | undefined;
  readonly orderSource: number | undefined;
  /** Source index of each number column (quantity, unit price, line total). */
  readonly numberSources: readonly number[];
  /** Fields per record. */
  readonly width: number;
  /** Source index of the user column, which per-user session ids are joined to. */
  readonly userColumn: number | undefined;
  /** Where each dictionary column's value comes from; `perUser` for session ids made per user. */
  readonly dictSources: readonly { source: number; perUser: boolean }[];
  /** Type code of an event-type cell, -1 when missing. */
  typeCode(raw: string): number;
  /** Dictionary code of dictionary column c's value, -1 when missing. */
  dictCode(c: number, raw: string): number;
  /** Order ids that start with this mark refunds ('' when none do). */
  readonly refundPrefix: string;
}

/** A row's mapped cells as the encoder reads them. */
export interface RowCells {
  /** A cell's text ('' when absent). */
  text(i: number): string;
  /** Epoch ms of the time cell; NaN when missing or unparsable. */
  time(): number;
  /** Code of the event-type cell; -1 when missing. */
  type(): number;
  /** A number cell; NaN when missing or no number. */
  num(i: number): number;
  /** True when the order cell marks a refund. */
  refund(): boolean;
  /** Dictionary code of dictionary column c; -1 when missing. */
  code(c: number): number;
}

/** A number cell's value: NaN when missing or no number. */
function numberOf(raw: string, decimalComma: boolean): number {
  return isMissing(raw) ? NaN : parseNumber(raw, decimalComma);
}

/** A time cell's epoch ms: NaN when missing or unparsable. */
function timeOf(raw: string, format: TimeFormat): number {
  return isMissing(raw) ? NaN : parseTime(raw, format);
}

/** The raw value of dictionary column c: its cell, joined to the user's for per-user sessions. */
function dictRaw(rules: CellRules, c: number, cells: RowCells): string {
  const { source, perUser } = rules.dictSources[c] as CellRules['dictSources'][number];
  const raw = cells.text(source);
  if (!perUser || isMissing(raw)) return raw;
  return `${rules.userColumn === undefined ? '' : cells.text(rules.userColumn)}\u001f${raw}`;
}

/** Dictionary codes of text values, with each column's previous raw value and code remembered. */
class LastCodes {
  private readonly raw: (string | null)[];
  private readonly codes: number[];

  constructor(private readonly rules: CellRules) {
    this.raw = rules.dictSources.map(() => null);
    this.codes = rules.dictSources.map(() => -1);
  }

  code(c: number, raw: string): number {
    if (raw !== this.raw[c]) {
      this.raw[c] = raw;
      this.codes[c] = this.rules.dictCode(c, raw);
    }
    return this.codes[c] as number;
  }
}

/** Cells of string rows; the previous row's raw values are remembered per column. */
export class StringCells implements RowCells {
  cells: string[] = [];
  private readonly last: LastCodes;
  private lastTime: string | null = null;
  private lastTs = NaN;
  private lastType: string | null = null;
  private lastTypeCode = -1;

  constructor(private readonly rules: CellRules) {
    this.last = new LastCodes(rules);
  }

  text(i: number): string {
    return this.cells[i] ?? '';
  }

  time(): number {
    const raw = this.text(this.rules.timeSource ?? -1);
    if (raw !== this.lastTime) {
      this.lastTime = raw;
      this.lastTs = timeOf(raw, this.rules.timeFormat);
    }
    return this.lastTs;
  }

  type(): number {
    const raw = this.text(this.rules.typeSource ?? -1);
    if (raw !== this.lastType) {
      this.lastType = raw;
      this.lastTypeCode = this.rules.typeCode(raw);
    }
    return this.lastTypeCode;
  }

  num(i: number): number {
    return numberOf(this.text(i), this.rules.decimalComma);
  }

  refund(): boolean {
    return this.text(this.rules.orderSource ?? -1).startsWith(this.rules.refundPrefix);
  }

  code(c: number): number {
    return this.last.code(c, dictRaw(this.rules, c, this));
  }
}

/** Cells of one record of delimited bytes (whose width the caller has checked), read through per-batch column passes. */
export class FieldCells implements RowCells {
  private rows!: FieldRows;
  /** The batch the column passes ran over. */
  private batch = -1;
  /** The record, and the index of its first field in `rows`. */
  private r = 0;
  private base = 0;
  /** Times by their bytes; none for unix times, which are read as numbers. */
  private readonly timeCache: ByteCache | null = null;
  private readonly unixTimes: PlainNumbers | null = null;
  private readonly typeCache: ByteCache | null = null;
  /** Number columns by source index. */
  private readonly numbers: (PlainNumbers | undefined)[] = [];
  /** The refund prefix in UTF-8. */
  private readonly refundBytes: Uint8Array;
  /** Per dictionary column; none for per-user sessions, which join two cells and are read as text. */
  private readonly dictCaches: (ByteCache | null)[];
  /** Every column pass a batch needs. */
  private readonly passes: (ByteCache | PlainNumbers)[] = [];
  private readonly last: LastCodes;

  constructor(private readonly rules: CellRules) {
    const { timeFormat, timeSource, typeSource, width } = rules;
    const add = <T extends ByteCache | PlainNumbers>(p: T): T => (this.passes.push(p), p);
    if (timeSource !== undefined) {
      if (timeFormat === 'unix-auto') this.unixTimes = add(new PlainNumbers(timeSource, width, false));
      else this.timeCache = add(new ByteCache(timeSource, width, (raw) => timeOf(raw, timeFormat), TIME_CACHE_LIMIT));
    }
    if (typeSource !== undefined) this.typeCache = add(new ByteCache(typeSource, width, (raw) => rules.typeCode(raw)));
    for (const i of rules.numberSources) this.numbers[i] ??= add(new PlainNumbers(i, width, rules.decimalComma));
    this.dictCaches = rules.dictSources.map((d, c) => (d.perUser ? null : add(new ByteCache(d.source, width, (raw) => rules.dictCode(c, raw)))));
    this.refundBytes = new TextEncoder().encode(rules.refundPrefix);
    this.last = new LastCodes(rules);
  }

  /** Points the cells at record r of `rows`, running the column passes first when the batch is new. */
  at(rows: FieldRows, r: number): void {
    if (rows !== this.rows || rows.batch !== this.batch) {
      this.rows = rows;
      this.batch = rows.batch;
      for (const p of this.passes) p.look(rows);
      rows.sync();
      for (const p of this.passes) p.bind();
    }
    this.r = r;
    this.base = rows.first[r] as number;
  }

  text(i: number): string {
    return this.rows.text(this.base + i);
  }

  time(): number {
    if (this.timeCache) return this.timeCache.get(this.r);
    if (!this.unixTimes) return NaN;
    const v = this.unixTimes.get(this.r);
    return Number.isNaN(v) ? timeOf(this.text(this.unixTimes.column), 'unix-auto') : unixToMs(v);
  }

  type(): number {
    return this.typeCache ? this.typeCache.get(this.r) : -1;
  }

  num(i: number): number {
    const v = (this.numbers[i] as PlainNumbers).get(this.r);
    return Number.isNaN(v) ? numberOf(this.text(i), this.rules.decimalComma) : v;
  }

  refund(): boolean {
    const i = this.rules.orderSource ?? 0;
    const f = this.base + i;
    const { bytes } = this.rows;
    if (this.rows.quoted(f)) return this.text(i).startsWith(this.rules.refundPrefix);
    const s = this.rows.start[f] as number;
    const prefix = this.refundBytes;
    if ((this.rows.end[f] as number) - s < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (bytes[s + k] !== prefix[k]) return false;
    return true;
  }

  code(c: number): number {
    const cache = this.dictCaches[c];
    return cache ? cache.get(this.r) : this.last.code(c, dictRaw(this.rules, c, this));
  }
}
