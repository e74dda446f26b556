// A whole recurrent layer as one op with a hand-written backward pass (BPTT). TF.js's tape costs
// ~30 µs per recorded kernel on WASM and a step has ~15 kernels forward and ~30 backward; here the
// loop runs untaped, and the weight gradients are three large products after the loop instead of
// two small ones per step:
//   forward, per step t:   a_t = x_t W_x + b_x,   g_t = h_{t−1} W_h + b_h,   (h_t, state_t) = cell(a_t, g_t, state_{t−1})
//   backward, t = L−1…0:   (∂a_t, ∂g_t, ∂state_{t−1}) = cell′(∂h_t + carried, cache_t);   ∂h_{t−1} += ∂g_t W_hᵀ
//   then                  ∂W_x = Xᵀ ∂A,   ∂W_h = H_prevᵀ ∂G,   ∂b_x = Σ_rows ∂A,   ∂b_h = Σ_rows ∂G,   ∂X = ∂A W_xᵀ
// Rows are time-major (row t·B + b is sequence b at step t), so step t is one contiguous block.
import {
  concat, customGrad, matMul, ones, reshape, transpose, zeros,
  type GradSaveFunc, type Tensor, type Tensor1D, type Tensor2D,
} from '@tensorflow/tfjs';
import { rowBlocks } from './ops';

/** What a cell's forward step returns: the output h_t, the state carried to t + 1, and its backward cache. */
export interface CellStep {
  h: Tensor2D;
  state: Tensor2D[];
  cache: Tensor2D[];
}

/** What a cell's backward step returns, given ∂h_t (output plus carried) and the carried ∂state. */
export interface CellGrad {
  /** ∂loss/∂a_t and ∂loss/∂g_t, [B, gates·H] each (equal when the cell only uses a_t + g_t). */
  da: Tensor2D;
  dg: Tensor2D;
  /** ∂loss/∂state_{t−1} through the cell's element-wise path (∂h_{t−1} excludes the ∂g W_hᵀ term). */
  dState: Tensor2D[];
}

/** One recurrent cell: its forward step and the matching backward step. */
export interface Cell {
  /** Gate blocks in a_t and g_t (GRU 3, LSTM 4). */
  gates: number;
  /** Number of state tensors (GRU: h; LSTM: h and c); state[0] is always h. */
  stateSize: number;
  /** Number of tensors step() caches for back(). */
  cacheSize: number;
  step(a: Tensor2D, g: Tensor2D, state: Tensor2D[]): CellStep;
  back(dh: Tensor2D, dState: Tensor2D[], cache: Tensor2D[], hPrev: Tensor2D): CellGrad;
}

/** The weights of one layer: W_x [E, gH], b_x [gH], W_h [H, gH], b_h [gH]. */
export interface RecurrentWeights {
  wx: Tensor2D;
  bx: Tensor1D;
  wh: Tensor2D;
  bh: Tensor1D;
}

/** Runs `cell` over x ([len·batch, E], time-major) from a zero state; returns every h_t as [len·batch, H]. */
export function recurrentLayer(cell: Cell, x: Tensor2D, len: number, weights: RecurrentWeights): Tensor2D {
  const batch = x.shape[0] / len;
  const hidden = weights.wh.shape[0];
  const op = customGrad((...args: Array<Tensor | GradSaveFunc>) => {
    const [xs, wx, bx, wh, bh, save] = args as [Tensor2D, Tensor2D, Tensor1D, Tensor2D, Tensor1D, GradSaveFunc];
    let state = Array.from({ length: cell.stateSize }, () => zeros([batch, hidden]) as Tensor2D);
    const outputs: Tensor2D[] = [];
    const kept: Tensor2D[] = [];
    const steps = rowBlocks(xs, len); // step t = rows t·B … t·B + B − 1
    for (let t = 0; t < len; t++) {
      const a = matMul(steps[t] as Tensor2D, wx).add(bx) as Tensor2D;
      const hPrev = state[0] as Tensor2D;
      const step = cell.step(a, matMul(hPrev, wh).add(bh) as Tensor2D, state);
      kept.push(hPrev, ...step.cache);
      outputs.push(step.h);
      state = step.state;
    }
    save([xs, wx, wh, ...kept]);
    return {
      value: concat(outputs, 0),
      gradFunc: (dy: Tensor, saved: Tensor[]) => {
        const [sx, swx, swh] = saved as [Tensor2D, Tensor2D, Tensor2D];
        const per = 1 + cell.cacheSize;
        const whT = transpose(swh);
        const das: Tensor2D[] = [];
        const dgs: Tensor2D[] = [];
        const hPrevs: Tensor2D[] = [];
        let dState = Array.from({ length: cell.stateSize }, () => zeros([batch, hidden]) as Tensor2D);
        const dys = rowBlocks(dy as Tensor2D, len);
        for (let t = len - 1; t >= 0; t--) {
          const hPrev = saved[3 + t * per] as Tensor2D;
          const cache = saved.slice(4 + t * per, 3 + (t + 1) * per) as Tensor2D[];
          const dh = (dys[t] as Tensor2D).add(dState[0] as Tensor2D) as Tensor2D;
          const grad = cell.back(dh, dState, cache, hPrev);
          das[t] = grad.da;
          dgs[t] = grad.dg;
          hPrevs[t] = hPrev;
          dState = grad.dState;
          dState[0] = (dState[0] as Tensor2D).add(matMul(grad.dg, whT)) as Tensor2D;
        }
        const [dA, dG] = [concat(das, 0), concat(dgs, 0)];
        const colSum = (m: Tensor2D) => reshape(matMul(ones([1, m.shape[0]]), m), [-1]); // a matmul: Sum over axis 0 transposes first
        return [
          matMul(dA, transpose(swx)), // ∂X = ∂A W_xᵀ
          matMul(transpose(sx), dA), // ∂W_x = Xᵀ ∂A
          colSum(dA),
          matMul(transpose(concat(hPrevs, 0)), dG), // ∂W_h = H_prevᵀ ∂G
          colSum(dG),
        ];
      },
    };
  });
  return op(x, weights.wx, weights.bx, weights.wh, weights.bh) as Tensor2D;
}
