// Cuts a plain-text source into byte ranges that start at line starts, so several workers can parse
// one big file side by side (ARCHITECTURE.md §2).
import type { SourceLayout } from './types';

/** Bytes scanned per read while looking for boundaries. */
const SCAN_BYTES = 4 * 1024 * 1024;

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

/** Offers the start of every line near a target; slices before it are skipped. */
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
