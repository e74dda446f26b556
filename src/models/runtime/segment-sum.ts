// UnsortedSegmentSum for the CPU-memory backends, built from each backend's own ScatterNd kernel.
// WASM (TF.js 4.22) has no UnsortedSegmentSum at all, so embedding gradients fail there (tfjs
// issue #8082); the CPU one builds a mask per segment, O(segments × rows), ~50 s a step at a 5k
// vocabulary. ScatterNd sums duplicate indices in one pass over the rows.
import {
  getKernel, registerKernel, ScatterNd, unregisterKernel, UnsortedSegmentSum, util,
  type KernelBackend, type KernelConfig, type KernelFunc, type TensorInfo,
} from '@tensorflow/tfjs';

/** The backends that get this kernel: both keep tensors in CPU memory, which the id check relies on. */
const SEGMENT_SUM_BACKENDS = ['cpu', 'wasm'] as const;

/** A backend that gets the ScatterNd-based kernel. */
type SegmentSumBackend = (typeof SEGMENT_SUM_BACKENDS)[number];

/** The same data under another shape. Fine for CPU-memory backends, whose Reshape does just this. */
function view(t: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: t.dataId, dtype: t.dtype, shape };
}

function readNumbers(backend: KernelBackend, t: TensorInfo): ArrayLike<number> {
  const values = backend.readSync(t.dataId);
  if (Array.isArray(values)) throw new Error(`${UnsortedSegmentSum}: ${t.dtype} tensors are not supported`);
  return values;
}

function segmentSum(backendName: SegmentSumBackend): KernelFunc {
  return ({ inputs, backend: kb, attrs }) => {
    const { x, segmentIds } = inputs;
    const numSegments = attrs?.['numSegments'];
    if (!x || !segmentIds || typeof numSegments !== 'number') throw new Error(`${UnsortedSegmentSum}: bad arguments`);
    const backend = kb as KernelBackend;
    const scatterNd = getKernel(ScatterNd, backendName) as KernelConfig | undefined;
    if (!scatterNd) throw new Error(`${UnsortedSegmentSum}: backend ${backendName} has no ${ScatterNd} kernel`);
    const rest = x.shape.slice(segmentIds.shape.length);
    const rowSize = util.sizeFromShape(rest);
    const outShape = [numSegments, ...rest];
    const ids = readNumbers(backend, segmentIds);
    const n = ids.length;
    // Ids outside [0, numSegments) are dropped, as TF does for negative ids and TF.js's own CPU and
    // WebGL kernels do for both (WebGPU's wraps ids ≥ numSegments modulo numSegments: never rely on
    // out-of-range ids). ScatterNd would throw (CPU) or write out of bounds (WASM), so such rows are
    // filtered out before scattering.
    const valid: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = ids[i] ?? -1;
      if (id >= 0 && id < numSegments) valid.push(i);
    }
    const scatter = (indices: TensorInfo, updates: TensorInfo): TensorInfo =>
      scatterNd.kernelFunc({ inputs: { indices, updates }, backend, attrs: { shape: outShape } }) as TensorInfo;
    if (valid.length === n && n > 0) return scatter(view(segmentIds, [n, 1]), view(x, [n, ...rest]));
    if (valid.length === 0) {
      const zeros = x.dtype === 'int32' ? new Int32Array(numSegments * rowSize) : new Float32Array(numSegments * rowSize);
      return { dataId: backend.write(zeros, outShape, x.dtype), shape: outShape, dtype: x.dtype };
    }
    // Rare path (invalid ids present): copy the kept rows. Cheap next to the scatter itself.
    const values = readNumbers(backend, x);
    const keptIds = new Int32Array(valid.length);
    const keptRows = x.dtype === 'int32' ? new Int32Array(valid.length * rowSize) : new Float32Array(valid.length * rowSize);
    valid.forEach((row, k) => {
      keptIds[k] = ids[row] ?? 0;
      for (let j = 0; j < rowSize; j++) keptRows[k * rowSize + j] = values[row * rowSize + j] ?? 0;
    });
    const indices = { dataId: backend.write(keptIds, [valid.length, 1], 'int32'), shape: [valid.length, 1], dtype: 'int32' as const };
    const updates = { dataId: backend.write(keptRows, [valid.length, ...rest], x.dtype), shape: [valid.length, ...rest], dtype: x.dtype };
    try {
      return scatter(indices, updates);
    } finally {
      backend.disposeData(indices.dataId);
      backend.disposeData(updates.dataId);
    }
  };
}

const configs = new Map<SegmentSumBackend, KernelConfig>(
  SEGMENT_SUM_BACKENDS.map((backendName) => [backendName, { kernelName: UnsortedSegmentSum, backendName, kernelFunc: segmentSum(backendName) }]),
);

/** Installs the ScatterNd-based UnsortedSegmentSum for cpu and wasm, replacing the slow CPU one. Idempotent. */
export function registerSegmentSumKernels(): void {
  for (const [backendName, config] of configs) {
    const existing = getKernel(UnsortedSegmentSum, backendName) as KernelConfig | undefined;
    if (existing === config) continue;
    // registerKernel would overwrite too, but logs a warning; unregister first to keep the console clean.
    if (existing) unregisterKernel(UnsortedSegmentSum, backendName);
    registerKernel(config);
  }
}
