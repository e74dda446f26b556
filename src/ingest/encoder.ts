// Normalises source rows into canonical events and encodes them into columnar chunks
// (ARCHITECTURE.md §1): strings become dictionary codes, numbers go into typed arrays.
import { isMissing, normaliseId, parseNumber } from './infer';
import { TimeReader } from './time-reader';
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
  /**
   * Exports repeat values on neighbouring rows (an invoice's lines share order, customer and
   * country), so the previous raw value and its code are kept: a repeat costs one comparison
   * instead of cleaning and a dictionary lookup.
   */
  lastRaw: string | null;
  lastCode: number;
}

/** Column arrays of the chunk being filled. */
interface Buffers {
  ts: Float64Array;
  type: Uint8Array;
  price: Float64Array;
  quantity: Float64Array;
  revenue: Float64Array;
}

/** Encodes rows of one mapped source into chunks; one instance per import. */
export class EventEncoder {
  private readonly typeDict = new Dictionary();
  /** Every dictionary by column name, `type` first. */
  private readonly dicts = new Map<string, Dictionary>([['type', this.typeDict]]);
  /** Every dictionary-encoded column, canonical then extra. */
  private readonly dictCols: DictColumn[];
  private readonly times: TimeReader;
  /** The previous row's event type and its code: neighbouring rows often repeat it. */
  private lastType = '';
  private lastTypeCode = -1;
  private buf: Buffers;
  private n = 0;
  private readonly col: Partial<Record<Field, number>>;
  /** Source index whose value is the user: the user column, else the session (each session a visitor). */
  private readonly userSource: number | undefined;
  total = 0;
  minTs = Infinity;
  maxTs = -Infinity;

  constructor(private readonly mapping: Mapping, header: string[]) {
    this.col = mapping.columns;
    this.times = new TimeReader(mapping.timeFormat);
    for (const t of CANONICAL_TYPES) this.typeDict.code(t);
    this.userSource = this.col.user ?? this.col.session;
    const used = new Set(Object.values(this.col));
    const canonical = DICT_FIELDS.flatMap((f): [string, number][] => {
      const idx = f === 'user' ? this.userSource : this.col[f];
      return idx === undefined ? [] : [[f, idx]];
    });
    const extra = header.flatMap((h, i): [string, number][] => (used.has(i) ? [] : [[EXTRA_PREFIX + h, i]]));
    this.dictCols = [...canonical, ...extra].map(([name, source]) => {
      const dict = new Dictionary();
      this.dicts.set(name, dict);
      return { name, source, dict, id: isIdField(name), perUser: name === 'session' && mapping.sessionPerUser === true, out: new Int32Array(CHUNK_ROWS), lastRaw: null, lastCode: -1 };
    });
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

  /** Encodes one row; returns why it was rejected, or null. Rejected rows leave no trace. */
  push(cells: string[]): string | null {
    const { col, mapping } = this;
    const rawTime = col.time === undefined ? '' : (cells[col.time] ?? '');
    if (isMissing(rawTime)) return 'missing time';
    const ts = this.times.parse(rawTime);
    if (Number.isNaN(ts)) return `unparsable time '${rawTime}'`;

    let type = mapping.defaultType as string;
    if (col.type !== undefined) {
      const raw = (cells[col.type] ?? '').trim();
      if (isMissing(raw)) return 'missing event type';
      const key = raw.toLowerCase();
      type = Object.hasOwn(mapping.typeMap, key) ? (mapping.typeMap[key] as string) : key;
    }
    const order = col.order === undefined ? '' : (cells[col.order] ?? '');
    if (mapping.refundOrderPrefix && type === 'purchase' && order.startsWith(mapping.refundOrderPrefix)) type = 'refund';
    if (type !== this.lastType) {
      this.lastType = type;
      this.lastTypeCode = this.typeDict.code(type);
    }
    const typeCode = this.lastTypeCode;
    if (typeCode > 255) return `too many distinct event types (at '${type}')`;

    const dc = mapping.decimalComma;
    const rawQty = cell(cells, col.quantity);
    const qty = rawQty === undefined ? 1 : parseNumber(rawQty, dc);
    if (Number.isNaN(qty)) return `non-numeric quantity '${rawQty}'`;
    const rawPrice = cell(cells, col.price);
    let price = rawPrice === undefined ? NaN : parseNumber(rawPrice, dc);
    if (rawPrice !== undefined && Number.isNaN(price)) return `non-numeric price '${rawPrice}'`;
    const rawTotal = cell(cells, col.revenue);
    const total = rawTotal === undefined ? NaN : parseNumber(rawTotal, dc);
    if (rawTotal !== undefined && Number.isNaN(total)) return `non-numeric line total '${rawTotal}'`;
    if (Number.isNaN(price) && !Number.isNaN(total) && qty !== 0) price = total / qty;
    let revenue = 0;
    if (type === 'purchase' || type === 'refund') {
      revenue = Number.isNaN(total) ? price * qty : total;
      if (Number.isNaN(revenue)) revenue = 0;
      if (type === 'refund' && revenue > 0) revenue = -revenue;
    }

    const i = this.n++;
    const b = this.buf;
    b.ts[i] = ts;
    b.type[i] = typeCode;
    b.price[i] = price;
    b.quantity[i] = qty;
    b.revenue[i] = revenue;
    for (const c of this.dictCols) {
      let raw = cells[c.source] ?? '';
      if (c.perUser && !isMissing(raw)) raw = `${cells[col.user ?? -1] ?? ''}\u001f${raw}`;
      if (raw !== c.lastRaw) {
        c.lastRaw = raw;
        c.lastCode = isMissing(raw) ? -1 : c.dict.code(c.id ? normaliseId(raw) : raw.trim());
      }
      c.out[i] = c.lastCode;
    }
    if (ts < this.minTs) this.minTs = ts;
    if (ts > this.maxTs) this.maxTs = ts;
    this.total++;
    return null;
  }

  /** Hands over the rows encoded so far as one chunk and starts a new one. */
  take(): EncodedChunk {
    const n = this.n;
    const b = this.buf;
    const cut = (a: Float64Array | Int32Array | Uint8Array): ArrayBuffer => a.slice(0, n).buffer as ArrayBuffer;
    const columns: Record<string, ArrayBuffer> = { ts: cut(b.ts), type: cut(b.type), price: cut(b.price), quantity: cut(b.quantity), revenue: cut(b.revenue) };
    for (const c of this.dictCols) columns[c.name] = cut(c.out);
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

/** A mapped, non-missing cell, or undefined. */
function cell(cells: string[], idx: number | undefined): string | undefined {
  if (idx === undefined) return undefined;
  const raw = cells[idx] ?? '';
  return isMissing(raw) ? undefined : raw;
}
