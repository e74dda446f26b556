// The sequence encoders' common shape. An encoder maps embedded inputs to one hidden row per
// position; the network (sequence-net.ts) does the embedding before and the heads after.
import type { Tensor2D, Tensor3D } from '@tensorflow/tfjs';

/** Which encoder, with its sizes; stored in a saved model's config. */
export type EncoderSpec =
  | { kind: 'gru'; hidden: number }
  | { kind: 'lstm'; hidden: number[] }
  | { kind: 'sasrec'; blocks: number; heads: number; dropout: number };

/** A fresh dropout seed per call, so masks differ between steps but repeat between runs. */
export type SeedSource = () => number;

/** An RNN over time-major rows: input x is [L·B, E] with sequence b's step t at row t·B + b; so is the output. */
export interface RecurrentEncoder {
  layout: 'time-major';
  outDim: number;
  run(x: Tensor2D, len: number): Tensor2D;
  /** Forward matmul FLOPs for a batch of B sequences of length L (see flops in sequence-net.ts). */
  flops(batch: number, len: number): number;
}

/** What a block encoder returns: hidden rows batch-major (position (b, t) is row b·L + t). */
export interface BlockOutput {
  hidden: Tensor2D;
  /** Last block's attention weights, one [B, L, L] tensor per head (row = query, column = key). */
  attention: Tensor3D[];
}

/** An encoder over the whole [B, L, E] input at once (self-attention). */
export interface BlockEncoder {
  layout: 'block';
  outDim: number;
  /** `pad`: [B, L], 1 where the position is padding. */
  run(x: Tensor3D, pad: Tensor2D, training: boolean, seeds: SeedSource): BlockOutput;
  flops(batch: number, len: number): number;
}

/** Either kind of encoder. */
export type SequenceEncoder = RecurrentEncoder | BlockEncoder;
