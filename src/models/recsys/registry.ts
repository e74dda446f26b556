// Every recommender by id (the catalogue of ids, labels and presets lives in lib/model-catalog.ts).
import type { Hyper, ModelId } from '../../lib/model-catalog';
import { BprMf } from './baselines/bpr-mf';
import { ItemKnn } from './baselines/item-knn';
import { popularity, recentPopularity } from './baselines/pop';
import { createGru4Rec, createLstmRec, createSasRec } from './neural/neural-recommender';
import type { Recommender } from './types';

export { BASELINES, isNeural, MODEL_IDS, MODEL_LABELS, PRESETS, type Hyper, type ModelId } from '../../lib/model-catalog';

/** A fresh, untrained model. */
export function createModel(id: ModelId, h: Hyper): Recommender {
  switch (id) {
    case 'pop': return popularity();
    case 'pop-recent': return recentPopularity();
    case 'itemknn': return new ItemKnn();
    case 'mf': return new BprMf({ dim: h.dim });
    case 'gru4rec': return createGru4Rec({ embDim: h.dim });
    case 'sasrec': return createSasRec({ embDim: h.dim });
    case 'lstm': return createLstmRec({ embDim: h.dim });
  }
}
