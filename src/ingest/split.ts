// Cuts a plain-text source into byte ranges that start at line starts, so several workers can parse
// one big file side by side (ARCHITECTURE.md §2).
import type { SourceLayout } from './types';

/** Bytes read at a time while looking for a line start. */
const SCAN_BYTES = 64 * 1024;

const NL = 0x0a;

/**
 * Byte offsets `[0, …, size]` that cut `file` into at most `parts` ranges, each starting where a
 * line starts: cut k is the first line start at or after its target, `floor(size × k / parts)`. Only
 * the bytes around each target are read. A JSON array is never cut. Ranges that would be empty are
 * dropped, so a file with few lines yields fewer parts.
 *
 * In delimited text a line may start inside a quoted field that holds line breaks. Which is the case
 * is known only to a reader that comes from the top: the part before such a cut ends inside an open
 * quote (`EncodeCounts.open`), and the import then reads the file whole (`CutInsideQuotes`). Finding
 * true record starts up front meant splitting the file from the top to the last cut before any part
 * could start (~250 ms for an 88 MB file).
 */
export async function splitOffsets(file: Blob, layout: SourceLayout, parts: number, scanBytes = SCAN_BYTES): Promise<number[]> {
  const size = file.size;
  if (parts < 2 || layout.format === 'json') return [0, size];
  const cuts = new Cuts(Array.from({ length: parts - 1 }, (_, i) => Math.floor((size * (i + 1)) / parts)), size);
  await lineStarts(file, cuts, scanBytes);
  return [...cuts.at, size];
}

/** The cuts found so far, given line starts in increasing order. */
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

  /** A line starts at `at`: the cut of every target it reaches. */
  offer(at: number): void {
    if (at < this.target || at >= this.size) return;
    this.at.push(at);
    while (at >= this.target) this.next++;
  }
}

/** Offers each target the first line start at or after it, reading from the byte before it on. */
async function lineStarts(file: Blob, cuts: Cuts, scanBytes: number): Promise<void> {
  let from = Math.max(0, cuts.target - 1);
  while (!cuts.done && from < file.size) {
    const bytes = new Uint8Array(await file.slice(from, from + scanBytes).arrayBuffer());
    const n = bytes.indexOf(NL);
    if (n < 0) {
      from += bytes.length;
      continue;
    }
    cuts.offer(from + n + 1);
    from = Math.max(from + n + 1, cuts.target - 1);
  }
}
