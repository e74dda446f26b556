// The WASM binaries come from our own build (no CDN at runtime): Vite emits each `?url` import as
// a hashed asset next to the worker chunk, and the service worker precaches `*.wasm`.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let configured = false;

/** Points tfjs-backend-wasm at our emitted binaries; must run before the first `setBackend('wasm')`. */
export function configureWasmPaths(): void {
  // Node (tests, benchmarks) has neither a window nor a worker scope: tfjs-backend-wasm finds its
  // binaries next to itself there, and the bundler's asset URLs mean nothing.
  const scope = globalThis as { window?: unknown; self?: unknown };
  if (configured || (scope.window === undefined && scope.self === undefined)) return;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainUrl,
    'tfjs-backend-wasm-simd.wasm': simdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdUrl,
  });
  configured = true;
}
