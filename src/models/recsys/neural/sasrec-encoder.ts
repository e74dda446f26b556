// SASRec-style causal Transformer (Kang & McAuley 2018) from basic ops: TF.js exports no multi-head
// attention layer. Pre-layer-norm blocks:
//   x_0 = √d · E[items] + P[positions]                     (learned positions, looked up with embed)
//   a   = MultiHead(LN₁(x)),  head_i = softmax(Q_i K_iᵀ / √d_k + M) V_i,  Q_i = LN₁(x) W_Q^i, …
//   x'  = x + Dropout(a W_O + b_O)
//   x'' = x' + Dropout(ReLU(LN₂(x') W_1 + b_1) W_2 + b_2)   (point-wise feed-forward)
// M is −1e9 where key j > query i (causal) or key j is padding, 0 elsewhere; padding rows are zeroed
// after every block. Rank-3 products (QKᵀ, AV) run on WASM's slow batched path either way (ops.ts).
import {
  add, concat, dropout, linalg, matMul, moments, mul, ones, range, relu, reshape, rsqrt, scalar,
  softmax, sub, type Tensor, type Tensor2D, type Tensor3D, type Tensor1D, type Variable,
} from '@tensorflow/tfjs';
import { embed } from '../../runtime/embedding';
import type { BlockEncoder, BlockOutput, SeedSource } from './encoder';
import { dense, matmul } from './ops';
import { constantInit, glorot, zerosInit, type ParamStore } from './params';

/** Additive mask value: large enough that exp underflows to 0, finite so all-masked rows stay finite. */
const MASKED = -1e9;
/** Layer-norm variance floor. */
const LN_EPSILON = 1e-6;

interface Norm {
  gain: Variable;
  shift: Variable;
}

function norm(store: ParamStore, name: string, dim: number): Norm {
  return { gain: store.add(`${name}/gain`, [dim], constantInit(1)), shift: store.add(`${name}/shift`, [dim], zerosInit) };
}

/** LN(x) = (x − μ) / √(σ² + ε) · γ + β over the feature axis. */
function layerNorm(x: Tensor2D, n: Norm): Tensor2D {
  const { mean, variance } = moments(x, -1, true);
  return add(mul(mul(sub(x, mean), rsqrt(add(variance, LN_EPSILON))), n.gain), n.shift);
}

interface Head {
  q: Variable;
  k: Variable;
  v: Variable;
}

interface Block {
  ln1: Norm;
  heads: Head[];
  wo: Variable;
  bo: Variable;
  ln2: Norm;
  w1: Variable;
  b1: Variable;
  w2: Variable;
  b2: Variable;
}

function block(store: ParamStore, name: string, dim: number, heads: number): Block {
  const dk = dim / heads;
  const w = (n: string, shape: number[]) => store.add(`${name}/${n}`, shape, glorot);
  const b = (n: string, size: number) => store.add(`${name}/${n}`, [size], zerosInit);
  return {
    ln1: norm(store, `${name}/ln1`, dim),
    // One projection per head, not one [d, 3d] matrix cut into columns: WASM's Slice copies its whole input.
    heads: Array.from({ length: heads }, (_, i) => ({ q: w(`q${i}`, [dim, dk]), k: w(`k${i}`, [dim, dk]), v: w(`v${i}`, [dim, dk]) })),
    wo: w('Wo', [dim, dim]),
    bo: b('bo', dim),
    ln2: norm(store, `${name}/ln2`, dim),
    w1: w('W1', [dim, dim]),
    b1: b('b1', dim),
    w2: w('W2', [dim, dim]),
    b2: b('b2', dim),
  };
}

/** Options of the Transformer encoder. */
export interface SasRecShape {
  dim: number;
  maxLen: number;
  blocks: number;
  heads: number;
  dropout: number;
}

/**
 * Builds the encoder. Forward matmul FLOPs per sequence of length L, per block: Q, K, V 6·L·d²,
 * QKᵀ and AV 2·2·L²·d, W_O 2·L·d², feed-forward 2·2·L·d²: 12·L·d² + 4·L²·d.
 */
export function sasrecEncoder(store: ParamStore, shape: SasRecShape): BlockEncoder {
  const { dim, maxLen, heads } = shape;
  if (dim % heads !== 0) throw new RangeError(`dim ${dim} is not divisible by ${heads} heads`);
  const positions = store.add('sasrec/positions', [maxLen, dim], glorot);
  const blocks = Array.from({ length: shape.blocks }, (_, i) => block(store, `sasrec/block${i}`, dim, heads));
  const final = norm(store, 'sasrec/ln', dim);
  const dk = dim / heads;

  const run = (x: Tensor3D, pad: Tensor2D, training: boolean, seeds: SeedSource): BlockOutput => {
    const [batch, len] = x.shape;
    if (len > maxLen) throw new RangeError(`sequence length ${len} exceeds maxLen ${maxLen}`);
    const drop = <T extends Tensor>(t: T): T => (training && shape.dropout > 0 ? (dropout(t, shape.dropout, undefined, seeds()) as T) : t);
    const keep = reshape(sub(1, pad), [batch * len, 1]);
    // Causal part: lower triangle (key ≤ query) allowed. Padding part: masked keys, per sequence.
    const causal = mul(sub(1, linalg.bandPart(ones([len, len]), -1, 0)), MASKED);
    const mask = add(causal, reshape(mul(pad, MASKED), [batch, 1, len]));
    const pos = embed(positions, range(0, len, 1, 'int32') as Tensor1D);
    let h = mul(drop(reshape(add(mul(x, Math.sqrt(dim)), pos), [batch * len, dim]) as Tensor2D), keep) as Tensor2D;
    let attention: Tensor3D[] = [];
    for (const blk of blocks) {
      const y = layerNorm(h, blk.ln1);
      attention = [];
      const outs = blk.heads.map((hd) => {
        const [q, k, v] = [hd.q, hd.k, hd.v].map((w) => reshape(matmul(y, w as Tensor2D), [batch, len, dk]) as Tensor3D) as [Tensor3D, Tensor3D, Tensor3D];
        // softmax(QKᵀ/√d_k + M)V
        const weights = softmax(add(mul(matMul(q, k, false, true), scalar(1 / Math.sqrt(dk))), mask)) as Tensor3D;
        attention.push(weights);
        return reshape(matMul(drop(weights), v), [batch * len, dk]) as Tensor2D;
      });
      const merged = outs.length === 1 && outs[0] ? outs[0] : (concat(outs, 1) as Tensor2D);
      h = add(h, drop(dense(merged, blk.wo as Tensor2D, blk.bo as Tensor1D))) as Tensor2D;
      const ff = dense(relu(dense(layerNorm(h, blk.ln2), blk.w1 as Tensor2D, blk.b1 as Tensor1D)) as Tensor2D, blk.w2 as Tensor2D, blk.b2 as Tensor1D);
      h = mul(add(h, drop(ff)), keep) as Tensor2D;
    }
    return { hidden: layerNorm(h, final), attention };
  };

  return {
    layout: 'block',
    outDim: dim,
    run,
    flops: (b, l) => b * shape.blocks * (12 * l * dim * dim + 4 * l * l * dim),
  };
}
