// Real exports from ../shared/datasets, decompressed once into a temp folder when needed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Folder of the shared sample data. */
export const DATASETS = resolve(import.meta.dirname, '../../shared/datasets');

/** Expected figures computed independently from the raw file. */
export function expected(name: string) {
  return JSON.parse(readFileSync(join(DATASETS, `${name}.expected.json`), 'utf8'));
}

/** Path of online-retail.csv, decompressed from the shared .gz. */
export function onlineRetailCsv(): string {
  const dir = join(tmpdir(), 'shoplens-e2e');
  const out = join(dir, 'online-retail.csv');
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(out, gunzipSync(readFileSync(join(DATASETS, 'online-retail.csv.gz'))));
  }
  return out;
}

/**
 * online-retail's rows three times over (144 MB): an import long enough (seconds) that a test can
 * act while it runs, however fast the import has become.
 */
export function longOnlineRetailCsv(): string {
  const out = join(tmpdir(), 'shoplens-e2e', 'online-retail-x3.csv');
  if (!existsSync(out)) {
    const text = readFileSync(onlineRetailCsv());
    const body = text.subarray(text.indexOf(10) + 1);
    writeFileSync(out, Buffer.concat([text, body, body]));
  }
  return out;
}

/** A file that is not an export: PNG bytes under a .csv name. */
export function corruptFile(): string {
  const dir = join(tmpdir(), 'shoplens-e2e');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'orders-corrupt.csv');
  writeFileSync(out, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  return out;
}
