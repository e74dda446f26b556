// An import hands each chunk it has stored to the compute worker as well, over a MessagePort the
// main thread connects, so the overview that opens after the import need not read the new dataset
// back from IndexedDB (for online-retail that read is about 120 ms of the overview's 190 ms), nor
// its dictionaries (another ~30 ms).
import type { EncodedChunk } from '../ingest/encoder';

/** What travels on the port: chunks in any order, then the outcome (with the row count and dictionaries when every chunk is stored). */
export type HandOverMessage = { index: number; chunk: EncodedChunk } | { done: false } | { done: true; rows: number; dictionaries: Record<string, string[]> };

/** The importing side. */
export interface HandOverSender {
  /** Sends a chunk that is stored; its buffers move to the compute worker and are unusable here after. */
  chunk(index: number, chunk: EncodedChunk): void;
  /**
   * Ends the hand-over, once: with the dataset's row count and dictionaries as soon as every chunk
   * is stored (the compute worker loads the dataset while the import writes its record), with null
   * when the import failed before that.
   */
  end(complete: { rows: number; dictionaries: Record<string, string[]> } | null): void;
}

export function handOverSender(port: MessagePort): HandOverSender {
  const post = (m: HandOverMessage, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  let open = true;
  return {
    chunk: (index, chunk) => post({ index, chunk }, Object.values(chunk.columns)),
    end: (complete) => {
      if (!open) return;
      open = false;
      post(complete ? { done: true, ...complete } : { done: false });
      port.close();
    },
  };
}

/** A stored chunk as the compute worker keeps it. */
export interface HandedChunk extends EncodedChunk {
  index: number;
}

/** A dataset as handed over: whole when its chunks hold `rows` rows. */
export interface HandedDataset {
  chunks: HandedChunk[];
  rows: number;
  dictionaries: Record<string, string[]>;
}

/** The receiving side: resolves to the chunks in key order, the row count and the dictionaries once every chunk is stored, or to null when the import failed. */
export function receiveHandOver(port: MessagePort): Promise<HandedDataset | null> {
  const chunks: HandedChunk[] = [];
  return new Promise((resolve) => {
    port.onmessage = (e: MessageEvent<HandOverMessage>) => {
      const m = e.data;
      if ('chunk' in m) {
        chunks.push({ index: m.index, ...m.chunk });
        return;
      }
      port.close();
      resolve(m.done ? { chunks: chunks.sort((a, b) => a.index - b.index), rows: m.rows, dictionaries: m.dictionaries } : null);
    };
  });
}
