// Files as row sources: head sniffing, gzip detection, hashing and streaming reads.
import { createSHA256 } from 'hash-wasm';
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

/** Files up to this size are hashed by the browser's native SHA-256 in one piece (about 3× faster). */
export const ONE_PIECE_HASH_BYTES = 256 * 1024 * 1024;

/**
 * Hex SHA-256 of a file's bytes. Web Crypto has no streaming digest, so bigger files are streamed
 * through hash-wasm instead and a multi-gigabyte export never sits in memory whole. Both give the
 * same digest, so a file is recognised whichever way it was hashed.
 */
export async function hashFile(file: Blob, onePieceLimit = ONE_PIECE_HASH_BYTES): Promise<string> {
  if (file.size <= onePieceLimit) return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  const sha = await createSHA256();
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return sha.digest('hex');
    sha.update(value);
  }
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** How files are hashed: in this thread, unless the worker has handed hashing to another (`hashWith`). */
let hasher: (file: Blob) => Promise<string> = (file) => hashFile(file);

/**
 * Hashes files with `hash` from now on. The ingest worker hashes in a part worker, so that a hash
 * still running when the user starts the import does not hold up the thread that parses.
 */
export function hashWith(hash: (file: Blob) => Promise<string>): void {
  hasher = hash;
}

/**
 * Hashes of the files of the current choice, by name, size and date: inspect starts them, the
 * duplicate check and the import await them.
 */
const hashes = new Map<string, Promise<string>>();
/** One file is hashed at a time, so many big files never sit in memory together. */
let hashQueue: Promise<unknown> = Promise.resolve();

/**
 * Chosen files up to this many bytes in all are read whole once, here: the native digest hashes
 * the bytes and the import parses the same bytes, so the file is not read a second time. Reading
 * it twice at once held up the import's first block while the hash's read went on (online-retail,
 * 48 MB: 44-62 ms to the first block, 21-29 without). The digest runs on this thread (~30 ms for
 * 48 MB in a trace); digesting in the hashing worker instead, with the bytes transferred there and
 * back, was no faster side by side (8 pairs), nor was that worker reading the file itself.
 */
export const KEEP_BYTES = 64 * 1024 * 1024;
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

/** The file's SHA-256, computed once per chosen file however often it is asked for. */
export function hashOnce(file: File): Promise<string> {
  const key = keyOf(file);
  let h = hashes.get(key);
  if (!h) {
    if (kept + file.size <= budget) {
      kept += file.size;
      const whole = hashQueue.then(() => file.arrayBuffer());
      contents.set(key, whole);
      whole.catch(() => contents.delete(key));
      // The digest copies the bytes when called, so the import may parse them meanwhile.
      h = whole.then(async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes)));
    } else h = hashQueue.then(() => hasher(file));
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
