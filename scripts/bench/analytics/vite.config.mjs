// Separate Vite build of the analytics bench harness: a page that drives the app's own compute worker
// (src/workers/compute-client.ts) from outside the app. Built into .bench/harness-dist.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const HERE = import.meta.dirname;

export default defineConfig({
  root: HERE,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: resolve(HERE, '../../../.bench/harness-dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
