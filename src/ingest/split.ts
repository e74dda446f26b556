// Cuts a plain-text source into byte ranges that start and end on record boundaries, so several
// workers can parse one big file side by side (ARCHITECTURE.md §2).
import type { SourceLayout } from './types';

/** Bytes scanned per read while looking for boundaries. */
const SCAN_BYTES = 4 * 1024 * 1024;

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

// Scanner states for delimited text, following papaparse's quoting rules:
/** inside an unquoted field; */
const FIELD = 0;
/** at the start of a field, where a quote opens a quoted field; */
const FIELD_START = 1;
/** inside a quoted field; */
const QUOTED = 2;
/** inside a quoted field just after a quote, which closes it when a delimiter or newline follows. */
const QUOTE_SEEN = 3;

/**
 * Finds record boundaries in delimited text read slice by slice. It jumps from quote to quote
 * (`indexOf` runs natively), so a file with few quotes scans at memory speed.
 */
class CsvScanner {
  private state = FIELD_START;
  constructor(private readonly delim: number) {}

  /**
   * Scans `bytes` from `from`; returns the offset just after the first newline outside quotes that
   * lies at or after `want`, or -1 once the slice is used up (the quoting state carries over).
   */
  scan(bytes: Uint8Array, from: number, want: number): number {
    const { delim } = this;
    const len = bytes.length;
    let i = from;
    while (i < len) {
      if (this.state === QUOTED) {
        const q = bytes.indexOf(QUOTE, i);
        if (q < 0) return -1;
        this.state = QUOTE_SEEN;
        i = q + 1;
      } else if (this.state === QUOTE_SEEN) {
        // `""` is an escaped quote; a closing quote may be followed by spaces before the delimiter.
        const b = bytes[i++] as number;
        if (b === QUOTE) this.state = QUOTED;
        else if (b === delim) this.state = FIELD_START;
        else if (b === NL) {
          this.state = FIELD_START;
          if (i >= want) return i;
        } else if (b !== CR && b !== SPACE) this.state = QUOTED;
      } else {
        const found = bytes.indexOf(QUOTE, i);
        const q = found < 0 ? len : found;
        if (q >= want) {
          const n = bytes.indexOf(NL, Math.max(i, want - 1));
          if (n >= 0 && n < q) return n + 1;
        }
        if (q === len) {
          const last = bytes[len - 1];
          if (len > i) this.state = last === delim || last === NL ? FIELD_START : FIELD;
          return -1;
        }
        // A quote opens a quoted field only at the start of a field; elsewhere it is a literal.
        const atStart = q === i ? this.state === FIELD_START : bytes[q - 1] === delim || bytes[q - 1] === NL;
        this.state = atStart ? QUOTED : FIELD;
        i = q + 1;
      }
    }
    return -1;
  }
}

/**
 * Byte offsets `[0, …, size]` that cut `file` into at most `parts` ranges, each starting just after
 * a record's newline. Delimited text is scanned from the start so a newline inside a quoted field
 * is never taken for a boundary; line formats cut at any newline; a JSON array is never cut. Ranges
 * that would be empty are dropped, so a file with few newlines yields fewer parts.
 */
export async function splitOffsets(file: Blob, layout: SourceLayout, parts: number, scanBytes = SCAN_BYTES): Promise<number[]> {
  const size = file.size;
  if (parts < 2 || layout.format === 'json') return [0, size];
  const targets = Array.from({ length: parts - 1 }, (_, i) => Math.floor((size * (i + 1)) / parts));
  const cuts: number[] = [0];
  const scanner = layout.format === 'delimited' ? new CsvScanner((layout.delimiter ?? ',').charCodeAt(0)) : null;
  let next = 0;
  for (let base = 0; base < size && next < targets.length; base += scanBytes) {
    // Line formats need no history: skip straight to the slice that holds the next target.
    if (!scanner && base + scanBytes <= (targets[next] as number) - 1) continue;
    const bytes = new Uint8Array(await file.slice(base, base + scanBytes).arrayBuffer());
    let from = 0;
    while (next < targets.length) {
      const want = Math.max((targets[next] as number) - base, from, (cuts[cuts.length - 1] as number) + 1 - base);
      const at = scanner ? scanner.scan(bytes, from, want) : lineEnd(bytes, from, want);
      if (at < 0) break;
      if (base + at < size) cuts.push(base + at);
      from = at;
      while (next < targets.length && base + at >= (targets[next] as number)) next++;
    }
  }
  cuts.push(size);
  return cuts;
}

/** Offset just after the first newline at or after `want`, or -1. */
function lineEnd(bytes: Uint8Array, from: number, want: number): number {
  const n = bytes.indexOf(NL, Math.max(from, want - 1));
  return n < 0 ? -1 : n + 1;
}
