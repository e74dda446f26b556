import { describe, expect, it, vi } from 'vitest';
import type { BackendCandidate, BackendName } from './backend-order';
import { currentBackend, initBackend, type BackendDeps } from './backends';

const found: Record<BackendName, BackendCandidate | null> = {
  webgpu: { name: 'webgpu', software: true, detail: 'google swiftshader' },
  webgl: { name: 'webgl', software: false, detail: 'ANGLE (AMD, Radeon)' },
  wasm: { name: 'wasm', software: false, detail: 'SIMD, threads' },
  cpu: { name: 'cpu', software: false, detail: 'plain JavaScript' },
};

function deps(start: BackendDeps['start'], abandon: BackendDeps['abandon'] = () => undefined): BackendDeps {
  const probe = (name: BackendName) => async () => found[name];
  return {
    probes: { webgpu: probe('webgpu'), webgl: probe('webgl'), wasm: probe('wasm'), cpu: probe('cpu') },
    start,
    abandon,
    startTimeoutMs: 50,
  };
}

describe('initBackend', () => {
  it('starts the best hardware backend and reports what else is available', async () => {
    const info = await initBackend(undefined, deps(async (c) => c.detail));
    expect(info).toMatchObject({ name: 'webgl', software: false, detail: 'ANGLE (AMD, Radeon)' });
    expect(info.available.map((c) => c.name)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(currentBackend()).toEqual(info);
  });

  it('runs an override to a software GPU, marked as software', async () => {
    const info = await initBackend('webgpu', deps(async (c) => c.detail));
    expect(info).toMatchObject({ name: 'webgpu', software: true });
  });

  it('falls through a backend that fails or hangs, keeping the detail the start reports', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tried: string[] = [];
    const start: BackendDeps['start'] = (c) => {
      tried.push(c.name);
      if (c.name === 'webgl') return Promise.reject(new Error('context lost'));
      if (c.name === 'wasm') return new Promise(() => undefined); // the minified-threads hang
      return Promise.resolve(`${c.detail}!`);
    };
    const abandoned: string[] = [];
    const info = await initBackend(undefined, deps(start, (c) => abandoned.push(c.name)));
    expect(tried).toEqual(['webgl', 'wasm', 'cpu']);
    expect(abandoned).toEqual(['wasm']); // only the hung one needs cleaning up
    expect(info).toMatchObject({ name: 'cpu', detail: 'plain JavaScript!' });
  });

  it('throws when nothing starts', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(initBackend(undefined, deps(async () => null))).rejects.toThrow(/No TF.js backend/);
  });
});
