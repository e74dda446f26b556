import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, probeWith, rankBackends, type BackendCandidate, type BackendName } from './backend-order';

const hwGpu: BackendCandidate = { name: 'webgpu', software: false, detail: 'nvidia ampere' };
const swGpu: BackendCandidate = { name: 'webgpu', software: true, detail: 'google swiftshader' };
const hwGl: BackendCandidate = { name: 'webgl', software: false, detail: 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)' };
const swGl: BackendCandidate = { name: 'webgl', software: true, detail: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))' };
const wasm: BackendCandidate = { name: 'wasm', software: false, detail: 'SIMD, threads' };
const cpu: BackendCandidate = { name: 'cpu', software: false, detail: 'plain JavaScript' };
const names = (cs: BackendCandidate[]) => cs.map((c) => `${c.name}${c.software ? '(sw)' : ''}`);

describe('isSoftwareRenderer', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Microsoft Basic Render Driver',
    'Mesa lavapipe',
  ])('flags %s', (d) => expect(isSoftwareRenderer(d)).toBe(true));
  it.each(['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', 'Apple M2', 'intel gen-12lp'])(
    'accepts %s',
    (d) => expect(isSoftwareRenderer(d)).toBe(false),
  );
});

describe('rankBackends', () => {
  it('prefers hardware WebGPU, then hardware WebGL, WASM, CPU', () => {
    expect(names(rankBackends([cpu, wasm, hwGl, hwGpu]))).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });
  it('never picks a software GPU by itself: WASM comes first on a GPU-less machine', () => {
    expect(names(rankBackends([swGpu, swGl, wasm, cpu]))).toEqual(['wasm', 'cpu']);
    expect(names(rankBackends([swGpu, hwGl, wasm, cpu]))).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('honours an override, software GPUs included, and keeps the rest as fallbacks', () => {
    expect(names(rankBackends([swGpu, swGl, wasm, cpu], 'webgl'))).toEqual(['webgl(sw)', 'wasm', 'cpu']);
    expect(names(rankBackends([hwGpu, wasm, cpu], 'cpu'))).toEqual(['cpu', 'webgpu', 'wasm']);
  });
  it('ignores an override that is not available', () => {
    expect(names(rankBackends([wasm, cpu], 'webgpu'))).toEqual(['wasm', 'cpu']);
  });
});

describe('probeWith', () => {
  it('reports in canonical order and treats a throwing probe as unavailable', async () => {
    const probes: Record<BackendName, () => Promise<BackendCandidate | null>> = {
      webgpu: () => Promise.reject(new Error('no adapter')),
      webgl: async () => swGl,
      wasm: async () => wasm,
      cpu: async () => cpu,
    };
    expect(await probeWith(probes)).toEqual([swGl, wasm, cpu]);
  });
});
