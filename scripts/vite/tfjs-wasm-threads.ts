// Vite plugin: keeps threaded WASM working in minified builds (ARCHITECTURE.md §3b).
//
// tfjs-backend-wasm 4.22 hands emscripten's pthread workers a script made from source text:
//   new Blob([`var WasmBackendModuleThreadedSimd = ` + wasmFactoryThreadedSimd.toString()], …)
// Once minified, that function's text refers to names bound outside it (the minifier renames
// `_scriptDir` and the CommonJS wrapper's variables to `e`, `t`, …), so every pthread dies with
// "ReferenceError: e is not defined" and `setBackend('wasm')` never resolves. This transform feeds
// the blob the untouched emscripten file instead, imported `?raw`: a plain script that defines
// `var WasmBackendModuleThreadedSimd` itself, which is exactly what the pthread script calls.
import type { Plugin } from 'vite';

/** The module that builds the blob: the ESM build Vite resolves through the package's `module` field. */
const TARGET = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
/** Any module of the package: seeing one without patching TARGET means a tfjs upgrade moved the code. */
const PACKAGE = /[\\/]@tensorflow[\\/]tfjs-backend-wasm[\\/]/;
/** The blob's source expression, exactly as 4.22 writes it. */
const BLOB_SOURCE = /`var WasmBackendModuleThreadedSimd = `\s*\+\s*wasmFactoryThreadedSimd\.toString\(\)/g;
/** Name bound to the raw emscripten text in the patched module. */
const RAW_NAME = '__shoplensThreadedSimdSource';
// No trailing newline: prepended to line 1 it keeps every line number, so stack traces stay right.
const RAW_IMPORT = `import ${RAW_NAME} from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';`;

/** Patches tfjs-backend-wasm's pthread blob; fails the build if the code to patch is not found. */
export function tfjsWasmThreads(): Plugin {
  let patched = false;
  let sawPackage = false;
  return {
    name: 'shoplens:tfjs-wasm-threads',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      patched = false;
      sawPackage = false;
    },
    transform(code, id) {
      const file = id.split('?', 1)[0] ?? id;
      if (!PACKAGE.test(file)) return null;
      sawPackage = true;
      if (!TARGET.test(file)) return null;
      const found = code.match(BLOB_SOURCE)?.length ?? 0;
      if (found !== 1) {
        this.error(
          `tfjs-wasm-threads: expected the pthread blob expression once in ${file}, found it ${found} times. ` +
            'tfjs-backend-wasm changed: re-check how it builds mainScriptUrlOrBlob and update scripts/vite/tfjs-wasm-threads.ts.',
        );
      }
      patched = true;
      return { code: RAW_IMPORT + code.replace(BLOB_SOURCE, RAW_NAME), map: null };
    },
    buildEnd(error) {
      if (!error && sawPackage && !patched) {
        this.error(
          'tfjs-wasm-threads: tfjs-backend-wasm is bundled but dist/backend_wasm.js was never transformed ' +
            '(another entry file resolved?). Threaded WASM would hang in this build; update the plugin.',
        );
      }
    },
  };
}
