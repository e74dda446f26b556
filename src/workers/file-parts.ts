// Big plain-text files are cut at line starts into parts that part workers encode side by side;
// each part's chunks travel back to the importing worker with the dictionary values they use. A part
// that ends inside an open quote tells the importer that its cut was no record boundary (read-parts.ts).
import { EventEncoder, type DictDelta, type EncodedChunk } from '../ingest/encoder';
import { fileReader } from '../ingest/read-rows';
import type { Mapping, SourceInfo } from '../ingest/types';
import { encodeRows, type EncodeCounts } from './encode-rows';

/** Smallest part worth a worker of its own: below it, starting the worker costs more than it saves. */
export const MIN_PART_BYTES = 8 * 1024 * 1024;

/**
 * The smallest part on a machine with `cores` cores. On two, a part worker competes with the
 * importing worker, IndexedDB and the page for the same cores, and its start (a fresh JIT) costs
 * more: side by side (bench:ingest), online-retail (48 MB) imported 6–9% faster whole than in two
 * parts (~15% once cuts were at line starts), and an 88 MB clickstream 6% faster in two, which
 * cuts at line starts made ~10% faster still.
 */
export function minPartBytes(cores: number): number {
  return cores <= 2 ? 4 * MIN_PART_BYTES : MIN_PART_BYTES;
}
/** Most parts one file is cut into. */
export const MAX_PARTS = 4;

/** A byte range of a file that starts and ends at line starts (split.ts). */
export interface FilePart {
  file: Blob;
  start: number;
  end: number;
  /** The file's layout, without a header (only the first part has it). */
  info: SourceInfo;
}

/** One chunk of a part, with the dictionary values added since the previous one. */
export interface PartChunk {
  chunk: EncodedChunk;
  delta: DictDelta;
  /** Bytes of the part read so far. */
  bytes: number;
}

/** A part once read: its counts, time range and rejected lines (numbered from the part's first line). */
export interface PartResult extends EncodeCounts {
  minTs: number;
  maxTs: number;
  rejections: { line: number; reason: string }[];
}

/** Sends one chunk of a part; resolves when the importer has taken it. */
export type ChunkSender = (c: PartChunk) => Promise<void>;

/** Encodes one part with its own encoder, sending each chunk as it fills up and the rest at the end. */
export async function encodePart(part: FilePart, mapping: Mapping, send: ChunkSender): Promise<PartResult> {
  const enc = new EventEncoder(mapping, part.info.header);
  const reader = fileReader(part.file.slice(part.start, part.end), false, part.info);
  const rejections: PartResult['rejections'] = [];
  // One chunk waits to be taken while the next is encoded, so the part does not stall on the
  // importer's writes (two chunks buffered at most).
  let sending: Promise<void> = Promise.resolve();
  const flush = async () => {
    const c = { chunk: enc.take(), delta: enc.takeDelta(), bytes: reader.bytesRead() };
    await sending;
    sending = send(c);
    sending.catch(() => undefined); // observed by the next flush or the end
  };
  const counts = await encodeRows(reader, enc, part.info.header.length, {
    reject: (line, reason) => rejections.push({ line, reason }),
    flush,
  });
  if (enc.pending > 0) await flush();
  await sending;
  return { ...counts, minTs: enc.minTs, maxTs: enc.maxTs, rejections };
}
