// Embedding lookup that trains on every backend. Forward: out[…, :] = table[ids[…], :].
// Backward: dTable[v, :] = Σ over positions p with ids[p] = v of dy[p, :] (a dense [vocab, dim]
// segment sum). tf.gather's stock gradient has the same maths but reaches UnsortedSegmentSum
// through extra transposes; here the path is explicit and runs on the ScatterNd-based kernel
// that segment-sum.ts installs for cpu and wasm (WebGL and WebGPU have their own).
import {
  customGrad, gather, reshape, unsortedSegmentSum, zeros,
  type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D, type Variable,
} from '@tensorflow/tfjs';
import { registerSegmentSumKernels } from './segment-sum';

const lookup = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
  const [table, ids, save] = args as [Tensor2D, Tensor, GradSaveFunc];
  save([ids]);
  const [vocab, dim] = table.shape;
  return {
    value: gather(table, ids),
    gradFunc: (dy: Tensor, saved: Tensor[]) => {
      const [savedIds] = saved as [Tensor];
      const dTable = unsortedSegmentSum(reshape(dy, [-1, dim]), reshape(savedIds, [-1]) as Tensor1D, vocab);
      // Ids are not differentiable, but customGrad needs a float32 gradient for every input.
      return [dTable, zeros(savedIds.shape)];
    },
  };
});

/**
 * Looks up rows of `table` ([vocab, dim]) for int32 `ids` ([n] or [batch, len]); the result has
 * shape [...ids.shape, dim]. Ids must lie in [0, vocab): out-of-range ids throw on CPU and read
 * garbage on WASM/GPU, so clamp or map unknown items to a reserved row before calling.
 */
export function embed(table: Variable | Tensor2D, ids: Tensor1D | Tensor2D): Tensor {
  registerSegmentSumKernels(); // idempotent: two registry look-ups
  return lookup(table, ids);
}
