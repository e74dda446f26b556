// Normalises source rows into canonical events and encodes them into columnar chunks
// (ARCHITECTURE.md §1): strings become dictionary codes, numbers go into typed arrays.
import type { FieldRows } from './field-rows';
import { isMissing, normaliseId } from './infer';
import { FieldCells, StringCells, type CellRules, type RowCells } from './row-cells';
import { CANONICAL_TYPES, type Field, type Mapping } from './types';

/** Rows per stored chunk: big enough that IndexedDB per-record cost vanishes, small enough to stream. */
export const CHUNK_ROWS = 65_536;
/** Canonical columns stored as Int32 dictionary codes (-1 = missing). */
export const DICT_FIELDS = ['user', 'session', 'item', 'name', 'category', 'brand', 'order', 'country', 'channel'] as const;
/** Prefix of extra columns that keep unmapped source values. */
export const EXTRA_PREFIX = 'x:';

type DictField = (typeof DICT_FIELDS)[number];

/** A growing string → code dictionary. */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  /** Values already handed out by `EventEncoder.takeDelta`. */
  sent = 0;
  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(s, c);
      this.values.push(s);
    }
    return c;
  }
}

/** Dictionary values an encoder added since its previous delta, by column (`type` included). */
export type DictDelta = Record<string, string[]>;

/** One encoded chunk: row count and one buffer per column. */
export interface EncodedChunk {
  rows: number;
  columns: Record<string, ArrayBuffer>;
}

/** One dictionary-encoded column: where its value comes from, its dictionary and the last value seen. */
interface DictColumn {
  name: string;
  source: number;
  dict: Dictionary;
  /** Id-like column: float artefacts dropped (`17850.0` → `17850`). */
  id: boolean;
  /** Session ids are made per user (the source restarts them for each user). */
  perUser: boolean;
  out: Int32Array;
}

/** Column arrays of the chunk being filled. */
interface Buffers {
  ts: Float64Array;
  type: Uint8Array;
  price: Float64Array;
  quantity: Float64Array;
  revenue: Float64Array;
}

/**
 * Encodes rows of one mapped source into chunks; one instance per import. Rows come as strings
 * (`push`) or as fields of delimited bytes (`pushFields`); both read their cells through `RowCells`
 * by the rules this class gives them (`CellRules`).
 */
export class EventEncoder {
  private readonly typeDict = new Dictionary();
  /** Every dictionary by column name, `type` first. */
  private readonly dicts = new Map<string, Dictionary>([['type', this.typeDict]]);
  /** Every dictionary-encoded column, canonical then extra. */
  private readonly dictCols: DictColumn[];
  private buf: Buffers;
  private n = 0;
  private readonly col: Partial<Record<Field, number>>;
  private readonly defaultTypeCode: number;
  private readonly purchaseCode: number;
  private readonly refundCode: number;
  private readonly rules: CellRules;
  private stringCells: StringCells | null = null;
  private fieldCells: FieldCells | null = null;
  total = 0;
  minTs = Infinity;
  maxTs = -Infinity;

  constructor(private readonly mapping: Mapping, header: string[]) {
    const col = (this.col = mapping.columns);
    for (const t of CANONICAL_TYPES) this.typeDict.code(t);
    this.defaultTypeCode = this.typeDict.code(mapping.defaultType);
    this.purchaseCode = this.typeDict.code('purchase');
    this.refundCode = this.typeDict.code('refund');
    // Without a user column, each session is its own visitor.
    const userSource = col.user ?? col.session;
    const used = new Set(Object.values(col));
    const canonical = DICT_FIELDS.flatMap((f): [string, number][] => {
      const idx = f === 'user' ? userSource : col[f];
      return idx === undefined ? [] : [[f, idx]];
    });
    const extra = header.flatMap((h, i): [string, number][] => (used.has(i) ? [] : [[EXTRA_PREFIX + h, i]]));
    this.dictCols = [...canonical, ...extra].map(([name, source]) => {
      const dict = new Dictionary();
      this.dicts.set(name, dict);
      return { name, source, dict, id: isIdField(name), perUser: name === 'session' && mapping.sessionPerUser === true, out: new Int32Array(CHUNK_ROWS) };
    });
    this.rules = {
      timeFormat: mapping.timeFormat, decimalComma: mapping.decimalComma, refundPrefix: mapping.refundOrderPrefix ?? '',
      timeSource: col.time, typeSource: col.type, orderSource: col.order, userColumn: col.user, dictSources: this.dictCols,
      numberSources: [col.quantity, col.price, col.revenue].filter((i) => i !== undefined), width: header.length,
      typeCode: (raw) => this.typeCode(raw),
      dictCode: (c, raw) => this.dictCode(c, raw),
    };
    this.buf = this.alloc();
  }

  /** Names of the columns each chunk stores. */
  get columns(): string[] {
    return ['ts', 'type', 'price', 'quantity', 'revenue', ...this.dictCols.map((c) => c.name)];
  }

  /** True when the current chunk is full and should be taken. */
  get full(): boolean {
    return this.n === CHUNK_ROWS;
  }

  /** Rows in the chunk being filled. */
  get pending(): number {
    return this.n;
  }

  /** Encodes one row of strings; returns why it was rejected, or null. Rejected rows leave no trace. */
  push(cells: string[]): string | null {
    const row = (this.stringCells ??= new StringCells(this.rules));
    row.cells = cells;
    return this.encode(row);
  }

  /** Encodes record r of delimited bytes, which has one field per header column; as `push`. */
  pushFields(rows: FieldRows, r: number): string | null {
    const row = (this.fieldCells ??= new FieldCells(this.rules));
    row.at(rows, r);
    return this.encode(row);
  }

  /** Type code of an event-type cell, -1 when missing. */
  private typeCode(raw: string): number {
    const t = raw.trim();
    if (isMissing(t)) return -1;
    const key = t.toLowerCase();
    return this.typeDict.code(Object.hasOwn(this.mapping.typeMap, key) ? (this.mapping.typeMap[key] as string) : key);
  }

  /** Dictionary code of dictionary column c's value, -1 when missing. */
  private dictCode(c: number, raw: string): number {
    const col = this.dictCols[c] as DictColumn;
    return isMissing(raw) ? -1 : col.dict.code(col.id ? normaliseId(raw) : raw.trim());
  }

  private encode(row: RowCells): string | null {
    const { col } = this;
    const ts = col.time === undefined ? NaN : row.time();
    if (Number.isNaN(ts)) {
      const raw = col.time === undefined ? '' : row.text(col.time);
      return isMissing(raw) ? 'missing time' : `unparsable time '${raw}'`;
    }
    let type = col.type === undefined ? this.defaultTypeCode : row.type();
    if (type < 0) return 'missing event type';
    if (type === this.purchaseCode && this.rules.refundPrefix && col.order !== undefined && row.refund()) type = this.refundCode;
    if (type > 255) return `too many distinct event types (at '${this.typeDict.values[type] ?? ''}')`;

    const qty = col.quantity === undefined ? 1 : row.num(col.quantity);
    const badQty = Number.isNaN(qty) ? bad(row, col.quantity, 'quantity') : null;
    if (badQty) return badQty;
    let price = col.price === undefined ? NaN : row.num(col.price);
    const badPrice = Number.isNaN(price) ? bad(row, col.price, 'price') : null;
    if (badPrice) return badPrice;
    const total = col.revenue === undefined ? NaN : row.num(col.revenue);
    const badTotal = Number.isNaN(total) ? bad(row, col.revenue, 'line total') : null;
    if (badTotal) return badTotal;
    const q = Number.isNaN(qty) ? 1 : qty;
    if (Number.isNaN(price) && !Number.isNaN(total) && q !== 0) price = total / q;
    let revenue = 0;
    if (type === this.purchaseCode || type === this.refundCode) {
      revenue = Number.isNaN(total) ? price * q : total;
      if (Number.isNaN(revenue)) revenue = 0;
      if (type === this.refundCode && revenue > 0) revenue = -revenue;
    }

    const i = this.n++;
    const b = this.buf;
    b.ts[i] = ts;
    b.type[i] = type;
    b.price[i] = price;
    b.quantity[i] = q;
    b.revenue[i] = revenue;
    const cols = this.dictCols;
    for (let c = 0; c < cols.length; c++) (cols[c] as DictColumn).out[i] = row.code(c);
    if (ts < this.minTs) this.minTs = ts;
    if (ts > this.maxTs) this.maxTs = ts;
    this.total++;
    return null;
  }

  /** Hands over the rows encoded so far as one chunk and starts a new one. */
  take(): EncodedChunk {
    const n = this.n;
    const b = this.buf;
    // A full chunk hands over its arrays and the encoder starts new ones; a partial one is copied to size.
    const whole = n === CHUNK_ROWS;
    const cut = (a: Float64Array | Int32Array | Uint8Array): ArrayBuffer => (whole ? a : a.slice(0, n)).buffer as ArrayBuffer;
    const columns: Record<string, ArrayBuffer> = { ts: cut(b.ts), type: cut(b.type), price: cut(b.price), quantity: cut(b.quantity), revenue: cut(b.revenue) };
    for (const c of this.dictCols) {
      columns[c.name] = cut(c.out);
      if (whole) c.out = new Int32Array(CHUNK_ROWS);
    }
    if (whole) this.buf = this.alloc();
    this.n = 0;
    return { rows: n, columns };
  }

  /** Dictionaries of `type` and every encoded column. */
  dictionaries(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, d] of this.dicts) out[name] = d.values;
    return out;
  }

  /**
   * The dictionary values added since the previous call. A part of a file encoded in another worker
   * sends them with each chunk, so the importing encoder can translate that chunk's codes (`adopter`).
   */
  takeDelta(): DictDelta {
    const out: DictDelta = {};
    for (const [name, d] of this.dicts) {
      out[name] = d.values.slice(d.sent);
      d.sent = d.values.length;
    }
    return out;
  }

  /**
   * A function that rewrites chunks of another encoder with the same mapping into this encoder's
   * codes, in place, adding their new values to this encoder's dictionaries and their rows to its
   * total. One adopter per foreign encoder: it remembers that encoder's codes from delta to delta.
   */
  adopter(): (chunk: EncodedChunk, delta: DictDelta) => EncodedChunk {
    const tables = new Map<string, number[]>();
    return (chunk, delta) => {
      for (const [name, values] of Object.entries(delta)) {
        const dict = this.dicts.get(name);
        if (!dict) throw new Error(`a part of the file has a column "${name}" that the import does not`);
        const table = tables.get(name) ?? [];
        tables.set(name, table);
        for (const v of values) table.push(dict.code(v));
      }
      if (this.typeDict.values.length > 256) throw new Error('the file has more than 256 distinct event types');
      for (const [name, table] of tables) {
        const buf = chunk.columns[name];
        if (!buf) continue;
        const codes = name === 'type' ? new Uint8Array(buf) : new Int32Array(buf);
        for (let i = 0; i < codes.length; i++) {
          const c = codes[i] as number;
          if (c >= 0) codes[i] = table[c] as number;
        }
      }
      this.total += chunk.rows;
      return chunk;
    };
  }

  /** Widens the time range by another encoder's (the parts of a file encoded elsewhere). */
  widen(minTs: number, maxTs: number): void {
    if (minTs < this.minTs) this.minTs = minTs;
    if (maxTs > this.maxTs) this.maxTs = maxTs;
  }

  private alloc(): Buffers {
    return {
      ts: new Float64Array(CHUNK_ROWS), type: new Uint8Array(CHUNK_ROWS), price: new Float64Array(CHUNK_ROWS),
      quantity: new Float64Array(CHUNK_ROWS), revenue: new Float64Array(CHUNK_ROWS),
    };
  }
}

/** Id-like columns drop float artefacts (`17850.0` → `17850`). */
function isIdField(name: string): name is DictField {
  return name === 'user' || name === 'session' || name === 'item' || name === 'order';
}

/** Why a number cell that read as NaN rejects its row: null when it is merely missing. */
function bad(row: RowCells, idx: number | undefined, what: string): string | null {
  const raw = idx === undefined ? '' : row.text(idx);
  return isMissing(raw) ? null : `non-numeric ${what} '${raw}'`;
}
