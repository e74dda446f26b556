// Test helpers: the shared real exports, imported through the app's own path (inspect → import).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Field } from '../ingest/types';
import type { openDb } from '../storage/db';
import { encodePart } from './file-parts';
import { fileSource } from './file-source';
import { runImport } from './import-job';
import type { PartRunner } from './read-parts';
import { inspectFiles } from './inspect';

const DATA = resolve(import.meta.dirname, '../../../shared/datasets');

/** Figures computed independently from a shared export (`<name>.expected.json`). */
export const expected = (name: string) => JSON.parse(readFileSync(resolve(DATA, `${name}.expected.json`), 'utf8'));

/** A shared export as a File. */
export const dataFile = (name: string) => new File([readFileSync(resolve(DATA, name))], name);

/** Runs parts in this thread, as a part worker would. */
export const inThread: PartRunner = (part, mapping, send) => encodePart(part, mapping, send);

/**
 * Imports a file with the proposed mapping (columns optionally overridden) and returns its id.
 * With `parts`, a big file is cut into that many parts, encoded by `run`.
 */
export async function importFile(db: ReturnType<typeof openDb>, file: File, id: string = crypto.randomUUID(), columns: Partial<Record<Field, number>> = {}, parts = 1, run = inThread) {
  const ins = await inspectFiles(db, [file]);
  ins.guess.mapping.columns = { ...ins.guess.mapping.columns, ...columns };
  await runImport(db, { datasetId: id, name: file.name, header: ins.info.header, mapping: ins.guess.mapping, preset: ins.guess.preset, signature: ins.signature },
    [fileSource(file, ins.files[0]?.gzip ?? false, ins.info)], () => undefined, { parallel: parts > 1 ? { parts, run } : undefined });
  return { id, ins };
}
