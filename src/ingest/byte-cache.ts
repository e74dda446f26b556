// Remembers what a cell's bytes stand for (its time, event type or dictionary code), so a value seen
// before costs a hash and a comparison of bytes instead of decoding a string and looking it up.
import type { FieldRows } from './csv-fields';

/** Lookups after which a cache that rarely hits (unique times or ids) is switched off. */
const TRIAL = 20_000;

/** Open-addressing hash table from byte strings to numbers; keys are copied into one arena. */
class ByteTable {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  private keyStart = new Int32Array(1024);
  private keyLength = new Int32Array(1024);
  private keyHash = new Int32Array(1024);
  private values = new Float64Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  size = 0;

  /** The entry holding bytes[s, e) with hash h, or -1 - (the free slot where it would go). */
  find(bytes: Uint8Array, s: number, e: number, h: number): number {
    const mask = this.slots.length - 1;
    const n = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.slots[i] as number;
      if (k < 0) return -1 - i;
      if (this.keyHash[k] === h && this.keyLength[k] === n && sameBytes(this.arena, this.keyStart[k] as number, bytes, s, n)) return k;
    }
  }

  value(k: number): number {
    return this.values[k] as number;
  }

  /** Adds bytes[s, e) → v at the free slot `find` reported; returns the new entry. */
  add(bytes: Uint8Array, s: number, e: number, h: number, v: number, slot: number): number {
    const n = e - s;
    if (this.used + n > this.arena.length) this.arena = grow(this.arena, this.used + n);
    if (this.size === this.keyStart.length) {
      this.keyStart = grow(this.keyStart);
      this.keyLength = grow(this.keyLength);
      this.keyHash = grow(this.keyHash);
      this.values = grow(this.values);
    }
    this.arena.set(bytes.subarray(s, e), this.used);
    const k = this.size++;
    this.keyStart[k] = this.used;
    this.keyLength[k] = n;
    this.keyHash[k] = h;
    this.values[k] = v;
    this.used += n;
    this.slots[slot] = k;
    if (this.size * 2 > this.slots.length) this.rehash();
    return k;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let k = 0; k < this.size; k++) {
      let i = (this.keyHash[k] as number) & mask;
      while ((slots[i] as number) >= 0) i = (i + 1) & mask;
      slots[i] = k;
    }
    this.slots = slots;
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, atLeast = 0): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, atLeast));
  b.set(a);
  return b;
}

/**
 * What the fields of one column stand for, computed by `resolve` from the field's text on first
 * sight and remembered by its bytes. The previous field's value is tried first, even when the table
 * is off: exports repeat values on neighbouring rows (an invoice's lines share its time, customer
 * and country).
 */
export class ByteCache {
  private table = new ByteTable();
  private caching = true;
  private lookups = 0;
  private hits = 0;
  /** The previous field's block, place and value; a new block comes in a new view (FieldRows.bytes). */
  private lastBytes: Uint8Array = new Uint8Array(0);
  private lastStart = 0;
  private lastLength = -1;
  private lastValue = NaN;

  constructor(
    private readonly resolve: (text: string) => number,
    /** Most entries kept; the table starts afresh when full. */
    private readonly limit = Infinity,
  ) {}

  /** The value of field f of `rows`. */
  get(rows: FieldRows, f: number): number {
    const bytes = rows.bytes;
    const s = rows.start[f] as number;
    const n = (rows.end[f] as number) - s;
    if (n === this.lastLength && bytes === this.lastBytes && sameBytes(bytes, this.lastStart, bytes, s, n)) return this.lastValue;
    const v = this.caching ? this.lookUp(rows, f, s, s + n) : this.resolve(rows.text(f));
    this.lastBytes = bytes;
    this.lastStart = s;
    this.lastLength = n;
    this.lastValue = v;
    return v;
  }

  private lookUp(rows: FieldRows, f: number, s: number, e: number): number {
    const bytes = rows.bytes;
    const h = hash(bytes, s, e);
    const k = this.table.find(bytes, s, e, h);
    let v: number;
    if (k >= 0) {
      v = this.table.value(k);
      this.hits++;
    } else {
      v = this.resolve(rows.text(f));
      if (this.table.size >= this.limit) this.table = new ByteTable();
      else this.table.add(bytes, s, e, h, v, -1 - k);
    }
    // Keep the table only where it pays: at least half the lookups must find their value.
    if (++this.lookups === TRIAL && this.hits * 2 < TRIAL) {
      this.caching = false;
      this.table = new ByteTable();
    }
    return v;
  }
}

function sameBytes(a: Uint8Array, as: number, b: Uint8Array, bs: number, n: number): boolean {
  let j = 0;
  while (j < n && a[as + j] === b[bs + j]) j++;
  return j === n;
}

/** FNV-1a over the bytes, with murmur3's final mix: FNV alone leaves the low bits, which pick the slot, clustered. */
function hash(bytes: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
