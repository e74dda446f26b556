// A quick health and speed check of the running backend, for the UI's backend panel and for e2e
// on each backend: throughput of a 512×512 matmul, and the two kernels embedding training needs,
// checked against plain JS references computed here.
import { getBackend, grad, matMul, mul, randomNormal, sum, tensor, tidy, unsortedSegmentSum, type Tensor, type Tensor2D } from '@tensorflow/tfjs';
import { createRng } from '../../lib/random';
import { embed } from './embedding';
import { registerSegmentSumKernels } from './segment-sum';

/** What runtimeSelfTest measured on the current backend. */
export interface RuntimeSelfTest {
  backend: string;
  matmulGflops: number;
  embeddingGradOk: boolean;
  segmentSumOk: boolean;
  ms: number;
  /** Why a check failed when it threw rather than returning a wrong number. */
  errors: string[];
}

/** Matrix side of the throughput probe; §3b quotes figures at this size. */
export const MATMUL_SIZE = 512;
/** How long the timed matmul batch aims to run: enough to swamp timer and readback noise, short on CPU (~0.3 s a product). */
export const MATMUL_TARGET_MS = 400;
/** Cap on queued products, so a fast GPU does not queue hundreds of them. */
export const MATMUL_MAX_REPS = 50;
/** Allowed |got − want| in the kernel checks: float32 sums of a few dozen terms of size ~1. */
export const CHECK_TOLERANCE = 1e-4;

async function matmulGflops(n: number): Promise<number> {
  const [a, b] = [randomNormal([n, n]), randomNormal([n, n])];
  const batch = async (reps: number): Promise<number> => {
    const t0 = performance.now();
    // Queue every product and read back only the last: GPU queues run them back to back, in order.
    for (let i = 1; i < reps; i++) matMul(a, b).dispose();
    const last = matMul(a, b);
    await last.data();
    last.dispose();
    return performance.now() - t0;
  };
  try {
    await batch(1); // warm-up: shader compilation, WASM page-in, buffer pools
    const single = await batch(1);
    const reps = Math.min(MATMUL_MAX_REPS, Math.max(1, Math.ceil(MATMUL_TARGET_MS / Math.max(single, 0.01))));
    return (2 * n ** 3 * reps) / ((await batch(reps)) * 1e6);
  } finally {
    a.dispose();
    b.dispose();
  }
}

/** Σ of rows by segment; ids outside [0, segments) dropped, as the kernels do. */
function segmentSumReference(rows: Float32Array, dim: number, ids: readonly number[], segments: number): Float32Array {
  const out = new Float32Array(segments * dim);
  ids.forEach((id, i) => {
    if (id < 0 || id >= segments) return;
    for (let j = 0; j < dim; j++) out[id * dim + j] = (out[id * dim + j] ?? 0) + (rows[i * dim + j] ?? 0);
  });
  return out;
}

function close(got: ArrayLike<number>, want: ArrayLike<number>): boolean {
  if (got.length !== want.length) return false;
  for (let i = 0; i < got.length; i++) if (!(Math.abs((got[i] ?? NaN) - (want[i] ?? NaN)) <= CHECK_TOLERANCE)) return false;
  return true;
}

/**
 * Deterministic test data: `n` rows of `dim` normals and ids with repeats, plus, if asked, some -1s.
 * Only negative ids: every backend drops those, but ids ≥ segments wrap modulo segments on WebGPU.
 */
function fixture(n: number, dim: number, segments: number, withNegative: boolean): { rows: Float32Array; ids: number[] } {
  const rng = createRng(20240611);
  const rows = Float32Array.from({ length: n * dim }, () => rng.normal());
  const ids = Array.from({ length: n }, (_, i) => (withNegative && i % 13 === 5 ? -1 : rng.int(segments)));
  return { rows, ids };
}

async function checkSegmentSum(): Promise<boolean> {
  const [n, dim, segments] = [200, 6, 17];
  const { rows, ids } = fixture(n, dim, segments, true);
  const out = tidy(() => unsortedSegmentSum(tensor(rows, [n, dim]), tensor(ids, [n], 'int32'), segments));
  const got = await out.data();
  out.dispose();
  return close(got, segmentSumReference(rows, dim, ids, segments));
}

async function checkEmbeddingGrad(): Promise<boolean> {
  const [n, dim, vocab] = [120, 8, 23];
  const { rows: upstream, ids } = fixture(n, dim, vocab, false);
  const dTable = tidy(() => {
    const table = randomNormal([vocab, dim]) as Tensor2D;
    const idsT = tensor(ids, [4, n / 4], 'int32') as Tensor2D;
    const r = tensor(upstream, [4, n / 4, dim]);
    // d/dtable Σ embed(table, ids) ⊙ r = segment sum of r's rows by id.
    return grad((t: Tensor) => sum(mul(embed(t as Tensor2D, idsT), r)))(table);
  });
  const got = await dTable.data();
  dTable.dispose();
  return close(got, segmentSumReference(upstream, dim, ids, vocab));
}

/** Checks and times the current backend (call after initBackend); leaves no tensors behind. */
export async function runtimeSelfTest(): Promise<RuntimeSelfTest> {
  const t0 = performance.now();
  registerSegmentSumKernels();
  const errors: string[] = [];
  // A kernel that throws (e.g. missing on this backend) is a failed check to show, not a crash.
  const guard = <T>(name: string, run: () => Promise<T>, failed: T): Promise<T> =>
    run().catch((error: unknown) => {
      errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return failed;
    });
  const matmul = await guard('matmul', () => matmulGflops(MATMUL_SIZE), 0);
  const segmentSumOk = await guard('segment sum', checkSegmentSum, false);
  const embeddingGradOk = await guard('embedding gradient', checkEmbeddingGrad, false);
  return { backend: getBackend(), matmulGflops: matmul, embeddingGradOk, segmentSumOk, ms: performance.now() - t0, errors };
}
