// First look at dropped files: are they usable, what shape are they, which mapping fits; then, once
// their content is hashed (which can take a while for big files), were they imported before?
import { detectMapping, headerSignature } from '../ingest/guess';
import { detectTimeFormat, inferColumnKind } from '../ingest/infer';
import { readRows } from '../ingest/read-rows';
import type { MappingGuess, SourceInfo, TimeFormat } from '../ingest/types';
import type { ShopLensDb } from '../storage/db';
import { findByHashes, listDatasets } from '../storage/dataset-repo';
import { recallMapping } from '../storage/mapping-repo';
import { hashOnce, isLegacyHash, legacyHash, readHead, sniffText, startHashing } from './file-source';

/** Distinct values kept per column for the event-name mapping table. */
export const DISTINCT_SHOWN = 40;

/** What the UI needs to confirm an import. */
export interface InspectResult {
  files: { name: string; size: number; gzip: boolean }[];
  info: SourceInfo;
  guess: MappingGuess;
  signature: string;
  /** True when the guess is a mapping the user confirmed before for this header. */
  remembered: boolean;
  /** Inferred kind of each column, for the preview table. */
  kinds: string[];
  /** Distinct values of each column in the file's head (at most DISTINCT_SHOWN), for the event-name table. */
  distinct: string[][];
  /** The time format each column would parse with, or null when it holds no times. */
  timeFormats: (TimeFormat | null)[];
}

/** A chosen file that is already stored in a dataset. */
export interface Duplicate {
  file: string;
  datasetName: string;
}

/** Inspects files meant for one dataset; throws an Error with a user-facing message when unusable. */
export async function inspectFiles(db: ShopLensDb, files: File[]): Promise<InspectResult> {
  if (files.length === 0) throw new Error('No files were chosen.');
  const checked: InspectResult['files'] = [];
  let first: { info: SourceInfo; signature: string; file: string; head: string; complete: boolean } | null = null;
  for (const file of files) {
    if (file.size === 0) throw new Error(`${file.name} is empty: there is nothing to import.`);
    const head = await readHead(file);
    // Hashing reads every byte: it starts once the first head is in, so that its read does not
    // hold up the head's, and goes on after the answer (see findDuplicates).
    if (!first) startHashing(files);
    if (head.problem) throw new Error(`${file.name} ${head.problem}.`);
    const { info, problem } = sniffText(head.text, head.complete);
    if (!info) throw new Error(`${file.name} ${problem ?? 'could not be read'}.`);
    const signature = headerSignature(info);
    if (first && signature !== first.signature) {
      throw new Error(`${file.name} has different columns from ${first.file}. Files of one dataset must share one layout; import them separately.`);
    }
    first ??= { info, signature, file: file.name, head: head.text, complete: head.complete };
    checked.push({ name: file.name, size: file.size, gzip: head.gzip });
  }
  if (!first) throw new Error('No files were chosen.');
  const { info, signature } = first;
  const distinct = await distinctValues(first.complete ? first.head : first.head.slice(0, first.head.lastIndexOf('\n') + 1), info);
  const timeFormats = distinct.map((values) => detectTimeFormat(values));
  const kinds = info.header.map((_, i) => inferColumnKind(info.preview.map((r) => r[i] ?? '')));
  const saved = await recallMapping(db, signature);
  const guess: MappingGuess = saved
    ? { preset: saved.preset, label: 'Your saved mapping', mapping: saved.mapping, unresolved: [] }
    : detectMapping(info);
  return { files: checked, info, guess, signature, remembered: Boolean(saved), kinds, distinct, timeFormats };
}

/** The chosen files already stored in a dataset, by content hash. */
export async function findDuplicates(db: ShopLensDb, files: File[]): Promise<Duplicate[]> {
  const hashes = await Promise.all(files.map((f) => hashOnce(f)));
  // Datasets from earlier versions name their files by SHA-256: a chosen file as big as one of them is hashed that way too.
  const legacySizes = new Set((await listDatasets(db)).flatMap((d) => d.files.filter((f) => isLegacyHash(f.hash)).map((f) => f.size)));
  const legacy = await Promise.all(files.map((f) => (legacySizes.has(f.size) ? legacyHash(f) : null)));
  const fileOf = new Map<string, string>();
  files.forEach((f, i) => [hashes[i], legacy[i]].forEach((h) => h && fileOf.set(h, f.name)));
  const stored = await findByHashes(db, [...fileOf.keys()]);
  return stored.map((d) => ({ file: fileOf.get(d.hash) ?? '', datasetName: d.datasetName }));
}

/** Distinct values per column over the rows of a text made of complete lines. */
async function distinctValues(text: string, info: SourceInfo): Promise<string[][]> {
  const sets = info.header.map(() => new Set<string>());
  const stream = new ReadableStream<string>({ start: (c) => (c.enqueue(text), c.close()) });
  await readRows(stream, info, ({ rows }) => {
    for (const r of rows) r.forEach((v, i) => sets[i] && sets[i].size < DISTINCT_SHOWN && sets[i].add(v.trim()));
  });
  return sets.map((s) => [...s]);
}
