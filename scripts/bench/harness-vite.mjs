// Vite config of a bench harness page (scripts/bench/<name>/index.html): a page that drives the app's
// own compute worker (src/workers/compute-client.ts) from outside the app. Built into
// .bench/harness-dist/<name>; each harness's vite.config.mjs is `harnessViteConfig(import.meta.dirname)`.
import { basename, resolve } from 'node:path';
import { defineConfig } from 'vite';
import { tfjsWasmThreads } from '../vite/tfjs-wasm-threads.ts';

/** The Vite config that builds the harness in folder `dir` into .bench/harness-dist/<folder name>, workers as the app builds them. */
export function harnessViteConfig(dir) {
  return defineConfig({
    root: dir,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    // As the app's vite.config.ts: the compute worker's threaded WASM backend needs this fix when minified.
    worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
    build: {
      outDir: resolve(import.meta.dirname, '../../.bench/harness-dist', basename(dir)),
      emptyOutDir: true,
      target: 'es2022',
    },
  });
}
