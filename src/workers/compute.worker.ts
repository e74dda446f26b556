// Compute worker: composition only. Keeps the most recently used dataset in memory.
import { expose } from 'comlink';
import { overview } from '../analytics/overview';
import { getDb } from '../storage/db';
import { loadDataset, type LoadedDataset } from './dataset-loader';
import type { ComputeApi } from './protocol';

let cached: { id: string; data: Promise<LoadedDataset> } | null = null;

function load(id: string): Promise<LoadedDataset> {
  if (cached?.id !== id) {
    const data = loadDataset(getDb(), id);
    cached = { id, data };
    data.catch(() => {
      if (cached?.data === data) cached = null;
    });
  }
  return cached.data;
}

const api: ComputeApi = {
  overview: async (id, range) => {
    const d = await load(id);
    return overview(d.table, d.overview, range);
  },
  evict: async (id) => {
    if (cached?.id === id) cached = null;
  },
};

expose(api);
