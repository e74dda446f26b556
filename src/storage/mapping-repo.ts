// Mappings the user confirmed, remembered per header signature so the next export of the same shape
// imports without questions.
import type { Mapping } from '../ingest/types';
import type { ShopLensDb } from './db';
import type { MappingRecord } from './schema';

/** Remembers a confirmed mapping for files with this header signature. */
export async function rememberMapping(db: ShopLensDb, signature: string, preset: string, mapping: Mapping): Promise<void> {
  await db.mappings.put({ signature, preset, mapping, savedAt: Date.now() });
}

/** The mapping last confirmed for this header signature, if any. */
export async function recallMapping(db: ShopLensDb, signature: string): Promise<MappingRecord | undefined> {
  return db.mappings.get(signature);
}
