// Part worker: encodes one byte range of a big file for the ingest worker (file-parts.ts); chunks
// travel back as transferred buffers. It also hashes files, or stores an import's chunks (the
// writer), off the ingest worker's thread.
import { expose, transfer } from 'comlink';
import { putChunk } from '../storage/dataset-repo';
import { getDb } from '../storage/db';
import { encodePart } from './file-parts';
import { hashFile } from './file-source';
import type { PartApi } from './protocol';

const api: PartApi = {
  encode: (part, mapping, send) => encodePart(part, mapping, (c) => send(transfer(c, Object.values(c.chunk.columns)))),
  hash: (file, kind) => hashFile(file, kind),
  store: async (chunk) => {
    await putChunk(getDb(), chunk);
    return transfer({ rows: chunk.rows, columns: chunk.columns }, Object.values(chunk.columns));
  },
  ready: async () => {
    await getDb().open();
  },
};

expose(api);
