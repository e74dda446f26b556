// Files as row sources: head sniffing, gzip detection, hashing and streaming reads.
import { createSHA256, createXXHash128, type IHasher } from 'hash-wasm';
import { fileReader, textStream, type ByteSource, type SourceReader } from '../ingest/read-rows';
import { binaryReason, isGzip, sniffSource } from '../ingest/sniff';
import { splitOffsets } from '../ingest/split';
import type { SourceInfo } from '../ingest/types';
import { MAX_PARTS, MIN_PART_BYTES, type FilePart } from './file-parts';
import type { RowSource } from './import-job';

/** Bytes of decoded text the sniffer looks at. */
export const HEAD_CHARS = 64 * 1024;

/** The first HEAD_CHARS characters of a (possibly gzipped) file; `complete` when that is the whole file. */
export async function readHead(file: Blob): Promise<{ gzip: boolean; text: string; complete: boolean; problem: string | null }> {
  const magic = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const gzip = isGzip(magic);
  if (!gzip) {
    const problem = binaryReason(magic);
    if (problem) return { gzip, text: '', complete: false, problem };
  }
  const reader = textStream(file, gzip).text.getReader();
  let text = '';
  let complete = false;
  try {
    while (text.length < HEAD_CHARS) {
      const { done, value } = await reader.read();
      if (done) {
        complete = true;
        break;
      }
      text += value;
    }
  } catch {
    return { gzip, text: '', complete: false, problem: 'is not a valid gzip file' };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (gzip) {
    const problem = binaryReason(new TextEncoder().encode(text.slice(0, 4096)));
    if (problem) return { gzip, text: '', complete, problem };
  }
  return { gzip, text, complete, problem: null };
}

/**
 * How a file's content is named, to spot re-imports: `xxh128:` and the hex XXH3-128 of its bytes
 * (hash-wasm, ~4 GB/s here). The browser's SHA-256 took ~70 ms for 48 MB in one blocking call on
 * the ingest worker's thread, which held up an import started meanwhile. Datasets imported before
 * hold the plain hex SHA-256 of their files (`sha256`, see `isLegacyHash`).
 */
export type HashKind = 'xxh128' | 'sha256';

const HASHERS = { xxh128: createXXHash128, sha256: createSHA256 };
const PREFIX: Record<HashKind, string> = { xxh128: 'xxh128:', sha256: '' };

/** Whether a stored content hash is the SHA-256 of an earlier version. */
export const isLegacyHash = (hash: string): boolean => !hash.startsWith(PREFIX.xxh128);

/** The content hash of `kind` of the bytes `feed` gives a new hasher. */
async function digest(kind: HashKind, feed: (h: IHasher) => Promise<void> | void): Promise<string> {
  const h = await HASHERS[kind]();
  await feed(h);
  return PREFIX[kind] + h.digest('hex');
}

/** The content hash of a file's bytes, streamed, so a multi-gigabyte export never sits in memory whole. */
export function hashFile(file: Blob, kind: HashKind = 'xxh128'): Promise<string> {
  return digest(kind, async (h) => {
    const reader = file.stream().getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) h.update(r.value);
  });
}

/** Bytes handed to the hasher at a time (one piece of 48 MB hashed ~50% slower). */
const HASH_SLICE = 1 << 20;

/** The content hash of bytes in memory, as `hashFile` gives for a file of those bytes. */
function hashBytes(bytes: ArrayBuffer): Promise<string> {
  return digest('xxh128', (h) => {
    const all = new Uint8Array(bytes);
    for (let i = 0; i < all.length; i += HASH_SLICE) h.update(all.subarray(i, i + HASH_SLICE));
  });
}

/** How files are hashed: in this thread, unless the worker has handed hashing to another (`hashWith`). */
let hasher: (file: Blob, kind: HashKind) => Promise<string> = hashFile;

/**
 * Hashes files with `hash` from now on. The ingest worker hashes in a part worker, so that a hash
 * still running when the user starts the import does not hold up the thread that parses.
 */
export function hashWith(hash: (file: Blob, kind: HashKind) => Promise<string>): void {
  hasher = hash;
}

/** A chosen file's SHA-256, as earlier versions stored it (for the re-import check against their datasets). */
export function legacyHash(file: File): Promise<string> {
  return hasher(file, 'sha256');
}

/**
 * Hashes of the files of the current choice, by name, size and date: inspect starts them, the
 * duplicate check and the import await them.
 */
const hashes = new Map<string, Promise<string>>();
/** One file is hashed at a time, so many big files never sit in memory together. */
let hashQueue: Promise<unknown> = Promise.resolve();

/**
 * Chosen files up to this many bytes in all are read whole once, here: they are hashed (on this
 * thread, ~12 ms for 48 MB) and the import parses the same bytes, so the file is not read a second
 * time. Reading it twice at once held up the import's first block while the hash's read went on
 * (online-retail, 48 MB: 44-62 ms to the first block, 21-29 without). Raised from 64 MB once hashing
 * was fast: the 88 MB clickstream then imported ~8% faster (10 pairs side by side, cpuMs -10%).
 */
export const KEEP_BYTES = 128 * 1024 * 1024;
/** The bytes of the current choice's files read whole, until the import takes them. */
const contents = new Map<string, Promise<ArrayBuffer>>();
/** Bytes of the current choice read whole so far, and the most that may be. */
let kept = 0;
let budget = KEEP_BYTES;

/** Starts hashing a new choice of files in the background, forgetting the previous choice's hashes and bytes; `keep` bytes of them at most are read whole. */
export function startHashing(files: File[], keep = KEEP_BYTES): void {
  hashes.clear();
  contents.clear();
  kept = 0;
  budget = keep;
  for (const f of files) hashOnce(f).catch(() => undefined);
}

const keyOf = (file: File) => `${file.name}\u001f${file.size}\u001f${file.lastModified}`;

/** The file's content hash, computed once per chosen file however often it is asked for. */
export function hashOnce(file: File): Promise<string> {
  const key = keyOf(file);
  let h = hashes.get(key);
  if (!h) {
    if (kept + file.size <= budget) {
      kept += file.size;
      const whole = hashQueue.then(() => file.arrayBuffer());
      contents.set(key, whole);
      whole.catch(() => contents.delete(key));
      h = whole.then(hashBytes);
    } else h = hashQueue.then(() => hasher(file, 'xxh128'));
    hashQueue = h.catch(() => undefined);
    hashes.set(key, h);
    h.catch(() => hashes.delete(key));
  }
  return h;
}

/** Where to read a chosen file's first `end` bytes from: its bytes when hashing read them whole (handed over once), else the file. */
function bytesOf(file: File, end: number): ByteSource {
  const key = keyOf(file);
  const whole = contents.get(key);
  if (!whole) return end < file.size ? file.slice(0, end) : file;
  contents.delete(key);
  return { whole, end };
}

/** Sniffs a head of text, or explains why it is unusable. */
export function sniffText(text: string, complete?: boolean): { info: SourceInfo | null; problem: string | null } {
  if (text.trim() === '') return { info: null, problem: 'is empty' };
  try {
    const info = sniffSource(text, complete);
    if (info.preview.length === 0) return { info: null, problem: 'holds no data rows' };
    return { info, problem: null };
  } catch (e) {
    return { info: null, problem: `could not be read (${(e as Error).message})` };
  }
}

/** A File as a RowSource for the import job; a big plain-text one can be cut into parts. */
export function fileSource(file: File, gzip: boolean, info: SourceInfo): RowSource {
  const meta = { name: file.name, size: file.size };
  // The bytes are taken when the import reads, not when the source is made.
  let reader: SourceReader | null = null;
  const whole = (): SourceReader => (reader ??= fileReader(bytesOf(file, file.size), gzip, info));
  return {
    file: meta,
    read: (sink) => whole().read(sink),
    bytesRead: () => reader?.bytesRead() ?? 0,
    hash: () => hashOnce(file),
    split: async (parts, minPart = MIN_PART_BYTES) => {
      const n = gzip ? 1 : Math.min(parts, MAX_PARTS, Math.floor(file.size / minPart));
      const cuts = await splitOffsets(file, info, n);
      const rest = cuts.slice(1, -1).map((start, i): FilePart => ({ file, start, end: cuts[i + 2] as number, info: { ...info, hasHeader: false } }));
      return { first: { file: meta, ...fileReader(bytesOf(file, cuts[1] as number), gzip, info) }, rest };
    },
  };
}
