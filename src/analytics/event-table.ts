// The in-memory event table: one typed array per canonical column, concatenated from stored chunks.

/** Dictionary-encoded canonical columns that a source may lack. */
export const OPTIONAL_CODES = ['item', 'name', 'category', 'brand', 'order', 'country', 'channel'] as const;
/** Name of one optional dictionary-encoded column. */
export type CodeColumn = (typeof OPTIONAL_CODES)[number];

/** All events of a dataset, column by column (ARCHITECTURE.md §1). */
export interface EventTable {
  n: number;
  ts: Float64Array;
  type: Uint8Array;
  /** -1 = anonymous. Always present (all -1 when the source has no user). */
  user: Int32Array;
  /** Source sessions, or derived ones; -1 = none. */
  session: Int32Array;
  /** Number of distinct session codes. */
  sessionCount: number;
  price: Float64Array;
  quantity: Float64Array;
  revenue: Float64Array;
  codes: Partial<Record<CodeColumn, Int32Array>>;
  /** Distinct strings per encoded column, plus `type`. */
  dicts: Record<string, string[]>;
}

/** A stored chunk as the table builder needs it. */
export interface ChunkColumns {
  rows: number;
  columns: Record<string, ArrayBuffer>;
}

type Ctor<T> = { new (n: number): T; BYTES_PER_ELEMENT: number };

/** Concatenates one column of every chunk into a single typed array (null when absent). */
function concat<T extends Float64Array | Int32Array | Uint8Array>(chunks: ChunkColumns[], name: string, C: Ctor<T>, n: number): T | null {
  if (chunks.length > 0 && !chunks.every((c) => name in c.columns)) return null;
  const out = new C(n);
  let at = 0;
  for (const c of chunks) {
    const buf = c.columns[name] as ArrayBuffer;
    (out as unknown as { set(a: ArrayLike<number>, o: number): void }).set(new (C as unknown as new (b: ArrayBuffer) => T)(buf), at);
    at += c.rows;
  }
  return out;
}

/** Builds the table from chunks; `session` is left null when the source had none (derive it). */
export function tableFromChunks(chunks: ChunkColumns[], dicts: Record<string, string[]>): { table: Omit<EventTable, 'session' | 'sessionCount'>; session: Int32Array | null } {
  const n = chunks.reduce((s, c) => s + c.rows, 0);
  const f64 = (name: string) => concat(chunks, name, Float64Array, n) ?? new Float64Array(n).fill(NaN);
  const codes: Partial<Record<CodeColumn, Int32Array>> = {};
  for (const c of OPTIONAL_CODES) {
    const a = concat(chunks, c, Int32Array, n);
    if (a) codes[c] = a;
  }
  return {
    table: {
      n, ts: f64('ts'), type: concat(chunks, 'type', Uint8Array, n) ?? new Uint8Array(n),
      user: concat(chunks, 'user', Int32Array, n) ?? new Int32Array(n).fill(-1),
      price: f64('price'), quantity: f64('quantity'), revenue: concat(chunks, 'revenue', Float64Array, n) ?? new Float64Array(n),
      codes, dicts,
    },
    session: concat(chunks, 'session', Int32Array, n),
  };
}
