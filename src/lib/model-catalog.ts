// The recommenders ShopLens offers and their training presets: shared by the model registry (which
// builds them) and the UI (which lists them).

/** Model ids in the order the comparison table lists them; baselines first. */
export const MODEL_IDS = ['pop', 'pop-recent', 'itemknn', 'mf', 'gru4rec', 'sasrec', 'lstm'] as const;
/** A model id. */
export type ModelId = (typeof MODEL_IDS)[number];
/** Models every neural model is compared against (ARCHITECTURE.md §3). */
export const BASELINES: readonly ModelId[] = ['pop', 'pop-recent', 'itemknn', 'mf'];
/** Human names. */
export const MODEL_LABELS: Record<ModelId, string> = {
  pop: 'Popularity', 'pop-recent': 'Popularity (last 30 days)', itemknn: 'Item-kNN', mf: 'BPR-MF',
  gru4rec: 'GRU4Rec', sasrec: 'SASRec', lstm: 'Stacked LSTM (128→64)',
};

/** Training settings a user can edit. */
export interface Hyper {
  epochs: number;
  dim: number;
  seed: number;
}

/** Quick / balanced / best presets. */
export const PRESETS: Record<'quick' | 'balanced' | 'best', Hyper> = {
  quick: { epochs: 2, dim: 32, seed: 1 },
  balanced: { epochs: 6, dim: 64, seed: 1 },
  best: { epochs: 20, dim: 64, seed: 1 },
};

/**
 * The preset a new training run starts from: with `quick` (2 epochs) the sequence models are still
 * learning and lose to item-kNN; `balanced` is where they pass it on the demo store (scripts/README.md).
 */
export const DEFAULT_PRESET: keyof typeof PRESETS = 'balanced';

/** Whether the model trains with TF.js and is saved as weights. */
export const isNeural = (id: ModelId): boolean => id === 'gru4rec' || id === 'sasrec' || id === 'lstm';
