// The model runtime in the compute worker: TF.js starts on first use (its code is a separate chunk,
// so opening a dataset never waits for it), and the user can switch backends.
import type { BackendInfo, BackendName } from '../models/runtime/backends';
import type { RuntimeSelfTest } from '../models/runtime/self-test';

let started: Promise<BackendInfo> | null = null;

/** Starts (or switches) the TF.js backend; without a preference keeps the current one. */
export function ensureRuntime(preferred?: BackendName): Promise<BackendInfo> {
  if (!started || preferred) {
    started = import('../models/runtime/backends').then((m) => m.initBackend(preferred));
    started.catch(() => {
      started = null;
    });
  }
  return started;
}

/** Matmul throughput and kernel checks on the running backend. */
export async function selfTest(): Promise<RuntimeSelfTest> {
  await ensureRuntime();
  return (await import('../models/runtime/self-test')).runtimeSelfTest();
}
