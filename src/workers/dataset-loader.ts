// Loads a stored dataset into the compute worker's memory once and builds its indexes.
import type { EventTable } from '../analytics/event-table';
import { tableFromChunks } from '../analytics/event-table';
import { deriveSessions, groupByUser, type Grouping } from '../analytics/indexes';
import { buildOverviewIndex, type OverviewIndex } from '../analytics/overview';
import type { ShopLensDb } from '../storage/db';
import { getDataset, loadChunks, loadDictionaries } from '../storage/dataset-repo';
import type { HandedDataset } from './hand-over';

/** A dataset ready for queries. */
export interface LoadedDataset {
  table: EventTable;
  /** Each user's events in time order (source order on ties). */
  byUser: Grouping;
  overview: OverviewIndex;
}

/**
 * Reads chunks and dictionaries, derives sessions when the source had none, builds indexes. What an
 * import `handed` over is used instead of reading it back when its chunks hold all its rows: then
 * storage is not read at all, and the import may still be writing the dataset's record.
 */
export async function loadDataset(db: ShopLensDb, id: string, handed?: Promise<HandedDataset | null> | null): Promise<LoadedDataset> {
  const given = await handed;
  const whole = given && given.chunks.reduce((n, c) => n + c.rows, 0) === given.rows ? given : null;
  const [chunks, dicts] = whole ? [whole.chunks, whole.dictionaries] : await readBack(db, id);
  const { table, session } = tableFromChunks(chunks, dicts);
  const byUser = groupByUser(table.user, table.ts, dicts.user?.length ?? 0);
  let full: EventTable;
  if (session) {
    full = { ...table, session, sessionCount: dicts.session?.length ?? 0 };
  } else {
    const derived = deriveSessions(byUser, table.ts, table.n);
    full = { ...table, session: derived.session, sessionCount: derived.count };
  }
  return { table: full, byUser, overview: buildOverviewIndex(full) };
}

async function readBack(db: ShopLensDb, id: string) {
  if (!(await getDataset(db, id))) throw new Error('This dataset no longer exists. It may have been deleted in another tab.');
  return Promise.all([loadChunks(db, id), loadDictionaries(db, id)]);
}
