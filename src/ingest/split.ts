// Cuts a plain-text source into byte ranges that start and end on record boundaries, so several
// workers can parse one big file side by side (ARCHITECTURE.md §2).
import { CsvSplitter } from './csv-fields';
import type { SourceLayout } from './types';

/** Bytes scanned per read while looking for boundaries. */
const SCAN_BYTES = 4 * 1024 * 1024;

const NL = 0x0a;

/**
 * Byte offsets `[0, …, size]` that cut `file` into at most `parts` ranges, each starting where a
 * record starts. Cut k is the first record start at or after its target, `floor(size × k / parts)`.
 * Delimited text is split from the start by the import's own splitter, so a newline inside a quoted
 * field is never taken for a boundary; line formats cut after any newline; a JSON array is never
 * cut. Ranges that would be empty are dropped, so a file with few records yields fewer parts.
 */
export async function splitOffsets(file: Blob, layout: SourceLayout, parts: number, scanBytes = SCAN_BYTES): Promise<number[]> {
  const size = file.size;
  if (parts < 2 || layout.format === 'json') return [0, size];
  const cuts = new Cuts(Array.from({ length: parts - 1 }, (_, i) => Math.floor((size * (i + 1)) / parts)), size);
  if (layout.format === 'delimited') await recordStarts(file, (layout.delimiter ?? ',').charCodeAt(0), cuts, scanBytes);
  else await lineStarts(file, cuts, scanBytes);
  return [...cuts.at, size];
}

/** The cuts found so far, given record starts in increasing order. */
class Cuts {
  readonly at: number[] = [0];
  private next = 0;

  constructor(private readonly targets: number[], private readonly size: number) {}

  /** The target still without a cut, or Infinity when all have one. */
  get target(): number {
    return this.targets[this.next] ?? Infinity;
  }

  get done(): boolean {
    return this.next === this.targets.length;
  }

  /** A record starts at `at`: the cut of every target it reaches. */
  offer(at: number): void {
    if (at < this.target || at >= this.size) return;
    this.at.push(at);
    while (at >= this.target) this.next++;
  }
}

/** Offers every record start of delimited text, read slice by slice through `CsvSplitter`. */
async function recordStarts(file: Blob, delim: number, cuts: Cuts, scanBytes: number): Promise<void> {
  const splitter = new CsvSplitter(delim, false);
  for (let at = 0; at < file.size && !cuts.done; at += scanBytes) {
    const piece = new Uint8Array(await file.slice(at, at + scanBytes).arrayBuffer());
    await splitter.split(piece, at + scanBytes >= file.size, (rows) => {
      for (let r = 0; r < rows.count; r++) cuts.offer(rows.offset + (rows.start[rows.first[r] as number] as number));
    });
  }
}

/** Offers the start of every line near a target: line formats need no history, so slices before it are skipped. */
async function lineStarts(file: Blob, cuts: Cuts, scanBytes: number): Promise<void> {
  for (let base = 0; base < file.size && !cuts.done; base += scanBytes) {
    if (base + scanBytes < cuts.target) continue;
    const bytes = new Uint8Array(await file.slice(base, base + scanBytes).arrayBuffer());
    for (let i = Math.max(0, cuts.target - 1 - base); i < bytes.length && !cuts.done; i = Math.max(i, cuts.target - 1 - base)) {
      const n = bytes.indexOf(NL, i);
      if (n < 0) break;
      cuts.offer(base + n + 1);
      i = n + 1;
    }
  }
}
