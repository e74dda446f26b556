// Backend selection for the compute worker (ARCHITECTURE.md §3). Probing and ranking are injected
// (see backend-order.ts) so the rules are tested in node; the defaults touch the real browser.
import { env, removeBackend, setBackend } from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu'; // registers 'webgpu' where navigator.gpu exists
import { probeWith, rankBackends, type BackendCandidate, type BackendInfo, type BackendName, type BackendProbe } from './backend-order';
import { browserProbes } from './probes';
import { registerSegmentSumKernels } from './segment-sum';
import { configureWasmPaths } from './wasm-paths';

export type { BackendCandidate, BackendInfo, BackendName } from './backend-order';

/** How long one backend may take to start before the next is tried: a broken threaded-WASM build hangs `setBackend` forever (§3b). */
export const BACKEND_START_TIMEOUT_MS = 30_000;

/** What initBackend needs from the outside world; tests pass fakes. */
export interface BackendDeps {
  probes: Record<BackendName, BackendProbe>;
  /** Starts a backend; resolves to its detail once running, or null when it could not start. */
  start: (candidate: BackendCandidate) => Promise<string | null>;
  /** Cleans up after a start that timed out, so the next backend can run. */
  abandon: (candidate: BackendCandidate) => void;
  startTimeoutMs: number;
}

async function startTfBackend(candidate: BackendCandidate): Promise<string | null> {
  if (candidate.name === 'wasm') configureWasmPaths();
  if (!(await setBackend(candidate.name))) return null;
  registerSegmentSumKernels();
  if (candidate.name !== 'wasm') return candidate.detail;
  // Only now is the real thread count known (1 when the page is not cross-origin isolated).
  const simd = await env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = getThreadsCount();
  return `${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'}`;
}

// TF.js keeps a hung backend's init pending, and while one is pending every op throws "Backend
// 'cpu' has not yet been initialized", even after setBackend('cpu') succeeded. removeBackend
// (called while the hung one is still the selected backend) is the only public way to clear it.
function abandonTfBackend(candidate: BackendCandidate): void {
  try {
    removeBackend(candidate.name);
  } catch (error) {
    console.warn(`Could not remove TF.js backend ${candidate.name}`, error);
  }
}

const browserDeps: BackendDeps = {
  probes: browserProbes,
  start: startTfBackend,
  abandon: abandonTfBackend,
  startTimeoutMs: BACKEND_START_TIMEOUT_MS,
};

let current: BackendInfo | null = null;

/** Lists the backends usable here, in canonical order, each marked software or not. */
export function probeBackends(probes: Record<BackendName, BackendProbe> = browserProbes): Promise<BackendCandidate[]> {
  return probeWith(probes);
}

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the best backend, or `preferred` when it is available (a software GPU included, marked
 * `software`). A backend that fails or hangs is skipped for the next in order; CPU always works.
 * Call it before any other TF.js work in the worker; calling again switches backend.
 */
export async function initBackend(preferred?: BackendName, deps: BackendDeps = browserDeps): Promise<BackendInfo> {
  const available = await probeWith(deps.probes);
  for (const candidate of rankBackends(available, preferred)) {
    const started = deps.start(candidate).catch((error: unknown) => {
      console.warn(`TF.js backend ${candidate.name} failed to start`, error);
      return null;
    });
    const detail = await withTimeout(started, deps.startTimeoutMs);
    if (detail !== null && detail !== TIMED_OUT) return (current = { ...candidate, detail, available });
    const why = detail === TIMED_OUT ? `did not start within ${deps.startTimeoutMs} ms` : 'could not start';
    console.warn(`TF.js backend ${candidate.name} ${why}; trying the next one`);
    if (detail === TIMED_OUT) deps.abandon(candidate);
  }
  throw new Error(`No TF.js backend could start (available: ${available.map((c) => c.name).join(', ') || 'none'})`);
}

/** The backend initBackend last started, or null before the first call. */
export function currentBackend(): BackendInfo | null {
  return current;
}
