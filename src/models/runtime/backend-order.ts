// Pure backend ranking (ARCHITECTURE.md §3): hardware WebGPU → hardware WebGL → WASM → CPU.
// Kept free of TF.js and browser APIs so the rules are unit-tested in node with fake probe results.

/** The TF.js backends ShopLens can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** One backend that a probe found usable on this machine. */
export interface BackendCandidate {
  name: BackendName;
  /** A software rasteriser posing as a GPU (SwiftShader, llvmpipe, WARP): slower than WASM. */
  software: boolean;
  /** Adapter or renderer string for GPUs; SIMD and thread count for WASM. */
  detail: string;
}

/** The backend that runs, and everything that could have. */
export interface BackendInfo extends BackendCandidate {
  available: BackendCandidate[];
}

/** Finds one backend; null when it cannot run here. A probe that throws counts as null. */
export type BackendProbe = () => Promise<BackendCandidate | null>;

/** The canonical order, also the order `probeWith` reports in. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Renderer or adapter names of software rasterisers: Chrome's SwiftShader, Mesa's llvmpipe/lavapipe/softpipe, Windows WARP. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|basic render driver/i;

/** True when an adapter or renderer description names a software rasteriser. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}

/** Runs every probe (concurrently; one failing never hides the others) and lists the usable backends in canonical order. */
export async function probeWith(probes: Record<BackendName, BackendProbe>): Promise<BackendCandidate[]> {
  const found = await Promise.all(BACKEND_ORDER.map((name) => probes[name]().catch(() => null)));
  return found.filter((c): c is BackendCandidate => c !== null);
}

/**
 * The order to try backends in: the user's choice first when it is available (a software GPU
 * included: an explicit override is honoured, and `software` marks it), then hardware GPUs, WASM
 * and CPU. Software GPUs are never picked automatically: WASM beats them 10–80× (§3b).
 */
export function rankBackends(available: readonly BackendCandidate[], preferred?: BackendName): BackendCandidate[] {
  const auto = BACKEND_ORDER.flatMap((name) => available.filter((c) => c.name === name && !c.software));
  const chosen = available.find((c) => c.name === preferred);
  return chosen ? [chosen, ...auto.filter((c) => c !== chosen)] : auto;
}
