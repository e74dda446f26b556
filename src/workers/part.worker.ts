// Part worker: encodes one byte range of a big file for the ingest worker (file-parts.ts); chunks
// travel back as transferred buffers.
import { expose, transfer } from 'comlink';
import { encodePart } from './file-parts';
import type { PartApi } from './protocol';

const api: PartApi = {
  encode: (part, mapping, send) => encodePart(part, mapping, (c) => send(transfer(c, Object.values(c.chunk.columns)))),
};

expose(api);
