// Browser probes for backends.ts. They run in the compute worker: Chromium exposes `navigator.gpu`
// to dedicated workers, and WebGL works there through OffscreenCanvas.
import { env } from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm'; // registers the WASM_HAS_* flags read below
import { isSoftwareRenderer, type BackendCandidate, type BackendName, type BackendProbe } from './backend-order';

// Just the WebGPU surface we read; declared here so the code type-checks under both the DOM and
// the WebWorker libs whether or not @webgpu/types is loaded. `isFallbackAdapter` moved from the
// adapter into `adapter.info` (Chrome 136), so both are read.
interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuAdapterLike {
  info?: GpuAdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null>;
}

async function probeWebgpu(): Promise<BackendCandidate | null> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return null;
  // Same options as tfjs-backend-webgpu's own factory, so we judge the adapter it will get.
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const detail = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return { name: 'webgpu', software: fallback || isSoftwareRenderer(detail), detail };
}

async function probeWebgl(): Promise<BackendCandidate | null> {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const canvas = new OffscreenCanvas(1, 1);
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  // The unmasked renderer names SwiftShader/llvmpipe; newer Chromium also puts it in RENDERER.
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const detail = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  // Give the context back now: browsers cap live WebGL contexts and TF.js will make its own.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { name: 'webgl', software: isSoftwareRenderer(detail), detail };
}

async function probeWasm(): Promise<BackendCandidate | null> {
  if (typeof WebAssembly !== 'object') return null;
  const simd = await env().getAsync('WASM_HAS_SIMD_SUPPORT');
  // Threads need SharedArrayBuffer, which only a cross-origin-isolated page gets (COOP + COEP).
  const threads = globalThis.crossOriginIsolated === true && (await env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const detail = `${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'threads' : 'no threads (not cross-origin isolated)'}`;
  return { name: 'wasm', software: false, detail };
}

async function probeCpu(): Promise<BackendCandidate> {
  return { name: 'cpu', software: false, detail: 'plain JavaScript' };
}

/** The real probes, one per backend. */
export const browserProbes: Record<BackendName, BackendProbe> = {
  webgpu: probeWebgpu,
  webgl: probeWebgl,
  wasm: probeWasm,
  cpu: probeCpu,
};
